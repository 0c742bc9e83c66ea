import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ConfigError } from '../core/errors.js';
import type { MetadataSources } from '../metadata/load-metadata.js';
import { findConfigFile } from './find-config-file.js';
import { readConfig } from './read-config.js';
import { displayPath, type Env } from './resolve-path.js';
import type { Paths } from './settings.js';
import type { ProjectSettingsLayer, SettingsLayer } from './settings-layer.js';
import { TomlChecker } from './toml-checker.js';
import { parseTomlDocument, type TomlMemo } from './toml-document.js';
import { openTomlMemo } from './toml-memo.js';

export type { ProjectSettingsLayer, SettingsLayer } from './settings-layer.js';

export interface KappyConfig {
  /** Absolute path of the config file; undefined when only defaults apply. */
  file?: string;
  metadata: MetadataSources & { branchGroup?: string; protocols: string[] };
  /** Absolute directories. */
  paths: Paths;
  sync: { jobs: number; retries: number };
  /** `jobs` is the global CPU budget shared by all running builds. */
  build: { jobs: number; onFailure: 'continue' | 'stop' };
  /** Third-party packagers: name -> module path (absolute) or npm name. */
  packagers: Record<string, string>;
  /** Global settings layer ([build] flags, [package.<distro>] tables). */
  settings: SettingsLayer;
  /** [project."<selector>"] tables of the user config, in file order. */
  projectSettings: ProjectSettingsLayer[];
  /** Where to look for recipes; a later folder wins on equal names. */
  recipesDirs: string[];
}

export interface ParseConfigOptions {
  /** Name used in messages (e.g. relative to the working directory). */
  displayName?: string;
  /** When given, default recipe folders that do not exist are dropped. */
  exists?: (dir: string) => boolean;
  /** Earlier parses to reuse (see toml-memo.ts). */
  memo?: TomlMemo;
}

/** kappy's shipped recipes: `<repo>/recipes`, from `src/config/` or `dist/config/`. */
export const SHIPPED_RECIPES_DIR = fileURLToPath(new URL('../../recipes', import.meta.url));

/**
 * Reads a config file's text. Relative paths are relative to the folder of
 * `file` (which should be absolute). Throws a ConfigError naming file, line
 * and key of every bad value.
 */
export function parseConfig(text: string, file: string, env: Env = process.env,
  options: ParseConfigOptions = {}): KappyConfig {
  const document = parseTomlDocument(text, options.displayName ?? file, options.memo);
  const checker = new TomlChecker(document);

  const config = readConfig(checker, { baseDir: path.dirname(path.resolve(file)), env,
    shippedRecipesDir: SHIPPED_RECIPES_DIR, exists: options.exists });
  checker.throwIfProblems();
  return { file: path.resolve(file), ...config };
}

/** The config when no file exists: everything relative to `cwd`. */
export function defaultConfig(cwd: string, env: Env = process.env,
  options: ParseConfigOptions = {}): KappyConfig {
  const config = parseConfig('', path.join(cwd, 'kappy.toml'), env, options);
  return { ...config, file: undefined };
}

/**
 * Finds and reads the config: `--config FILE`, else `<cwd>/kappy.toml`, else
 * `$XDG_CONFIG_HOME/kappy/config.toml`, else defaults relative to `cwd`.
 */
export async function loadConfig(options: { configFile?: string; cwd: string; env: Env }):
  Promise<KappyConfig> {
  const { cwd, env } = options;
  const file = findConfigFile(options);
  const parseOptions = { exists: existsSync };
  if (file === undefined) return defaultConfig(cwd, env, parseOptions);

  const text = await readConfigText(file, displayPath(file, cwd));
  return parseConfig(text, file, env, { ...parseOptions, displayName: displayPath(file, cwd),
    memo: openTomlMemo(env) });
}

async function readConfigText(file: string, name: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`cannot read config file (${reason})`,
      { location: { file: name }, cause: error });
  }
}
