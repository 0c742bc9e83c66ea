import { addEdge, addNode, type DependencyGraph } from './dependency-graph.js';

/**
 * A graph from plain `[dependent, source]` pairs, for tests and for callers
 * that already know their edges. Every path mentioned becomes a project
 * node, except those listed in `external`.
 */
export function graphFromEdges(
  edges: Iterable<readonly [string, string]>,
  options: { nodes?: Iterable<string>; external?: Iterable<string> } = {},
): DependencyGraph {
  const graph: DependencyGraph = { nodes: new Map() };
  const external = new Set(options.external ?? []);

  for (const path of options.nodes ?? []) addNode(graph, path, external.has(path));
  for (const [dependent, source] of edges) {
    for (const path of [dependent, source]) {
      if (!graph.nodes.has(path)) addNode(graph, path, external.has(path));
    }
    addEdge(graph, dependent, source);
  }
  return graph;
}
