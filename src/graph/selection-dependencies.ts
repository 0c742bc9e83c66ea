import type { DependencyGraph } from './dependency-graph.js';

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
  const selected = new Set(paths);
  const result = new Map<string, string[]>();
  for (const path of selected) {
    result.set(path, findSelectedDependencies(graph, path, selected));
  }
  return result;
}

function findSelectedDependencies(
  graph: DependencyGraph,
  path: string,
  selected: Set<string>,
): string[] {
  const direct = [...(graph.nodes.get(path)?.dependencies ?? [])];

  // The usual case, dependencies included: no walk needed.
  const bridged = direct.some((dep) => !selected.has(dep) && !graph.nodes.get(dep)?.external);
  if (!bridged) return direct.filter((dep) => selected.has(dep));

  const found: string[] = [];
  const seen = new Set<string>([path]);
  const queue = direct;

  for (let i = 0; i < queue.length; i++) {
    const dep = queue[i]!;
    if (seen.has(dep)) continue;
    seen.add(dep);

    const node = graph.nodes.get(dep);
    if (!node || node.external) continue;
    if (selected.has(dep)) {
      found.push(dep);
      continue;
    }
    queue.push(...node.dependencies);
  }
  return found;
}
