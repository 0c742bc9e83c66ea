import type { SettingsLayer } from '../config/load-config.js';
import type { Recipe } from '../config/recipe.js';
import { createSettingsResolver } from '../config/resolve-settings.js';
import type { ProjectSettings } from '../config/settings.js';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph.js';
import type { BuildPlan } from '../graph/build-plan.js';
import { orderProjects } from '../graph/order-projects.js';
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
  const groupBranchOf = (project: Project): string | undefined =>
    branchGroup && metadata.branchGroups
      ? resolveBranchGroupBranch(metadata.branchGroups, project.path, branchGroup)
      : undefined;
  const branchOf = (project: Project): string | undefined =>
    settingsOf(project).branch ?? nonEmpty(groupBranchOf(project))
      ?? defaultBranchOf(project, branchGroup);
  const excludedByBranchGroup = [...metadata.index.projects.values()]
    .filter((p) => groupBranchOf(p) === '').map((p) => p.path);

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
  const order = orderProjects(graph, selection.paths, selection.listedOrder);
  const plan = planProjects({ graph, index: metadata.index, order, settingsOf, branchOf,
    protocols: config.metadata.protocols });
  return { plan, graph, recipes, branchGroup, excludedByBranchGroup };
}

/**
 * Settings per project, computed once: each project takes the layers of the
 * first recipe that names it (else the first recipe asked for).
 */
function settingsResolver(workspace: Workspace, recipes: Recipe[],
  commandLine: SettingsLayer | undefined): (project: Project) => ProjectSettings {
  const ownerOf = recipeOwners(workspace, recipes);
  const resolveSettings = createSettingsResolver();
  const settingsByPath = new Map<string, ProjectSettings>();

  return (project) => {
    let settings = settingsByPath.get(project.path);
    if (!settings) {
      const recipe = ownerOf.get(project.path) ?? recipes[0];
      settings = resolveSettings(project, { config: workspace.config, recipe, commandLine });
      settingsByPath.set(project.path, settings);
    }
    return settings;
  };
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
