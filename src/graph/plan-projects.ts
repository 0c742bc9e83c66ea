import type { ProjectSettings } from '../config/settings.js';
import type { Project, ProjectIndex } from '../metadata/project.js';
import type { BuildPlan, PlannedProject } from './build-plan.js';
import type { DependencyGraph } from './dependency-graph.js';
import { mapSelectionDependencies } from './selection-dependencies.js';

export interface PlanInput {
  graph: DependencyGraph;
  index: ProjectIndex;
  /** Selected project paths in build order (see orderProjects). */
  order: string[];
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
  const dependencies = mapSelectionDependencies(input.graph, input.order);
  const external = new Set<string>();

  const projects = input.order.map((path): PlannedProject => {
    const project = input.index.projects.get(path);
    // orderProjects only returns indexed projects; anything else is a bug.
    if (!project) throw new Error(`planned project '${path}' is not in the index`);

    const externals = listExternalDependencies(input.graph, path);
    for (const name of externals) external.add(name);
    return planOne(input, project, dependencies.get(path) ?? [], externals);
  });

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
  for (const protocol of protocols) {
    const url = project.repositories[protocol];
    if (url !== undefined) return url;
  }
  return Object.values(project.repositories)[0];
}

function listExternalDependencies(graph: DependencyGraph, path: string): string[] {
  const deps = graph.nodes.get(path)?.dependencies ?? [];
  return [...deps].filter((dep) => graph.nodes.get(dep)?.external).sort();
}
