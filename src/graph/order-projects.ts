import type { DependencyGraph } from './dependency-graph.js';
import { sortSelection } from './sort-selection.js';

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
  const sorted = sortSelection(graph, paths);
  const dependentCounts = countDependents(sorted.topological, sorted.dependencies);
  const listedAt = new Map<string, number>();
  listedOrder.forEach((path, at) => {
    if (!listedAt.has(path)) listedAt.set(path, at);
  });

  return [...sorted.topological].sort((a, b) =>
    dependentCounts.get(b)! - dependentCounts.get(a)!
    || (listedAt.get(a) ?? Infinity) - (listedAt.get(b) ?? Infinity)
    || compareText(a, b));
}

/**
 * Transitive dependents of each project within the selection, counted with
 * one bitset per project so large selections stay linear in the edges.
 */
function countDependents(
  topological: string[],
  dependencies: Map<string, string[]>,
): Map<string, number> {
  const bit = new Map(topological.map((path, at) => [path, at]));
  const words = Math.ceil(topological.length / 32);
  const dependentsOf = new Map(topological.map((path) => [path, new Uint32Array(words)]));

  // Dependents first, so each project's set is complete before it is
  // merged into its dependencies' sets.
  for (let i = topological.length - 1; i >= 0; i--) {
    const path = topological[i]!;
    const mine = dependentsOf.get(path)!;
    for (const dep of dependencies.get(path) ?? []) {
      const theirs = dependentsOf.get(dep)!;
      for (let w = 0; w < words; w++) theirs[w]! |= mine[w]!;
      const at = bit.get(path)!;
      theirs[at >>> 5]! |= 1 << (at & 31);
    }
  }

  return new Map([...dependentsOf].map(([path, set]) => [path, countBits(set)]));
}

function countBits(set: Uint32Array): number {
  let count = 0;
  for (let word of set) {
    // Population count of a 32-bit word (SWAR).
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
