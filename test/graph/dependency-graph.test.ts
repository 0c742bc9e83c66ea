import { describe, expect, it } from 'vitest';
import {
  buildDependencyGraph, describeUnmatchedRules,
} from '../../src/graph/dependency-graph.js';
import { depsOf, makeIndex, rule } from './fixtures.js';

const index = makeIndex([
  'frameworks/extra-cmake-modules',
  'frameworks/kcoreaddons',
  'frameworks/kconfig',
  'kde/workspace/plasma-workspace',
  'kde/workspace/kwin',
  'kde/applications/dolphin',
  'third-party/taglib',
]);

describe('buildDependencyGraph', () => {
  it('adds edges by full path and by last path component', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('frameworks/kconfig', 'frameworks/kcoreaddons'),
      rule('dolphin', 'kconfig'),
      // An old path still finds the project that moved.
      rule('kde/kdelibs/kwin', 'kdesupport/kcoreaddons'),
    ] });

    expect(depsOf(graph, 'frameworks/kconfig')).toEqual(['frameworks/kcoreaddons']);
    expect(depsOf(graph, 'kde/applications/dolphin')).toEqual(['frameworks/kconfig']);
    expect(depsOf(graph, 'kde/workspace/kwin')).toEqual(['frameworks/kcoreaddons']);
    expect([...graph.nodes.get('frameworks/kcoreaddons')!.dependents].sort())
      .toEqual(['frameworks/kconfig', 'kde/workspace/kwin']);
  });

  it('applies * to every project but third-party ones, dropping the self-edge', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('*', 'kdesupport/extra-cmake-modules'),
    ] });

    expect(depsOf(graph, 'frameworks/kcoreaddons')).toEqual(['frameworks/extra-cmake-modules']);
    expect(depsOf(graph, 'kde/applications/dolphin'))
      .toEqual(['frameworks/extra-cmake-modules']);
    expect(depsOf(graph, 'frameworks/extra-cmake-modules')).toEqual([]);
    expect(depsOf(graph, 'third-party/taglib')).toEqual([]);
  });

  it('applies prefix wildcards by path or name, never to third-party', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('kde/workspace/*', 'frameworks/kconfig'),
      rule('kc*', 'frameworks/extra-cmake-modules'),
      rule('t*', 'frameworks/kconfig'),
    ] });

    expect(depsOf(graph, 'kde/workspace/kwin')).toEqual(['frameworks/kconfig']);
    expect(depsOf(graph, 'kde/workspace/plasma-workspace')).toEqual(['frameworks/kconfig']);
    expect(depsOf(graph, 'kde/applications/dolphin')).toEqual([]);
    expect(depsOf(graph, 'frameworks/kcoreaddons')).toEqual(['frameworks/extra-cmake-modules']);
    expect(depsOf(graph, 'frameworks/kconfig')).toEqual(['frameworks/extra-cmake-modules']);
    expect(depsOf(graph, 'third-party/taglib')).toEqual([]);
  });

  it('lets a negated rule cancel an edge a wildcard added, whatever the order', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('dolphin', 'kwin', { negated: true }),
      rule('*', 'kde/workspace/kwin'),
      rule('kde/workspace/plasma-workspace', 'kwin', { negated: true }),
    ] });

    expect(depsOf(graph, 'kde/applications/dolphin')).toEqual([]);
    expect(depsOf(graph, 'kde/workspace/plasma-workspace')).toEqual([]);
    expect(depsOf(graph, 'frameworks/kconfig')).toEqual(['kde/workspace/kwin']);
  });

  it('applies dependent[branch] only to projects on that branch', () => {
    const branches: Record<string, string> = {
      'kde/applications/dolphin': 'master',
      'kde/workspace/kwin': 'Plasma/5.4',
    };
    const graph = buildDependencyGraph({
      index,
      branchOf: (path) => branches[path],
      rules: [
        rule('dolphin', 'kconfig', { dependentBranch: 'master' }),
        rule('kwin', 'kconfig', { dependentBranch: 'master' }),
        rule('kwin', 'kcoreaddons', { dependentBranch: '*' }),
        // A qualifier on the source is informational only.
        rule('plasma-workspace', 'kconfig', { sourceBranch: 'stable' }),
      ],
    });

    expect(depsOf(graph, 'kde/applications/dolphin')).toEqual(['frameworks/kconfig']);
    expect(depsOf(graph, 'kde/workspace/kwin')).toEqual(['frameworks/kcoreaddons']);
    expect(depsOf(graph, 'kde/workspace/plasma-workspace')).toEqual(['frameworks/kconfig']);
    expect(graph.unmatchedRules).toEqual([]);
  });

  it('keeps unknown sources as external nodes with no edges of their own', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('*', 'Qt5', { sourceBranch: 'stable' }),
      rule('dolphin', 'third-party/Qt5'),
      rule('third-party/Qt5', 'frameworks/extra-cmake-modules', { negated: true }),
    ] });

    const qt = graph.nodes.get('Qt5')!;
    expect(qt.external).toBe(true);
    expect(qt.dependencies.size).toBe(0);
    expect(qt.dependents.has('frameworks/kconfig')).toBe(true);
    expect(graph.nodes.get('third-party/Qt5')?.external).toBe(true);
    expect(depsOf(graph, 'kde/applications/dolphin')).toEqual(['Qt5', 'third-party/Qt5']);
    expect(graph.nodes.get('frameworks/kconfig')!.external).toBe(false);
  });

  it('reports rules whose dependent matches nothing', () => {
    const rules = [
      rule('kde/kdenetwork/ktp*', 'frameworks/kconfig'),
      rule('calligra', 'frameworks/kconfig'),
      rule('dolphin', 'frameworks/*'),
      rule('dolphin', 'kconfig'),
    ];
    const graph = buildDependencyGraph({ index, rules });

    expect(graph.unmatchedRules).toEqual(rules.slice(0, 3));
    const lines = describeUnmatchedRules(graph);
    expect(lines[1]).toBe(`dependency-data:${rules[1]!.line}: rule 'calligra: `
      + "frameworks/kconfig' matches no project in the metadata");
    expect(lines[2]).toContain('wildcard source');
  });

  it('prefers the project whose path ends with the whole name when names clash', () => {
    const clash = makeIndex(['kdesupport/phonon/phonon', 'unmaintained/phonon', 'kde/juk']);
    const graph = buildDependencyGraph({ index: clash, rules: [
      rule('juk', 'kdesupport/phonon/phonon'),
      rule('juk', 'old/place/phonon/phonon'),
    ] });

    expect(depsOf(graph, 'kde/juk')).toEqual(['kdesupport/phonon/phonon']);
  });
});
