import type { KappyConfig } from './load-config.js';
import { matchesSelector, selectorSpecificity } from './match-selector.js';
import type { Recipe } from './recipe.js';
import { emptySettings, type ProjectSettings } from './settings.js';
import type { ProjectSettingsLayer, SettingsLayer } from './settings-layer.js';

type ListSetting = 'cmakeOptions' | 'mesonOptions' | 'configureFlags' | 'qmakeOptions';

const LIST_SETTINGS: readonly ListSetting[] = ['cmakeOptions', 'mesonOptions',
  'configureFlags', 'qmakeOptions'];

/** A branch, tag or commit pin: a layer that sets one drops the others below it. */
const REVISION_SETTINGS = ['branch', 'tag', 'commit'] as const;

/**
 * The effective settings of one project. Layers, lowest first: defaults <
 * config [build]/[package] < config [project.X] < recipe [build]/[package] <
 * recipe [project.X] < command line. Lists append, `env` and package tables
 * merge by key, other values replace.
 */
export function resolveSettings(project: { path: string; name: string },
  layers: SettingsLayers): ProjectSettings {
  return layerStack(project, layers).reduce(applyLayer, emptySettings());
}

export interface SettingsLayers {
  config: KappyConfig;
  recipe?: Recipe;
  commandLine?: SettingsLayer;
}

/**
 * `resolveSettings` for many projects at once: projects that match the same
 * layers (most of a large selection matches no [project.X] table) share one
 * result, which callers must treat as read-only.
 */
export function createSettingsResolver(): (project: { path: string; name: string },
  layers: SettingsLayers) => ProjectSettings {
  const results = new Map<string, ProjectSettings>();
  const ids = new Map<SettingsLayer, number>();

  return (project, layers) => {
    const stack = layerStack(project, layers);
    let key = '';
    for (const layer of stack) {
      let id = ids.get(layer);
      if (id === undefined) {
        id = ids.size;
        ids.set(layer, id);
      }
      key += `${id},`;
    }

    let settings = results.get(key);
    if (!settings) {
      settings = stack.reduce(applyLayer, emptySettings());
      results.set(key, settings);
    }
    return settings;
  };
}

function layerStack(project: { path: string; name: string },
  { config, recipe, commandLine }: SettingsLayers): SettingsLayer[] {
  const stack = [config.settings];
  addMatchingLayers(stack, config.projectSettings, project);
  if (recipe) {
    stack.push(recipe.settings);
    addMatchingLayers(stack, recipe.projectSettings, project);
  }
  if (commandLine) stack.push(commandLine);
  return stack;
}

/**
 * Adds the tables that select the project, least specific first (file order
 * on ties: the sort is stable). Called for every project of a large
 * selection, most of which no table selects: hence no intermediate arrays.
 */
function addMatchingLayers(stack: SettingsLayer[], tables: ProjectSettingsLayer[],
  project: { path: string; name: string }): void {
  let matching: ProjectSettingsLayer[] | undefined;
  for (const table of tables) {
    if (matchesSelector(table.selector, project)) (matching ??= []).push(table);
  }
  if (!matching) return;

  matching.sort((a, b) => selectorSpecificity(a.selector) - selectorSpecificity(b.selector));
  for (const table of matching) stack.push(table.settings);
}

function applyLayer(settings: ProjectSettings, layer: SettingsLayer): ProjectSettings {
  const next: ProjectSettings = { ...settings, ...withoutUndefined(layer) };

  for (const key of LIST_SETTINGS) next[key] = [...settings[key], ...(layer[key] ?? [])];
  next.env = { ...settings.env, ...layer.env };
  next.package = mergePackages(settings.package, layer.package ?? {});

  if (REVISION_SETTINGS.some((key) => layer[key] !== undefined)) {
    for (const key of REVISION_SETTINGS) next[key] = layer[key];
  }
  return next;
}

function mergePackages(lower: ProjectSettings['package'], upper: ProjectSettings['package']):
  ProjectSettings['package'] {
  const merged = { ...lower };
  for (const [distro, table] of Object.entries(upper)) {
    merged[distro] = { ...lower[distro], ...table };
  }
  return merged;
}

function withoutUndefined(layer: SettingsLayer): SettingsLayer {
  return Object.fromEntries(Object.entries(layer).filter(([, value]) => value !== undefined));
}
