import { CycleError } from '../core/errors.js';
import type { DependencyGraph } from './dependency-graph.js';
import { findCycle } from './find-cycle.js';
import { numberSelection, type NumberedSelection } from './selection-dependencies.js';

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
  const selection = numberSelection(graph, paths);
  const order = sortNumbered(graph, selection);

  const dependencies = new Map<string, string[]>();
  for (let i = 0; i < selection.paths.length; i++) {
    dependencies.set(selection.paths[i]!, selection.dependencies[i]!);
  }
  return { dependencies, topological: order.map((id) => selection.paths[id]!) };
}

/**
 * sortSelection on a numbered selection: the project numbers, dependencies
 * before dependents, ties in numbering order.
 *
 * @throws CycleError when the selection has a dependency cycle.
 */
export function sortNumbered(graph: DependencyGraph, selection: NumberedSelection): number[] {
  const count = selection.paths.length;
  const { dependencyIds: ids, dependencyStart: start } = selection;
  const dependents = listDependents(selection);

  // Kahn's algorithm: a project is ready once none of its dependencies waits.
  const waiting = new Int32Array(count);
  const order: number[] = [];
  for (let id = 0; id < count; id++) {
    waiting[id] = start[id + 1]! - start[id]!;
    if (waiting[id] === 0) order.push(id);
  }
  for (let at = 0; at < order.length; at++) {
    const id = order[at]!;
    for (let e = dependents.start[id]!; e < dependents.start[id + 1]!; e++) {
      const dependent = dependents.ids[e]!;
      if (--waiting[dependent]! === 0) order.push(dependent);
    }
  }

  if (order.length < count) {
    const stuck = selection.paths.filter((_, id) => waiting[id]! > 0);
    throw new CycleError(findCycleThrough(graph, stuck));
  }
  return order;
}

/** Reverse edges in the layout of NumberedSelection, dependents in numbering order. */
function listDependents(selection: NumberedSelection): { ids: Int32Array; start: Int32Array } {
  const count = selection.paths.length;
  const { dependencyIds, dependencyStart } = selection;

  // Count each project's dependents, then place them at running offsets.
  const start = new Int32Array(count + 1);
  for (let e = 0; e < dependencyIds.length; e++) start[dependencyIds[e]! + 1]!++;
  for (let id = 0; id < count; id++) start[id + 1]! += start[id]!;

  const next = start.slice(0, count);
  const ids = new Int32Array(dependencyIds.length);
  for (let id = 0; id < count; id++) {
    for (let e = dependencyStart[id]!; e < dependencyStart[id + 1]!; e++) {
      ids[next[dependencyIds[e]!]!++] = id;
    }
  }
  return { ids, start };
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
