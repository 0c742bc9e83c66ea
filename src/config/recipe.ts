import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { ConfigError } from '../core/errors.js';
import { readPackageTables, readProjectTables, readSettings } from './read-settings.js';
import { displayPath } from './resolve-path.js';
import type { ProjectSettingsLayer, SettingsLayer } from './settings-layer.js';
import { TomlChecker, type KeyPath } from './toml-checker.js';
import { parseTomlDocument, type TomlMemo } from './toml-document.js';

/** A suite to build, from `recipes/<name>.toml`. */
export interface Recipe {
  /** The file name without `.toml`; users select the recipe by it. */
  name: string;
  file: string;
  description?: string;
  /** Selectors, in the order the recipe wants them built when free to choose. */
  projects: string[];
  ignore: string[];
  branchGroup?: string;
  /** Undefined: the command line or the default (include) decides. */
  includeDependencies?: boolean;
  /** [build] + [package.<distro>]. */
  settings: SettingsLayer;
  /** [project."<selector>"] tables, in file order. */
  projectSettings: ProjectSettingsLayer[];
}

const RECIPE_KEYS = ['description', 'projects', 'ignore', 'branch-group',
  'include-dependencies', 'build', 'package', 'project'];

/** Reads a recipe's text; throws a ConfigError naming file, line and key. */
export function parseRecipe(text: string, file: string, memo?: TomlMemo): Recipe {
  const checker = new TomlChecker(parseTomlDocument(text, file, memo));
  const data = checker.document.data;
  checker.checkKeys([], data, RECIPE_KEYS);

  const settings = readSettings(checker, ['build'], checker.table(['build'], data['build']) ?? {});
  const packages = readPackageTables(checker, ['package'], data['package']);
  if (packages) settings.package = packages;

  const recipe: Recipe = {
    name: path.basename(file, '.toml'),
    file,
    description: checker.string(['description'], data['description']),
    projects: readSelectors(checker, ['projects'], data['projects'], true),
    ignore: readSelectors(checker, ['ignore'], data['ignore'], false),
    branchGroup: checker.word(['branch-group'], data['branch-group']),
    includeDependencies: checker.boolean(['include-dependencies'],
      data['include-dependencies']),
    settings,
    projectSettings: readProjectTables(checker, data['project']),
  };

  checker.throwIfProblems();
  return recipe;
}

function readSelectors(checker: TomlChecker, key: KeyPath, value: unknown,
  required: boolean): string[] {
  if (value === undefined && required) {
    checker.report(key, 'missing: list the projects of this recipe, e.g. '
      + 'projects = ["frameworks/*"]');
    return [];
  }

  const selectors = checker.stringArray(key, value) ?? [];
  const bad = selectors.filter((selector) => !/^\S+$/.test(selector));
  if (bad.length > 0) {
    checker.report(key, `a selector is a project path, name or pattern without spaces, got ${
      bad.map((selector) => JSON.stringify(selector)).join(', ')}`);
  } else if (required && Array.isArray(value) && selectors.length === 0) {
    checker.report(key, 'expected at least one selector, got []');
  }
  return selectors;
}

/**
 * Reads every `*.toml` in `dirs`. A recipe in a later folder replaces one of
 * the same name in an earlier folder (user recipes override shipped ones).
 * A folder that does not exist is skipped.
 */
export async function loadRecipes(dirs: string[], wanted?: ReadonlySet<string>,
  memo?: TomlMemo): Promise<Map<string, Recipe>> {
  const recipes = new Map<string, Recipe>();

  for (const dir of dirs) {
    for (const file of await listRecipeFiles(dir)) {
      // Parsing TOML is the slow part of a short command: skip unwanted recipes.
      if (wanted && !wanted.has(recipeNameOf(file))) continue;
      const text = await readRecipeText(file);
      const recipe = parseRecipe(text, displayPath(file, process.cwd()), memo);
      recipes.set(recipe.name, { ...recipe, file });
    }
  }
  return recipes;
}

/** The names of every recipe in the folders, later folders winning, sorted. */
export async function listRecipeNames(dirs: string[]): Promise<string[]> {
  const files = (await Promise.all(dirs.map(listRecipeFiles))).flat();
  return [...new Set(files.map(recipeNameOf))].sort();
}

function recipeNameOf(file: string): string {
  return path.basename(file, '.toml');
}

async function listRecipeFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`cannot read recipe folder ${dir} (${errorCode(error)})`,
      { cause: error });
  }
  return names.filter((name) => name.endsWith('.toml')).sort().map((name) => path.join(dir, name));
}

async function readRecipeText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read recipe (${errorCode(error)})`,
      { location: { file }, cause: error });
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
