import path from 'node:path';
import { loadConfig, type KappyConfig } from '../config/load-config.js';
import { loadRecipes, type Recipe } from '../config/recipe.js';
import { loadMetadata, type Metadata } from '../metadata/load-metadata.js';

/** Everything read from disk before planning: config, recipes, metadata. */
export interface Workspace {
  config: KappyConfig;
  /** The directory relative paths and plugins resolve against. */
  configDir: string;
  recipes: Map<string, Recipe>;
  metadata: Metadata;
}

export async function openWorkspace(options: {
  configFile?: string;
  cwd: string;
  env: Record<string, string | undefined>;
  offline?: boolean;
}): Promise<Workspace> {
  const config = await loadConfig(options);
  const configDir = config.file ? path.dirname(config.file) : options.cwd;

  // Recipes and metadata are independent reads; do them together.
  const [recipes, metadata] = await Promise.all([
    loadRecipes(config.recipesDirs),
    loadMetadata(config.metadata, { cacheDir: config.paths.cache, offline: options.offline }),
  ]);
  return { config, configDir, recipes, metadata };
}
