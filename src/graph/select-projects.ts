import type { Project, ProjectIndex } from '../metadata/project.js';
import type { DependencyGraph } from './dependency-graph.js';
import { isWildcardSelector, matchSelector } from './match-selector.js';
import { numberGraph } from './numbered-graph.js';

export { matchSelector } from './match-selector.js';

export interface Selection {
  /** `kcoreaddons`, `frameworks/kcoreaddons`, `frameworks/*`, `frameworks`. */
  selectors: string[];
  /** Same selector syntax; an ignore wins over any inclusion. */
  ignore: string[];
  /** Every active project. */
  all?: boolean;
  /** Add the transitive dependencies of the selected projects. */
  includeDependencies: boolean;
}

export interface SelectionResult {
  /** Selected projects: the listed ones first, then dependencies as found. */
  paths: string[];
  /** The listed projects in the order the user or recipe listed them. */
  listedOrder: string[];
  /** External nodes the selection needs (`third-party/Qt5`), sorted. */
  external: string[];
  /** Dependencies left out because they are ignored or inactive, sorted. */
  ignored: string[];
}

/**
 * Resolves selectors against the index and the graph. Inactive projects are
 * selected only when a selector names them (not through `--all`, a pattern
 * or a dependency); ignores win everywhere; external dependencies are
 * reported, never selected.
 *
 * @throws UsageError for a selector or ignore that matches no project.
 */
export function selectProjects(
  graph: DependencyGraph,
  index: ProjectIndex,
  selection: Selection,
): SelectionResult {
  const ignored = new Set(selection.ignore.flatMap((s) => matchSelector(s, index)));
  const listedOrder = expandSelectors(selection.selectors, index, ignored);
  const roots = new Set(listedOrder);
  if (selection.all) {
    index.projects.forEach((project, path) => {
      if (project.active && !ignored.has(path)) roots.add(path);
    });
  }

  const reached = walkDependencies(graph, index, roots, ignored, selection.includeDependencies);
  return {
    paths: reached.selected,
    listedOrder,
    external: [...reached.external].sort(),
    ignored: [...reached.dropped].sort(),
  };
}

function expandSelectors(
  selectors: string[],
  index: ProjectIndex,
  ignored: Set<string>,
): string[] {
  const listed = new Set<string>();
  for (const selector of selectors) {
    for (const path of matchSelector(selector, index)) {
      const project = index.projects.get(path)!;
      if (ignored.has(path)) continue;
      if (project.active || namesProject(selector, project)) listed.add(path);
    }
  }
  return [...listed];
}

/** Does the selector name this very project (not a pattern or a folder)? */
function namesProject(selector: string, project: Project): boolean {
  if (isWildcardSelector(selector)) return false;
  const wanted = selector.trim().replace(/\/+$/, '');
  return project.path === wanted || project.path.endsWith(`/${wanted}`);
}

function walkDependencies(
  graph: DependencyGraph,
  index: ProjectIndex,
  roots: Set<string>,
  ignored: Set<string>,
  includeDependencies: boolean,
): { selected: string[]; external: Set<string>; dropped: Set<string> } {
  const numbered = numberGraph(graph);
  const { dependencyIds: ids, dependencyStart: start } = numbered;
  const selected = [...roots];
  const external = new Set<string>();
  const dropped = new Set<string>();

  const isSelected = new Uint8Array(numbered.paths.length);
  const queue: number[] = [];
  for (const root of roots) {
    const id = numbered.idOf.get(root);
    if (id === undefined) continue;
    isSelected[id] = 1;
    queue.push(id);
  }

  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (let e = start[id]!; e < start[id + 1]!; e++) {
      const dep = ids[e]!;
      if (isSelected[dep]) continue;

      const path = numbered.paths[dep]!;
      const project = index.projects.get(path);
      if (!project || numbered.external[dep]) external.add(path);
      else if (!includeDependencies) continue;
      else if (ignored.has(path) || !project.active) dropped.add(path);
      else {
        isSelected[dep] = 1;
        queue.push(dep);
        selected.push(path);
      }
    }
  }
  return { selected, external, dropped };
}
