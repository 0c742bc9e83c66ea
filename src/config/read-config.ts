import os from 'node:os';
import path from 'node:path';

import type { KappyConfig } from './load-config.js';
import { readPackageTables, readProjectTables, readSettings } from './read-settings.js';
import { resolvePath, urlScheme, type Env } from './resolve-path.js';
import type { Paths } from './settings.js';
import type { SettingsLayer } from './settings-layer.js';
import type { KeyPath, TomlChecker } from './toml-checker.js';
import type { TomlTable } from './toml-document.js';

export interface ReadContext {
  /** Folder relative paths are resolved against. */
  baseDir: string;
  env: Env;
  /** kappy's own recipes folder. */
  shippedRecipesDir: string;
  /** When given, default folders that do not exist are dropped, named ones reported. */
  exists?: (dir: string) => boolean;
}

const TOP_KEYS = ['metadata', 'paths', 'sync', 'build', 'package', 'packagers', 'project',
  'recipes-dirs'];
const METADATA_KEYS = ['projects', 'repo-metadata', 'dependencies', 'branch-groups', 'ignore',
  'branch-group', 'protocols'];
const PATH_KEYS: ReadonlyArray<keyof Paths> = ['cache', 'build', 'install', 'logs', 'packages'];
const PROTOCOLS = ['https', 'http', 'git', 'ssh', 'file'];
const SOURCE_SCHEMES = ['http', 'https', 'file'];

/** Turns a parsed config file into a KappyConfig, recording every bad key. */
export function readConfig(checker: TomlChecker, context: ReadContext): KappyConfig {
  const data = checker.document.data;
  checker.checkKeys([], data, TOP_KEYS);

  const build = section(checker, data, 'build');
  const settings: SettingsLayer = readSettings(checker, ['build'], build, ['jobs', 'on-failure']);
  const packages = readPackageTables(checker, ['package'], data['package']);
  if (packages) settings.package = packages;

  return {
    metadata: readMetadata(checker, section(checker, data, 'metadata'), context),
    paths: readPaths(checker, section(checker, data, 'paths'), context),
    sync: readSync(checker, section(checker, data, 'sync')),
    build: {
      jobs: checker.integer(['build', 'jobs'], build['jobs'], 1) ?? os.availableParallelism(),
      onFailure: checker.oneOf(['build', 'on-failure'], build['on-failure'],
        ['continue', 'stop'] as const) ?? 'continue',
    },
    packagers: readPackagers(checker, data['packagers'], context),
    settings,
    projectSettings: readProjectTables(checker, data['project']),
    recipesDirs: readRecipesDirs(checker, data['recipes-dirs'], context),
  };
}

function section(checker: TomlChecker, data: TomlTable, key: string): TomlTable {
  return checker.table([key], data[key]) ?? {};
}

function readMetadata(checker: TomlChecker, table: TomlTable, context: ReadContext):
  KappyConfig['metadata'] {
  checker.checkKeys(['metadata'], table, METADATA_KEYS);
  const source = (key: string): string | undefined =>
    readSource(checker, ['metadata', key], table[key], context);

  const dependencies = checker.strings(['metadata', 'dependencies'], table['dependencies']) ?? [];
  return {
    projects: source('projects'),
    repoMetadata: source('repo-metadata'),
    dependencies: dependencies.flatMap((value) =>
      readSource(checker, ['metadata', 'dependencies'], value, context) ?? []),
    branchGroups: source('branch-groups'),
    ignore: source('ignore'),
    branchGroup: checker.word(['metadata', 'branch-group'], table['branch-group']),
    protocols: readProtocols(checker, table['protocols']),
  };
}

/** A metadata source: a URL kept as is, or a path made absolute. */
function readSource(checker: TomlChecker, key: KeyPath, value: unknown,
  context: ReadContext): string | undefined {
  const text = checker.string(key, value);
  if (text === undefined) return undefined;

  const scheme = urlScheme(text);
  if (scheme === undefined) return readPath(checker, key, text, context);
  if (SOURCE_SCHEMES.includes(scheme)) return text;
  checker.report(key, `unsupported URL scheme ${JSON.stringify(scheme)} in `
    + `${JSON.stringify(text)}; use http, https, file or a local path`);
  return undefined;
}

