import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { buildDependencyGraph } from '../../src/graph/dependency-graph.js';
import { matchSelector, selectProjects } from '../../src/graph/select-projects.js';
import { makeIndex, rule } from './fixtures.js';

const index = makeIndex([
  'frameworks/extra-cmake-modules',
  'frameworks/kcoreaddons',
  'frameworks/kconfig',
  'frameworks/kdelibs4support',
  'kde/workspace/kwin',
  'kde/applications/dolphin',
  'kde/applications/konqueror',
  'kdesupport/phonon/phonon',
], ['frameworks/kdelibs4support', 'kde/applications/konqueror']);

const graph = buildDependencyGraph({ index, rules: [
  rule('*', 'frameworks/extra-cmake-modules'),
  rule('*', 'third-party/Qt5'),
  rule('kconfig', 'kcoreaddons'),
  rule('dolphin', 'kconfig'),
  rule('dolphin', 'kdelibs4support'),
  rule('konqueror', 'dolphin'),
  rule('kwin', 'kconfig'),
] });

function select(selectors: string[], more: { ignore?: string[]; all?: boolean;
  includeDependencies?: boolean } = {}) {
  return selectProjects(graph, index, {
    selectors, ignore: more.ignore ?? [], all: more.all,
    includeDependencies: more.includeDependencies ?? true,
  });
}

describe('matchSelector', () => {
  it('matches a short name, a full path, a path ending and a folder', () => {
    expect(matchSelector('kcoreaddons', index)).toEqual(['frameworks/kcoreaddons']);
    expect(matchSelector('frameworks/kconfig', index)).toEqual(['frameworks/kconfig']);
    expect(matchSelector('phonon/phonon', index)).toEqual(['kdesupport/phonon/phonon']);
    expect(matchSelector('phonon', index)).toEqual(['kdesupport/phonon/phonon']);
    expect(matchSelector('kde/applications', index))
      .toEqual(['kde/applications/dolphin', 'kde/applications/konqueror']);
    expect(matchSelector('kde/applications/', index)).toHaveLength(2);
  });

  it('expands wildcards in index order', () => {
    expect(matchSelector('frameworks/*', index)).toEqual([
      'frameworks/extra-cmake-modules', 'frameworks/kcoreaddons',
      'frameworks/kconfig', 'frameworks/kdelibs4support',
    ]);
    expect(matchSelector('kc*', index)).toEqual(['frameworks/kcoreaddons', 'frameworks/kconfig']);
    expect(matchSelector('*', index)).toHaveLength(8);
  });

  it('rejects an unknown selector, quoting it with suggestions', () => {
    expect(() => matchSelector('kcoreadons', index)).toThrow(UsageError);
    expect(() => matchSelector('kcoreadons', index)).toThrow(
      "no project matches 'kcoreadons'. Did you mean 'kcoreaddons'?");
    expect(() => matchSelector('frameworks/kconfg', index))
      .toThrow("Did you mean 'frameworks/kconfig'?");
    expect(() => matchSelector('zzzzzzzzzzzz', index)).toThrow(
      "no project matches 'zzzzzzzzzzzz'. Run 'kappy list --all' to see every project.");
    expect(() => matchSelector('plasma/*', index)).toThrow(UsageError);
  });

  it('offers at most three suggestions, closest first', () => {
    const many = makeIndex(['a/kcalc', 'a/kcalx', 'a/kcal', 'a/kcalcy', 'a/kcalcz']);
    expect(() => matchSelector('kcalq', many))
      .toThrow("Did you mean 'kcal', 'kcalc', 'kcalx'?");
  });
});

describe('selectProjects', () => {
  it('includes transitive dependencies and reports externals', () => {
    const result = select(['kwin']);
    expect(result.paths).toEqual([
      'kde/workspace/kwin', 'frameworks/extra-cmake-modules', 'frameworks/kconfig',
      'frameworks/kcoreaddons',
    ]);
    expect(result.listedOrder).toEqual(['kde/workspace/kwin']);
    expect(result.external).toEqual(['third-party/Qt5']);
  });

  it('leaves dependencies out when told to', () => {
    const result = select(['kwin', 'dolphin'], { includeDependencies: false });
    expect(result.paths).toEqual(['kde/workspace/kwin', 'kde/applications/dolphin']);
    expect(result.external).toEqual(['third-party/Qt5']);
  });

  it('lets an ignore win over a selector and over a dependency', () => {
    const result = select(['frameworks/*', 'kwin'], { ignore: ['kconfig'] });
    expect(result.paths).not.toContain('frameworks/kconfig');
    expect(result.listedOrder).toEqual([
      'frameworks/extra-cmake-modules', 'frameworks/kcoreaddons', 'kde/workspace/kwin',
    ]);
    expect(select(['kwin'], { ignore: ['kconfig'] }).ignored).toEqual(['frameworks/kconfig']);
    expect(() => select(['kwin'], { ignore: ['kconfg'] })).toThrow(UsageError);
  });

  it('selects every active project with --all, minus the ignored ones', () => {
    const result = select([], { all: true, ignore: ['phonon'] });
    expect(result.paths).toEqual([
      'frameworks/extra-cmake-modules', 'frameworks/kcoreaddons', 'frameworks/kconfig',
      'kde/workspace/kwin', 'kde/applications/dolphin',
    ]);
    expect(result.ignored).toEqual(['frameworks/kdelibs4support']);
    expect(result.listedOrder).toEqual([]);
  });

  it('builds an inactive project only when it is named', () => {
    expect(select(['frameworks/*']).paths).not.toContain('frameworks/kdelibs4support');
    expect(select(['kde/applications']).paths).not.toContain('kde/applications/konqueror');
    expect(select(['dolphin']).ignored).toEqual(['frameworks/kdelibs4support']);

    const named = select(['konqueror', 'kdelibs4support']);
    expect(named.listedOrder)
      .toEqual(['kde/applications/konqueror', 'frameworks/kdelibs4support']);
    expect(named.paths).toContain('kde/applications/dolphin');
  });

  it('throws for an unknown selector', () => {
    expect(() => select(['kwni'])).toThrow("no project matches 'kwni'. Did you mean 'kwin'?");
  });
});
