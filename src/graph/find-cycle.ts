import type { DependencyGraph } from './dependency-graph.js';

/**
 * Finds a dependency cycle, listed along dependency edges with its first
 * node repeated last (`[a, b, c, a]`: a needs b, b needs c, c needs a).
 *
 * `among` restricts the search to the subgraph those nodes induce (edges
 * leaving it are ignored); by default the whole graph is searched. The
 * result is deterministic: nodes are visited in path order and the cycle
 * is rotated to start from its smallest path.
 */
export function findCycle(
  graph: DependencyGraph,
  among?: Iterable<string>,
): string[] | undefined {
  const inside = among ? new Set(among) : new Set(graph.nodes.keys());
  const done = new Set<string>();

  for (const start of [...inside].sort()) {
    if (done.has(start)) continue;
    const cycle = searchFrom(graph, start, inside, done);
    if (cycle) return rotateToSmallest(cycle);
  }
  return undefined;
}

/** Depth-first search without recursion, so long chains cannot overflow. */
function searchFrom(
  graph: DependencyGraph,
  start: string,
  inside: Set<string>,
  done: Set<string>,
): string[] | undefined {
  const stack: Array<{ path: string; next: string[] }> = [];
  const onStack = new Set<string>();
  const enter = (path: string): void => {
    stack.push({ path, next: sortedDependencies(graph, path, inside) });
    onStack.add(path);
  };

  enter(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top.next.shift();

    if (next === undefined) {
      stack.pop();
      onStack.delete(top.path);
      done.add(top.path);
    } else if (onStack.has(next)) {
      const from = stack.findIndex((frame) => frame.path === next);
      return [...stack.slice(from).map((frame) => frame.path), next];
    } else if (!done.has(next)) {
      enter(next);
    }
  }
  return undefined;
}

function sortedDependencies(
  graph: DependencyGraph,
  path: string,
  inside: Set<string>,
): string[] {
  const dependencies = graph.nodes.get(path)?.dependencies ?? [];
  return [...dependencies].filter((dep) => inside.has(dep)).sort();
}

function rotateToSmallest(cycle: string[]): string[] {
  const ring = cycle.slice(0, -1);
  const smallest = [...ring].sort()[0]!;
  const at = ring.indexOf(smallest);
  const rotated = [...ring.slice(at), ...ring.slice(0, at)];
  return [...rotated, smallest];
}
