import type { ProjectSettings } from '../config/settings.js';
import type { Project, ProjectIndex } from '../metadata/project.js';
import type { BuildPlan, PlannedProject } from './build-plan.js';
import type { DependencyGraph } from './dependency-graph.js';
import { numberGraph, type NumberedGraph } from './numbered-graph.js';
import { mapSelectionDependencies } from './selection-dependencies.js';

export interface PlanInput {
  graph: DependencyGraph;
  index: ProjectIndex;
  /** Selected project paths in build order (see orderProjects). */
  order: string[];
  /**
   * The selected dependencies of `order[i]` as `dependencies[i]`, when the
   * caller already has them (see orderSelection); else they are computed here.
   */
  dependencies?: string[][];
  settingsOf: (project: Project) => ProjectSettings;
  /** The branch group's (or default) branch, used when settings name none. */
  branchOf: (project: Project) => string | undefined;
  /** Clone protocols by preference, e.g. `['https', 'http', 'git']`. */
  protocols: string[];
}

/**
 * Turns an ordered selection into the plan sync, build and package follow.
 * A project's `dependencies` are the planned projects it needs, including
 * those it reaches through projects left out of the plan.
 */
export function planProjects(input: PlanInput): BuildPlan {
  const { order } = input;
  const dependencies = input.dependencies ?? listDependencies(input.graph, order);
  const numbered = numberGraph(input.graph);
  const external = new Set<string>();
  const projects: PlannedProject[] = [];

  for (let at = 0; at < order.length; at++) {
    const project = input.index.projects.get(order[at]!);
    // orderProjects only returns indexed projects; anything else is a bug.
    if (!project) throw new Error(`planned project '${order[at]}' is not in the index`);

    const externals = listExternalDependencies(numbered, order[at]!);
    for (let i = 0; i < externals.length; i++) external.add(externals[i]!);
    projects.push(planOne(input, project, dependencies[at]!, externals));
  }
  return { projects, external: [...external].sort() };
}

function planOne(
  input: PlanInput,
  project: Project,
  dependencies: string[],
  externalDependencies: string[],
): PlannedProject {
  const settings = input.settingsOf(project);
  const planned: PlannedProject = {
    path: project.path,
    name: project.name,
    repository: settings.repository ?? chooseRepository(project, input.protocols),
    branch: settings.branch ?? input.branchOf(project),
    dependencies,
    externalDependencies,
    settings,
  };
  if (project.description !== undefined) planned.description = project.description;
  return planned;
}

/**
 * The clone URL for the first preferred protocol the project offers, else
 * any URL it has (a `file` URL included), in the order the metadata lists.
 */
export function chooseRepository(project: Project, protocols: string[]): string | undefined {
  for (let i = 0; i < protocols.length; i++) {
    const url = project.repositories[protocols[i]!];
    if (url !== undefined) return url;
  }
  return Object.values(project.repositories)[0];
}

/** The selected dependencies of each path in order (see mapSelectionDependencies). */
function listDependencies(graph: DependencyGraph, order: string[]): string[][] {
  const byPath = mapSelectionDependencies(graph, order);
  return order.map((path) => byPath.get(path)!);
}

function listExternalDependencies(graph: NumberedGraph, path: string): string[] {
  const found: string[] = [];
  const id = graph.idOf.get(path);
  if (id === undefined) return found;
  for (let e = graph.dependencyStart[id]!; e < graph.dependencyStart[id + 1]!; e++) {
    const dep = graph.dependencyIds[e]!;
    if (graph.external[dep]) found.push(graph.paths[dep]!);
  }
  return found.sort();
}
