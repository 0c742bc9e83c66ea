import type { DependencyGraph } from './dependency-graph.js';
import { sortSelection } from './sort-selection.js';

/**
 * Groups the selection into levels a scheduler can run side by side: level 0
 * needs nothing in the selection, level n needs something at level n-1.
 * Each level is sorted by path.
 *
 * @throws CycleError when the selection has a dependency cycle.
 */
export function computeLevels(graph: DependencyGraph, paths: string[]): string[][] {
  const { dependencies, topological } = sortSelection(graph, paths);
  const levelOf = new Map<string, number>();
  const levels: string[][] = [];

  for (const path of topological) {
    const deps = dependencies.get(path) ?? [];
    const level = Math.max(-1, ...deps.map((dep) => levelOf.get(dep)!)) + 1;
    levelOf.set(path, level);
    (levels[level] ??= []).push(path);
  }
  return levels.map((level) => level.sort());
}

/**
 * The longest chain of selected projects by total weight (default 1 each):
 * the lower bound on wall time however many builds run at once. The chain
 * lists dependencies first. Ties go to the chain ending at the smallest path.
 *
 * @throws CycleError when the selection has a dependency cycle.
 */
export function findCriticalPath(
  graph: DependencyGraph,
  paths: string[],
  weight: (path: string) => number = () => 1,
): { chain: string[]; length: number } {
  const { dependencies, topological } = sortSelection(graph, paths);
  const best = new Map<string, { length: number; via?: string }>();

  for (const path of topological) {
    let via: string | undefined;
    let before = 0;
    for (const dep of [...(dependencies.get(path) ?? [])].sort()) {
      const length = best.get(dep)!.length;
      if (length > before) [before, via] = [length, dep];
    }
    best.set(path, { length: before + weight(path), via });
  }

  return traceChain(best);
}

function traceChain(
  best: Map<string, { length: number; via?: string }>,
): { chain: string[]; length: number } {
  let end: string | undefined;
  let length = 0;
  for (const path of [...best.keys()].sort()) {
    const here = best.get(path)!.length;
    if (end === undefined || here > length) [end, length] = [path, here];
  }

  const chain: string[] = [];
  for (let at = end; at !== undefined; at = best.get(at)?.via) chain.unshift(at);
  return { chain, length };
}

/** Everything that needs `path`, directly or not: what a failure blocks. */
export function collectDependents(graph: DependencyGraph, path: string): Set<string> {
  return walkFrom(graph, path, 'dependents');
}

/** Everything `path` needs, directly or not (external nodes included). */
export function collectDependencies(graph: DependencyGraph, path: string): Set<string> {
  return walkFrom(graph, path, 'dependencies');
}

function walkFrom(
  graph: DependencyGraph,
  start: string,
  direction: 'dependencies' | 'dependents',
): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.nodes.get(queue[i]!)?.[direction] ?? []) {
      if (next !== start && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
