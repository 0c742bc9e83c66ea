import { describe, expect, it } from 'vitest';
import { graphFromEdges } from '../../src/graph/graph-from-edges.js';
import {
  collectDependencies, collectDependents, computeLevels, findCriticalPath,
} from '../../src/graph/levels.js';

// ecm ← kcoreaddons ← kconfig ← kio ← dolphin; kwidgetsaddons ← kio;
// ecm ← kwidgetsaddons; Qt5 is external.
const graph = graphFromEdges([
  ['kcoreaddons', 'ecm'], ['kwidgetsaddons', 'ecm'], ['kconfig', 'kcoreaddons'],
  ['kio', 'kconfig'], ['kio', 'kwidgetsaddons'], ['dolphin', 'kio'],
  ['kcoreaddons', 'Qt5'], ['solo', 'Qt5'],
], { external: ['Qt5'] });
const all = ['dolphin', 'ecm', 'kconfig', 'kcoreaddons', 'kio', 'kwidgetsaddons', 'solo'];

describe('computeLevels', () => {
  it('groups projects by how deep their dependencies go', () => {
    expect(computeLevels(graph, all)).toEqual([
      ['ecm', 'solo'], ['kcoreaddons', 'kwidgetsaddons'], ['kconfig'], ['kio'], ['dolphin'],
    ]);
  });

  it('counts only dependencies inside the selection', () => {
    expect(computeLevels(graph, ['kio', 'kwidgetsaddons', 'dolphin']))
      .toEqual([['kwidgetsaddons'], ['kio'], ['dolphin']]);
  });

  it('throws on a cycle', () => {
    const cyclic = graphFromEdges([['a', 'b'], ['b', 'a']]);
    expect(() => computeLevels(cyclic, ['a', 'b'])).toThrow('a → b → a');
  });
});

describe('findCriticalPath', () => {
  it('finds the longest chain, dependencies first', () => {
    expect(findCriticalPath(graph, all)).toEqual({
      chain: ['ecm', 'kcoreaddons', 'kconfig', 'kio', 'dolphin'], length: 5,
    });
  });

  it('weighs projects by the given cost', () => {
    const cost: Record<string, number> = { kwidgetsaddons: 30, kcoreaddons: 5, kconfig: 5 };
    const weight = (path: string): number => cost[path] ?? 1;
    expect(findCriticalPath(graph, all, weight)).toEqual({
      chain: ['ecm', 'kwidgetsaddons', 'kio', 'dolphin'], length: 33,
    });
  });

  it('gives an empty chain for an empty selection', () => {
    expect(findCriticalPath(graph, [])).toEqual({ chain: [], length: 0 });
  });
});

describe('collectDependents and collectDependencies', () => {
  it('lists everything a failure would block', () => {
    expect([...collectDependents(graph, 'kcoreaddons')].sort())
      .toEqual(['dolphin', 'kconfig', 'kio']);
    expect([...collectDependents(graph, 'dolphin')]).toEqual([]);
  });

  it('lists everything a project needs, external nodes included', () => {
    expect([...collectDependencies(graph, 'kio')].sort())
      .toEqual(['Qt5', 'ecm', 'kconfig', 'kcoreaddons', 'kwidgetsaddons']);
  });

  it('stops on cycles', () => {
    const cyclic = graphFromEdges([['a', 'b'], ['b', 'a'], ['c', 'a']]);
    expect([...collectDependents(cyclic, 'a')].sort()).toEqual(['b', 'c']);
  });
});
