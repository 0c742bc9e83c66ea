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
  const idOf = (layer: SettingsLayer): number => {
    if (!ids.has(layer)) ids.set(layer, ids.size);
    return ids.get(layer)!;
  };

  return (project, layers) => {
    const stack = layerStack(project, layers);
    const key = stack.map(idOf).join(',');
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
  return [
    config.settings,
    ...matchingLayers(config.projectSettings, project),
    ...(recipe ? [recipe.settings, ...matchingLayers(recipe.projectSettings, project)] : []),
    ...(commandLine ? [commandLine] : []),
  ];
}

/** The tables that select the project, least specific first (file order on ties). */
function matchingLayers(tables: ProjectSettingsLayer[],
  project: { path: string; name: string }): SettingsLayer[] {
  return tables
    .filter((table) => matchesSelector(table.selector, project))
    .map((table, index) => ({ table, index }))
    .sort((a, b) => selectorSpecificity(a.table.selector)
      - selectorSpecificity(b.table.selector) || a.index - b.index)
    .map(({ table }) => table.settings);
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