function readPath(checker: TomlChecker, key: KeyPath, value: string,
  context: ReadContext): string | undefined {
  const resolved = resolvePath(value, context.baseDir, context.env);
  if (resolved === undefined) {
    checker.report(key, `cannot expand ${JSON.stringify(value)}: HOME is not set`);
  }
  return resolved;
}

function readProtocols(checker: TomlChecker, value: unknown): string[] {
  const key = ['metadata', 'protocols'];
  const protocols = checker.stringArray(key, value);
  if (protocols === undefined) return ['https', 'http', 'git'];

  const bad = protocols.filter((protocol) => !PROTOCOLS.includes(protocol));
  if (bad.length > 0 || protocols.length === 0) {
    checker.report(key, `expected a non-empty list of ${PROTOCOLS.join(', ')}, got `
      + JSON.stringify(protocols));
  }
  return protocols;
}

function readPaths(checker: TomlChecker, table: TomlTable, context: ReadContext): Paths {
  checker.checkKeys(['paths'], table, PATH_KEYS);
  const paths = defaultPaths(context.baseDir);

  for (const key of PATH_KEYS) {
    const value = checker.string(['paths', key], table[key]);
    const resolved = value === undefined ? undefined
      : readPath(checker, ['paths', key], value, context);
    if (resolved !== undefined) paths[key] = resolved;
  }
  return paths;
}

export function defaultPaths(baseDir: string): Paths {
  return {
    cache: path.join(baseDir, 'cache'),
    build: path.join(baseDir, 'build'),
    install: path.join(baseDir, 'install'),
    logs: path.join(baseDir, 'logs'),
    packages: path.join(baseDir, 'packages'),
  };
}

function readSync(checker: TomlChecker, table: TomlTable): KappyConfig['sync'] {
  checker.checkKeys(['sync'], table, ['jobs', 'retries']);
  return {
    jobs: checker.integer(['sync', 'jobs'], table['jobs'], 1) ?? 8,
    retries: checker.integer(['sync', 'retries'], table['retries'], 0) ?? 3,
  };
}

const PACKAGER_NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** Packager modules: a path (made absolute) or an npm package name (kept). */
function readPackagers(checker: TomlChecker, value: unknown, context: ReadContext):
  Record<string, string> {
  const table = checker.table(['packagers'], value) ?? {};
  const packagers: Record<string, string> = {};

  for (const [name, module] of Object.entries(table)) {
    const key = ['packagers', name];
    const text = checker.string(key, module);
    if (text === undefined) continue;

    if (!PACKAGER_NAME.test(name)) {
      checker.report(key, 'a packager name uses letters, digits, "-" and "_" only');
    } else if (isModulePath(text)) {
      const resolved = readPath(checker, key, text, context);
      if (resolved !== undefined) packagers[name] = resolved;
    } else if (NPM_NAME.test(text)) {
      packagers[name] = text;
    } else {
      checker.report(key, `expected a module path or an npm package name, got ${
        JSON.stringify(text)}`);
    }
  }
  return packagers;
}

function isModulePath(value: string): boolean {
  return /^(\.{1,2}\/|\/|~)/.test(value) || /\.[cm]?js$/.test(value);
}

function readRecipesDirs(checker: TomlChecker, value: unknown, context: ReadContext):
  string[] {
  const key = ['recipes-dirs'];
  const named = checker.strings(key, value);
  if (named === undefined) return defaultRecipesDirs(context);

  const dirs = named.flatMap((dir) => readPath(checker, key, dir, context) ?? []);
  for (const dir of dirs) {
    if (context.exists && !context.exists(dir)) {
      checker.report(key, `recipe folder ${JSON.stringify(dir)} does not exist`);
    }
  }
  return dirs;
}

function defaultRecipesDirs(context: ReadContext): string[] {
  const dirs = [context.shippedRecipesDir, path.join(context.baseDir, 'recipes')];
  const unique = [...new Set(dirs)];
  return context.exists ? unique.filter((dir) => context.exists?.(dir)) : unique;
}
