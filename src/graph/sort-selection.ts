import { CycleError } from '../core/errors.js';
import type { DependencyGraph } from './dependency-graph.js';
import { findCycle } from './find-cycle.js';
import { mapSelectionDependencies } from './selection-dependencies.js';

/** A selection as a DAG: its dependencies and one topological order. */
export interface SortedSelection {
  /** Selected dependencies of each selected project (see mapSelectionDependencies). */
  dependencies: Map<string, string[]>;
  /** Dependencies before dependents; ties in the order the paths were given. */
  topological: string[];
}

/**
 * Sorts the selection topologically, or throws CycleError naming the whole
 * cycle (which may pass through projects outside the selection).
 */
export function sortSelection(graph: DependencyGraph, paths: Iterable<string>): SortedSelection {
  const dependencies = mapSelectionDependencies(graph, paths);
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [path, deps] of dependencies) {
    waiting.set(path, deps.length);
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(path);
      else dependents.set(dep, [path]);
    }
  }

  const topological = [...dependencies.keys()].filter((path) => waiting.get(path) === 0);
  for (let i = 0; i < topological.length; i++) {
    for (const dependent of dependents.get(topological[i]!) ?? []) {
      const left = waiting.get(dependent)! - 1;
      waiting.set(dependent, left);
      if (left === 0) topological.push(dependent);
    }
  }

  if (topological.length < dependencies.size) {
    const stuck = [...waiting].filter(([, left]) => left > 0).map(([path]) => path);
    throw new CycleError(findCycleThrough(graph, stuck));
  }
  return { dependencies, topological };
}

/** The cycle among `stuck` projects, searched on the paths that join them. */
function findCycleThrough(graph: DependencyGraph, stuck: string[]): string[] {
  const down = walk(graph, stuck, 'dependencies');
  const up = walk(graph, stuck, 'dependents');
  const between = [...down].filter((path) => up.has(path));
  const cycle = findCycle(graph, between);
  // Stuck nodes always lie on or behind a cycle; not finding one is a bug.
  if (!cycle) throw new Error(`no cycle found among ${stuck.join(', ')}`);
  return cycle;
}

function walk(
  graph: DependencyGraph,
  from: string[],
  direction: 'dependencies' | 'dependents',
): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.nodes.get(queue[i]!)?.[direction] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
