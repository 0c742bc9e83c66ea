import type { DependencyGraph } from './dependency-graph.js';
import { numberSelection, type NumberedSelection } from './selection-dependencies.js';
import { sortNumbered } from './sort-selection.js';

/** A build order and what it was computed from. */
export interface OrderedSelection {
  /** Selected paths in build order (see orderProjects). */
  order: string[];
  /**
   * The selected dependencies of `order[i]` are `dependencies[i]` (see
   * mapSelectionDependencies).
   */
  dependencies: string[][];
}

/**
 * Build order for the selected paths, as kdesrc-build and kde-builder sort:
 * the project with the most (transitive, selected) dependents first, then
 * the order the user or recipe listed (unlisted after listed), then path.
 *
 * A dependency always has strictly more dependents than the project that
 * needs it, so this order puts dependencies first; ranking the most needed
 * projects early also frees the most work for parallel builds.
 *
 * @throws CycleError when the selection has a dependency cycle.
 */
export function orderProjects(
  graph: DependencyGraph,
  paths: string[],
  listedOrder: string[],
): string[] {
  return orderSelection(graph, paths, listedOrder).order;
}

/** orderProjects, keeping the dependencies it found so that planProjects can reuse them. */
export function orderSelection(
  graph: DependencyGraph,
  paths: string[],
  listedOrder: string[],
): OrderedSelection {
  const selection = numberSelection(graph, paths);
  const topological = sortNumbered(graph, selection);
  const dependentCounts = countDependents(selection, topological);
  const listedAt = rankListed(selection, listedOrder);
  const names = selection.paths;

  const ranked = topological.sort((a, b) =>
    dependentCounts[b]! - dependentCounts[a]!
    || listedAt[a]! - listedAt[b]!
    || compareText(names[a]!, names[b]!));

  const order: string[] = [];
  const dependencies: string[][] = [];
  for (let at = 0; at < ranked.length; at++) {
    order.push(names[ranked[at]!]!);
    dependencies.push(selection.dependencies[ranked[at]!]!);
  }
  return { order, dependencies };
}

/**
 * Transitive dependents of each project within the selection, by project
 * number. One bit matrix for all projects (a row per project, a bit per
 * topological position) keeps large selections linear in the edges.
 */
function countDependents(selection: NumberedSelection, topological: number[]): Int32Array {
  const count = topological.length;
  const { dependencyIds: ids, dependencyStart: start } = selection;
  const words = Math.ceil(count / 32);
  const bits = new Uint32Array(count * words);
  // The words of each row that may hold bits: a project's dependents come
  // after it in topological order, so its row starts at its own position;
  // `end` is one past its last word with bits (0 for a project nothing needs).
  const end = new Int32Array(count);
  const counts = new Int32Array(count);

  // Dependents first, so each row is complete before it is merged into its
  // dependencies' rows.
  for (let at = count - 1; at >= 0; at--) {
    const id = topological[at]!;
    const mine = id * words;
    const first = at >>> 5;
    const reach = Math.max(end[id]!, first + 1);
    for (let e = start[id]!; e < start[id + 1]!; e++) {
      const dep = ids[e]!;
      const theirs = dep * words;
      for (let w = first; w < end[id]!; w++) bits[theirs + w]! |= bits[mine + w]!;
      bits[theirs + first]! |= 1 << (at & 31);
      if (end[dep]! < reach) end[dep] = reach;
    }
    counts[id] = countBits(bits, mine + first, mine + end[id]!);
  }
  return counts;
}

/** Where each project first appears in the listed order; unlisted ones after all. */
function rankListed(selection: NumberedSelection, listedOrder: string[]): Int32Array {
  const unlisted = listedOrder.length;
  const listedAt = new Int32Array(selection.paths.length).fill(unlisted);
  for (let at = 0; at < listedOrder.length; at++) {
    const id = selection.numberOf(listedOrder[at]!);
    if (id !== undefined && listedAt[id] === unlisted) listedAt[id] = at;
  }
  return listedAt;
}

/** Set bits of `bits[from]` up to (not including) `bits[to]`. */
function countBits(bits: Uint32Array, from: number, to: number): number {
  let count = 0;
  for (let w = from; w < to; w++) {
    // Population count of a 32-bit word (SWAR).
    let word = bits[w]!;
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}

/** Code-unit order, independent of the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
