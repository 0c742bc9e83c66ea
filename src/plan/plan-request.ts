import type { SettingsLayer } from '../config/load-config.js';
import type { Recipe } from '../config/recipe.js';
import { createSettingsResolver, resolveSettings } from '../config/resolve-settings.js';
import type { ProjectSettings } from '../config/settings.js';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph.js';
import type { BuildPlan } from '../graph/build-plan.js';
import { orderSelection } from '../graph/order-projects.js';
import { planProjects } from '../graph/plan-projects.js';
import { matchSelector, selectProjects } from '../graph/select-projects.js';
import { resolveBranchGroupBranch } from '../metadata/logical-module-structure.js';
import type { Project } from '../metadata/project.js';
import { defaultBranchOf } from './default-branch.js';
import type { Workspace } from './open-workspace.js';

/** What the user asked for on the command line. */
export interface PlanRequest {
  /** Recipe names, project names, paths or `path/*` patterns. */
  targets: string[];
  all?: boolean;
  ignore?: string[];
  /** Undefined: the recipe decides, else true. */
  includeDependencies?: boolean;
  branchGroup?: string;
  commandLine?: SettingsLayer;
}

export interface Plan {
  plan: BuildPlan;
  graph: DependencyGraph;
  recipes: Recipe[];
  branchGroup?: string;
  /** Projects the branch group leaves out (an empty branch). */
  excludedByBranchGroup: string[];
}

/** Turns a request into an ordered build plan. Pure: reads nothing. */
export function planRequest(workspace: Workspace, request: PlanRequest): Plan {
  const { config, metadata } = workspace;
  const recipes = request.targets.flatMap((t) => workspace.recipes.get(t) ?? []);
  const selectors = request.targets.filter((t) => !workspace.recipes.has(t));
  const recipe = recipes[0];
  const branchGroup = request.branchGroup ?? recipe?.branchGroup ?? config.metadata.branchGroup;

  const settingsOf = settingsResolver(workspace, recipes, request.commandLine);
  const groupBranches = mapGroupBranches(workspace, branchGroup);
  // planProjects checks the settings' branch itself before it asks.
  const unsetBranchOf = (project: Project): string | undefined =>
    nonEmpty(groupBranches.get(project.path)) ?? defaultBranchOf(project, branchGroup);
  const branchOf = (project: Project): string | undefined =>
    settingsOf(project).branch ?? unsetBranchOf(project);
  const excludedByBranchGroup = listEmptyBranches(groupBranches);

  const graph = buildDependencyGraph({
    index: metadata.index,
    rules: metadata.rules,
    branchOf: (p) => {
      const project = metadata.index.projects.get(p);
      return project ? branchOf(project) : undefined;
    },
  });

  const selection = selectProjects(graph, metadata.index, {
    selectors: [...recipes.flatMap((r) => r.projects), ...selectors],
    ignore: [
      ...knownSelectors(workspace, metadata.ignore),
      ...excludedByBranchGroup,
      ...recipes.flatMap((r) => r.ignore),
      ...(request.ignore ?? []),
    ],
    all: request.all,
    includeDependencies: request.includeDependencies ?? recipe?.includeDependencies ?? true,
  });
  const { order, dependencies } = orderSelection(graph, selection.paths, selection.listedOrder);
  const plan = planProjects({ graph, index: metadata.index, order, dependencies, settingsOf,
    branchOf: unsetBranchOf, protocols: config.metadata.protocols });
  return { plan, graph, recipes, branchGroup, excludedByBranchGroup };
}

/**
 * Settings per project, computed once: each project takes the layers of the
 * first recipe that names it (else the first recipe asked for).
 */
function settingsResolver(workspace: Workspace, recipes: Recipe[],
  commandLine: SettingsLayer | undefined): (project: Project) => ProjectSettings {
  // Without [project.X] tables and with at most one recipe, nothing tells
  // projects apart: resolve once for all.
  const { config } = workspace;
  const tables = config.projectSettings.length
    + recipes.reduce((sum, recipe) => sum + recipe.projectSettings.length, 0);
  if (tables === 0 && recipes.length <= 1) {
    let shared: ProjectSettings | undefined;
    return (project) => (shared ??= resolveSettings(project,
      { config, recipe: recipes[0], commandLine }));
  }

  const ownerOf = recipeOwners(workspace, recipes);
  const resolve = createSettingsResolver();
  const settingsByPath = new Map<string, ProjectSettings>();

  return (project) => {
    let settings = settingsByPath.get(project.path);
    if (!settings) {
      const recipe = ownerOf.get(project.path) ?? recipes[0];
      settings = resolve(project, { config, recipe, commandLine });
      settingsByPath.set(project.path, settings);
    }
    return settings;
  };
}

/**
 * The branch group's branch of each project that has one, in index order;
 * empty when no branch group applies. Looked up once per project: the
 * wildcard patterns make each lookup a scan.
 */
function mapGroupBranches(workspace: Workspace, branchGroup: string | undefined):
  Map<string, string> {
  const branches = new Map<string, string>();
  const groups = workspace.metadata.branchGroups;
  if (!branchGroup || !groups) return branches;

  workspace.metadata.index.projects.forEach((project) => {
    const branch = resolveBranchGroupBranch(groups, project.path, branchGroup);
    if (branch !== undefined) branches.set(project.path, branch);
  });
  return branches;
}

/** The projects the branch group leaves out: those it gives an empty branch. */
function listEmptyBranches(groupBranches: Map<string, string>): string[] {
  const paths: string[] = [];
  groupBranches.forEach((branch, path) => {
    if (branch === '') paths.push(path);
  });
  return paths;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** build-script-ignore lists projects long gone; only keep those still known. */
function knownSelectors(workspace: Workspace, selectors: string[]): string[] {
  return selectors.filter((s) => matchKnown(workspace, s).length > 0);
}

/** The projects a selector names, or none for a selector the metadata does not know. */
function matchKnown(workspace: Workspace, selector: string): string[] {
  try {
    return matchSelector(selector, workspace.metadata.index);
  } catch {
    return [];
  }
}

/** Each project takes the settings of the first recipe that names it. */
function recipeOwners(workspace: Workspace, recipes: Recipe[]): Map<string, Recipe> {
  const owners = new Map<string, Recipe>();
  for (const recipe of recipes) {
    for (const path of recipe.projects.flatMap((s) => matchKnown(workspace, s))) {
      if (!owners.has(path)) owners.set(path, recipe);
    }
  }
  return owners;
}
