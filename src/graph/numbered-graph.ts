import type { DependencyGraph, GraphNode } from './dependency-graph.js';

/**
 * The graph with its nodes numbered in `nodes` order and its dependency
 * edges in flat arrays: what selection, ordering and planning walk instead
 * of the Sets. `kappy list --all` runs in a fresh process, where the code is
 * still interpreted: there one step through a Set plus a Map lookup per edge
 * costs several times a typed-array read.
 */
export interface NumberedGraph {
  paths: string[];
  idOf: Map<string, number>;
  /** 1 for an external node. */
  external: Uint8Array;
  /**
   * Dependencies of node `i`, in Set order: `dependencyIds[dependencyStart[i]]`
   * up to `dependencyIds[dependencyStart[i + 1]]`.
   */
  dependencyIds: Int32Array;
  dependencyStart: Int32Array;
}

const numberings = new WeakMap<DependencyGraph, NumberedGraph>();

/** The numbered view of a graph, made once and kept until the graph changes. */
export function numberGraph(graph: DependencyGraph): NumberedGraph {
  let numbered = numberings.get(graph);
  if (!numbered) {
    numbered = makeNumbering(graph);
    numberings.set(graph, numbered);
  }
  return numbered;
}

/** addNode and addEdge call this: a changed graph needs a new numbering. */
export function forgetNumbering(graph: DependencyGraph): void {
  numberings.delete(graph);
}

/** buildDependencyGraph numbers the graph as it builds it: keep that numbering. */
export function rememberNumbering(graph: DependencyGraph, numbered: NumberedGraph): void {
  numberings.set(graph, numbered);
}

function makeNumbering(graph: DependencyGraph): NumberedGraph {
  const nodes: GraphNode[] = [];
  const paths: string[] = [];
  const idOf = new Map<string, number>();
  const external = new Uint8Array(graph.nodes.size);
  graph.nodes.forEach((node, path) => {
    if (node.external) external[paths.length] = 1;
    idOf.set(path, paths.length);
    paths.push(path);
    nodes.push(node);
  });

  // addEdge creates the node of every dependency, so each has a number.
  const ids: number[] = [];
  const dependencyStart = new Int32Array(paths.length + 1);
  for (let id = 0; id < nodes.length; id++) {
    nodes[id]!.dependencies.forEach((dep) => {
      ids.push(idOf.get(dep)!);
    });
    dependencyStart[id + 1] = ids.length;
  }
  return { paths, idOf, external, dependencyIds: Int32Array.from(ids), dependencyStart };
}
