import { describe, expect, it } from 'vitest';
import { addEdge, buildDependencyGraph } from '../../src/graph/dependency-graph.js';
import { numberGraph, type NumberedGraph } from '../../src/graph/numbered-graph.js';
import { makeIndex, rule } from './fixtures.js';

/** Each node's dependencies by path, read back from the flat arrays. */
function edgesOf(numbered: NumberedGraph): Record<string, string[]> {
  const edges: Record<string, string[]> = {};
  numbered.paths.forEach((path, id) => {
    const ids = numbered.dependencyIds.subarray(numbered.dependencyStart[id],
      numbered.dependencyStart[id + 1]);
    edges[path] = [...ids].map((dep) => numbered.paths[dep]!);
  });
  return edges;
}

describe('numberGraph', () => {
  const index = makeIndex(['a/ecm', 'a/core', 'a/config', 'b/app']);

  it('numbers projects in index order, then externals, edges as the Sets hold them', () => {
    const graph = buildDependencyGraph({ index, rules: [
      rule('b/app', 'a/config'),
      rule('*', 'a/ecm'),
      rule('b/app', 'Qt5'),
    ] });
    const numbered = numberGraph(graph);

    expect(numbered.paths).toEqual(['a/ecm', 'a/core', 'a/config', 'b/app', 'Qt5']);
    expect([...numbered.external]).toEqual([0, 0, 0, 0, 1]);
    expect(numbered.idOf.get('b/app')).toBe(3);
    const fromSets = Object.fromEntries([...graph.nodes].map(([path, node]) =>
      [path, [...node.dependencies]]));
    expect(edgesOf(numbered)).toEqual(fromSets);
  });

  it('is made once, and again after addEdge changes the graph', () => {
    const graph = buildDependencyGraph({ index, rules: [rule('b/app', 'a/core')] });
    const first = numberGraph(graph);
    expect(numberGraph(graph)).toBe(first);

    addEdge(graph, 'a/core', 'third-party/zlib');
    const second = numberGraph(graph);
    expect(second).not.toBe(first);
    expect(edgesOf(second)['a/core']).toEqual(['third-party/zlib']);
    expect(second.external[second.idOf.get('third-party/zlib')!]).toBe(1);
  });
});
