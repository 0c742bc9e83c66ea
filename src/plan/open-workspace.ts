import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { loadConfig, type KappyConfig } from '../config/load-config.js';
import { listRecipeNames, loadRecipes, type Recipe } from '../config/recipe.js';
import { openTomlMemo } from '../config/toml-memo.js';
import { loadMetadata, type Metadata } from '../metadata/load-metadata.js';

/** Everything read from disk before planning: config, recipes, metadata. */
export interface Workspace {
  config: KappyConfig;
  /** The directory relative paths and plugins resolve against. */
  configDir: string;
  /** The recipes asked for (every recipe when no targets were given). */
  recipes: Map<string, Recipe>;
  /** Every recipe name, parsed or not, for messages. */
  recipeNames: string[];
  metadata: Metadata;
}

export async function openWorkspace(options: {
  configFile?: string;
  cwd: string;
  env: Record<string, string | undefined>;
  offline?: boolean;
  /** The command's targets: only recipes named here are parsed. */
  targets?: string[];
}): Promise<Workspace> {
  const config = await loadConfig(options);
  const configDir = config.file ? path.dirname(config.file) : options.cwd;
  requireProjectSource(config);

  // Recipes and metadata are independent reads; do them together.
  const wanted = options.targets ? new Set(options.targets) : undefined;
  const [recipes, recipeNames, metadata] = await Promise.all([
    loadRecipes(config.recipesDirs, wanted, openTomlMemo(options.env)),
    listRecipeNames(config.recipesDirs),
    loadMetadata(config.metadata, { cacheDir: config.paths.cache, offline: options.offline }),
  ]);
  return { config, configDir, recipes, recipeNames, metadata };
}

/** Without a project list there is nothing to select: say where to put one. */
function requireProjectSource(config: KappyConfig): void {
  if (config.metadata.projects || config.metadata.repoMetadata) return;
  const where = config.file ?? 'no config file found (./kappy.toml, ' +
    '$XDG_CONFIG_HOME/kappy/config.toml)';
  throw new ConfigError('no project metadata configured: set [metadata] projects = ' +
    '"…/kde_projects.xml" or repo-metadata = "…/repo-metadata" ' +
    `(${where}); the README has a sample kappy.toml`);
}
