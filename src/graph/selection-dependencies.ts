import type { DependencyGraph } from './dependency-graph.js';
import { numberGraph, type NumberedGraph } from './numbered-graph.js';

/**
 * A selection numbered in the order given (project `i` is `paths[i]`), with
 * the selected dependencies of each project. Sorting and counting work on
 * the numbers: typed arrays instead of a Map or a Set per project keep a
 * fresh process (cold JIT, young heap) fast on selections of ~1000 projects.
 */
export interface NumberedSelection {
  /** The selected paths, duplicates dropped, in the order given. */
  paths: string[];
  /** The number of a selected path; undefined for any other. */
  numberOf: (path: string) => number | undefined;
  /** Selected dependencies of project `i`, by path (see mapSelectionDependencies). */
  dependencies: string[][];
  /**
   * The same by number, all projects in one array: those of project `i` are
   * `dependencyIds[dependencyStart[i]]` up to `dependencyIds[dependencyStart[i + 1]]`.
   */
  dependencyIds: Int32Array;
  dependencyStart: Int32Array;
}

/**
 * For each selected project, the selected projects it needs: its direct
 * dependencies in the selection, plus those it reaches through projects left
 * out of the selection (with `--no-include-dependencies`, `a → x → b` still
 * means `a` must wait for `b`). External nodes are skipped. Every selected
 * path gets an entry, in the order given; dependencies in graph order.
 */
export function mapSelectionDependencies(
  graph: DependencyGraph,
  paths: Iterable<string>,
): Map<string, string[]> {
  const selection = numberSelection(graph, paths);
  const result = new Map<string, string[]>();
  for (let i = 0; i < selection.paths.length; i++) {
    result.set(selection.paths[i]!, selection.dependencies[i]!);
  }
  return result;
}

/** Numbers the selection and finds its dependencies (see mapSelectionDependencies). */
export function numberSelection(graph: DependencyGraph, paths: Iterable<string>):
  NumberedSelection {
  const numbered = numberGraph(graph);
  const { list, numberOf, selectedAs } = numberPaths(numbered, paths);

  // Every project's dependencies go to one array first, then each gets an
  // exact-size copy: growing ~1000 small arrays costs far more.
  const found: Found = { paths: [], ids: [] };
  const dependencies: string[][] = [];
  const dependencyStart = new Int32Array(list.length + 1);
  for (let i = 0; i < list.length; i++) {
    const first = found.ids.length;
    const node = numbered.idOf.get(list[i]!);
    if (node !== undefined && !findDirect(numbered, node, selectedAs, found)) {
      found.paths.length = first;
      found.ids.length = first;
      for (const dep of walkToSelected(graph, list[i]!, numberOf)) {
        found.paths.push(dep);
        found.ids.push(numberOf(dep)!);
      }
    }
    dependencies.push(found.paths.slice(first));
    dependencyStart[i + 1] = found.ids.length;
  }
  return { paths: list, numberOf, dependencies, dependencyIds: Int32Array.from(found.ids),
    dependencyStart };
}

interface Found {
  paths: string[];
  ids: number[];
}

/**
 * Numbers the paths in the order given, dropping repeats. `selectedAs` holds
 * the number by graph node (-1: not selected); the rare path that is no
 * graph node is numbered through a Map.
 */
function numberPaths(numbered: NumberedGraph, paths: Iterable<string>): {
  list: string[];
  numberOf: (path: string) => number | undefined;
  selectedAs: Int32Array;
} {
  const list: string[] = [];
  const selectedAs = new Int32Array(numbered.paths.length).fill(-1);
  const strays = new Map<string, number>();
  for (const path of paths) {
    const node = numbered.idOf.get(path);
    const repeated = node === undefined ? strays.has(path) : selectedAs[node]! >= 0;
    if (repeated) continue;

    if (node === undefined) strays.set(path, list.length);
    else selectedAs[node] = list.length;
    list.push(path);
  }

  const numberOf = (path: string): number | undefined => {
    const node = numbered.idOf.get(path);
    if (node === undefined) return strays.get(path);
    return selectedAs[node]! < 0 ? undefined : selectedAs[node];
  };
  return { list, numberOf, selectedAs };
}

/**
 * The usual case, dependencies included: every direct dependency of the
 * node is selected or external. Adds the selected ones to `found`; false
 * (and `found` partly filled) when a dependency was left out, so that the
 * caller must walk through it.
 */
function findDirect(numbered: NumberedGraph, node: number, selectedAs: Int32Array,
  found: Found): boolean {
  const { dependencyIds, dependencyStart, paths, external } = numbered;
  for (let e = dependencyStart[node]!; e < dependencyStart[node + 1]!; e++) {
    const dep = dependencyIds[e]!;
    const selected = selectedAs[dep]!;
    if (selected >= 0) {
      found.paths.push(paths[dep]!);
      found.ids.push(selected);
    } else if (!external[dep]) {
      return false;
    }
  }
  return true;
}

/** Breadth-first through unselected projects, stopping at selected ones. */
function walkToSelected(
  graph: DependencyGraph,
  path: string,
  numberOf: (path: string) => number | undefined,
): string[] {
  const found: string[] = [];
  const seen = new Set<string>([path]);
  const queue = [...(graph.nodes.get(path)?.dependencies ?? [])];

  for (let i = 0; i < queue.length; i++) {
    const dep = queue[i]!;
    if (seen.has(dep)) continue;
    seen.add(dep);

    const node = graph.nodes.get(dep);
    if (!node || node.external) continue;
    if (numberOf(dep) !== undefined) {
      found.push(dep);
      continue;
    }
    queue.push(...node.dependencies);
  }
  return found;
}
