import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDependencyGraph, describeUnmatchedRules } from '../../src/graph/dependency-graph.js';
import { findCycle } from '../../src/graph/find-cycle.js';
import { computeLevels, findCriticalPath } from '../../src/graph/levels.js';
import { orderProjects } from '../../src/graph/order-projects.js';
import { selectProjects } from '../../src/graph/select-projects.js';
import { parseDependencyData } from '../../src/metadata/dependency-data.js';
import { parseKdeProjectsXml } from '../../src/metadata/kde-projects-xml.js';
import { depsOf } from './fixtures.js';

// Real KDE metadata: the 2015 XML with its contemporaneous dependency data,
// and the 2020 kf5-qt5 data against the March 2017 XML KDE neon stripped to
// frameworks and kde/.
const dataDir = join(import.meta.dirname, '../../../shared/data/kde');

function load(xml: string, dependencyFiles: string[]) {
  const index = parseKdeProjectsXml(readFileSync(join(dataDir, xml), 'utf8'), xml);
  const rules = dependencyFiles.flatMap((file) =>
    parseDependencyData(readFileSync(join(dataDir, file), 'utf8'), file));
  return { index, graph: buildDependencyGraph({ index, rules }) };
}

function select(data: ReturnType<typeof load>, selectors: string[], all = false) {
  return selectProjects(data.graph, data.index, {
    selectors, ignore: [], all, includeDependencies: true,
  });
}

describe('2015 kde_projects.xml with kf5-qt5 dependency data', () => {
  const data = load('kde_projects-2015-12-27-wenzel-ba0a82a.xml', [
    'dependency-data-common-2015-12-24-9d23f20',
    'dependency-data-kf5-qt5-2015-12-24-9d23f20',
  ]);

  it('has no dependency cycle anywhere', () => {
    expect(findCycle(data.graph)).toBeUndefined();
  });

  it('gives every project extra-cmake-modules and Qt5 through the * rules', () => {
    // In 2015 extra-cmake-modules still lived in kdesupport/.
    expect(depsOf(data.graph, 'frameworks/kcoreaddons'))
      .toEqual(['Qt5', 'kdesupport/extra-cmake-modules']);
    expect(depsOf(data.graph, 'kdesupport/extra-cmake-modules')).toEqual(['Qt5']);
    expect(data.graph.nodes.get('Qt5')?.external).toBe(true);
  });

  it('matches rules written with old paths by the last path component', () => {
    // `kde/workspace/kscreenlocker: frameworks/kwayland`
    expect(depsOf(data.graph, 'kde/workspace/kscreenlocker'))
      .toContain('kde/workspace/kwayland');
    // `kdesupport/phonon/phonon-xine: kdesupport/phonon/phonon`
    expect(depsOf(data.graph, 'unmaintained/phonon-xine')).toContain('kdesupport/phonon/phonon');
  });

  it('lets trojita cancel the kf5umbrella edge that extragear/* adds', () => {
    expect(depsOf(data.graph, 'extragear/pim/trojita')).not.toContain('frameworks/kf5umbrella');
    expect(depsOf(data.graph, 'extragear/edu/labplot')).toContain('frameworks/kf5umbrella');
    expect(data.graph.nodes.get('frameworks/kf5umbrella')?.external).toBe(true);
  });

  it('reports the rules about projects the XML does not have', () => {
    const lines = describeUnmatchedRules(data.graph);
    expect(lines).toContain('dependency-data-kf5-qt5-2015-12-24-9d23f20:326: rule '
      + "'frameworks/kf5umbrella: frameworks/attica' matches no project in the metadata");
  });

  it('orders frameworks/* with their dependencies, build tools first', () => {
    const selection = select(data, ['frameworks/*']);
    const order = orderProjects(data.graph, selection.paths, selection.listedOrder);

    expect(order[0]).toBe('kdesupport/extra-cmake-modules');
    expect(order.indexOf('frameworks/kcoreaddons')).toBeLessThan(order.indexOf('frameworks/kio'));
    expect(order).toContain('kdesupport/polkit-qt-1');
    expect(selection.external).toContain('Qt5');
    expect(order).not.toContain('Qt5');
    expectDependenciesFirst(data.graph, order);
  });

  it('orders --all and exposes levels and a critical path', () => {
    const selection = select(data, [], true);
    const order = orderProjects(data.graph, selection.paths, selection.listedOrder);
    expect(order).toHaveLength(735);
    expectDependenciesFirst(data.graph, order);

    const levels = computeLevels(data.graph, order);
    expect(levels[0]).toEqual(['kdesupport/extra-cmake-modules']);
    expect(levels.flat()).toHaveLength(735);
    const critical = findCriticalPath(data.graph, order);
    expect(critical.length).toBe(levels.length);
    expect(critical.chain[0]).toBe('kdesupport/extra-cmake-modules');
  });
});

describe('2020 kf5-qt5 dependency data with the 2017 stripped XML', () => {
  const data = load('kde_projects_stripped-2017-03-14-pangea-4d7bdfe.xml', [
    'dependency-data-common-2020-05-14-7477758',
    'dependency-data-kf5-qt5-2020-05-14-7477758',
  ]);

  it('has no dependency cycle', () => {
    expect(findCycle(data.graph)).toBeUndefined();
  });

  it('keeps what the stripped XML lacks as external nodes', () => {
    // The fixture has no extra-cmake-modules; everything still needs it.
    expect(depsOf(data.graph, 'frameworks/kcoreaddons'))
      .toEqual(['frameworks/extra-cmake-modules', 'third-party/Qt5']);
    expect(data.graph.nodes.get('frameworks/extra-cmake-modules')?.external).toBe(true);
    expect(data.graph.nodes.get('third-party/Qt5')?.dependencies.size).toBe(0);
  });

  it('orders frameworks/* and kde/applications with dependencies first', () => {
    const selection = select(data, ['frameworks/*', 'dolphin']);
    const order = orderProjects(data.graph, selection.paths, selection.listedOrder);

    expect(order[0]).toBe('frameworks/kcoreaddons');
    expect(order.at(-1)).not.toBe('frameworks/kcoreaddons');
    expect(order).toContain('kde/applications/dolphin');
    expect(selection.external).toEqual(expect.arrayContaining([
      'frameworks/extra-cmake-modules', 'third-party/Qt5',
    ]));
    expectDependenciesFirst(data.graph, order);
  });
});

function expectDependenciesFirst(
  graph: ReturnType<typeof load>['graph'],
  order: string[],
): void {
  const position = new Map(order.map((path, at) => [path, at]));
  for (const path of order) {
    for (const dep of graph.nodes.get(path)!.dependencies) {
      if (position.has(dep)) expect(position.get(dep)!).toBeLessThan(position.get(path)!);
    }
  }
}
