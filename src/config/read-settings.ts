import type { BuildSystemName, CompilerLauncher } from './settings.js';
import type { ProjectSettingsLayer, SettingsLayer } from './settings-layer.js';
import { splitWords } from './split-words.js';
import { describeValue, isTable, type KeyPath, type TomlChecker } from './toml-checker.js';
import type { TomlTable } from './toml-document.js';

const BUILD_SYSTEMS: readonly BuildSystemName[] = ['cmake', 'meson', 'qmake', 'autotools',
  'custom'];
const COMPILER_LAUNCHERS: readonly CompilerLauncher[] = ['ccache', 'sccache', 'icecc', 'distcc'];

type ListSetting = 'cmakeOptions' | 'mesonOptions' | 'configureFlags' | 'qmakeOptions';

const LIST_KEYS: Record<string, ListSetting> = {
  'cmake-options': 'cmakeOptions',
  'meson-options': 'mesonOptions',
  'configure-flags': 'configureFlags',
  'qmake-options': 'qmakeOptions',
};

type StringSetting = 'repository' | 'configureCommand' | 'buildCommand' | 'installCommand'
  | 'cflags' | 'cxxflags' | 'ldflags';

const STRING_KEYS: Record<string, StringSetting> = {
  'repository': 'repository',
  'configure-command': 'configureCommand',
  'build-command': 'buildCommand',
  'install-command': 'installCommand',
  'cflags': 'cflags',
  'cxxflags': 'cxxflags',
  'ldflags': 'ldflags',
};

type WordSetting = 'branch' | 'tag' | 'commit' | 'buildType' | 'version';

const WORD_KEYS: Record<string, WordSetting> = {
  'branch': 'branch',
  'tag': 'tag',
  'commit': 'commit',
  'build-type': 'buildType',
  'version': 'version',
};

const OTHER_KEYS = ['build-system', 'env', 'jobs', 'compiler-launcher', 'distributed-jobs'];

/** Every per-project settings key, as written in TOML. */
export const SETTINGS_KEYS: readonly string[] = [...Object.keys(STRING_KEYS),
  ...Object.keys(WORD_KEYS), ...Object.keys(LIST_KEYS), ...OTHER_KEYS].sort();

/**
 * Reads the settings keys of `table` (at `path`). Keys in `ownKeys` belong to
 * the caller and are skipped; any other key is reported as unknown.
 */
export function readSettings(checker: TomlChecker, path: KeyPath, table: TomlTable,
  ownKeys: readonly string[] = []): SettingsLayer {
  checker.checkKeys(path, table, [...SETTINGS_KEYS, ...ownKeys]);
  const layer: SettingsLayer = {};

  for (const [key, value] of Object.entries(table)) {
    if (!ownKeys.includes(key)) readSetting(checker, [...path, key], value, layer);
  }

  if (layer.tag !== undefined && layer.commit !== undefined) {
    checker.report([...path, 'commit'], 'set either tag or commit, not both');
  }
  return layer;
}

function readSetting(checker: TomlChecker, path: KeyPath, value: unknown,
  layer: SettingsLayer): void {
  const key = path[path.length - 1] ?? '';
  const list = LIST_KEYS[key];
  const text = STRING_KEYS[key];
  const word = WORD_KEYS[key];

  if (list) assign(layer, list, readOptionList(checker, path, value));
  else if (text) assign(layer, text, checker.string(path, value));
  else if (word) assign(layer, word, checker.word(path, value));
  else if (key === 'build-system') assign(layer, 'buildSystem',
    checker.oneOf(path, value, BUILD_SYSTEMS));
  else if (key === 'compiler-launcher') assign(layer, 'compilerLauncher',
    checker.oneOf(path, value, COMPILER_LAUNCHERS));
  else if (key === 'jobs') assign(layer, 'jobs', checker.integer(path, value, 1));
  else if (key === 'distributed-jobs') assign(layer, 'distributedJobs',
    checker.integer(path, value, 1));
  else if (key === 'env') assign(layer, 'env', readEnv(checker, path, value));
}

function assign<K extends keyof SettingsLayer>(layer: SettingsLayer, key: K,
  value: SettingsLayer[K] | undefined): void {
  if (value !== undefined) layer[key] = value;
}

/** An array of strings, or one string split on whitespace as kdesrc-build does. */
function readOptionList(checker: TomlChecker, path: KeyPath, value: unknown):
  string[] | undefined {
  if (typeof value === 'string') return splitWords(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value as string[];
  }
  checker.report(path, `expected an array of strings, got ${describeValue(value)}`);
  return undefined;
}

function readEnv(checker: TomlChecker, path: KeyPath, value: unknown):
  Record<string, string> | undefined {
  const table = checker.table(path, value);
  if (!table) return undefined;

  const env: Record<string, string> = {};
  for (const [name, text] of Object.entries(table)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      checker.report([...path, name], 'not a valid environment variable name');
    } else if (typeof text !== 'string') {
      checker.report([...path, name], `expected a string, got ${describeValue(text)}`);
    } else {
      env[name] = text;
    }
  }
  return env;
}

/**
 * Reads `[package.<distro>]` tables. Their keys belong to each packager, so
 * only the value types are checked here: string, number, boolean or an array
 * of strings.
 */
export function readPackageTables(checker: TomlChecker, path: KeyPath, value: unknown):
  Record<string, Record<string, unknown>> | undefined {
  const distros = checker.table(path, value);
  if (!distros) return undefined;

  const tables: Record<string, Record<string, unknown>> = {};
  for (const [distro, settings] of Object.entries(distros)) {
    const table = checker.table([...path, distro], settings);
    if (table) tables[distro] = readPackageTable(checker, [...path, distro], table);
  }
  return tables;
}

function readPackageTable(checker: TomlChecker, path: KeyPath, table: TomlTable):
  Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    if (isPackageValue(value)) settings[key] = value;
    else checker.report([...path, key], 'expected a string, number, boolean or array of '
      + `strings, got ${describeValue(value)}`);
  }
  return settings;
}

function isPackageValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** A settings table plus its own `[… .package.<distro>]` tables. */
export function readSettingsWithPackages(checker: TomlChecker, path: KeyPath,
  table: TomlTable, ownKeys: readonly string[] = []): SettingsLayer {
  const layer = readSettings(checker, path, table, [...ownKeys, 'package']);
  const packages = readPackageTables(checker, [...path, 'package'], table['package']);
  if (packages) layer.package = packages;
  return layer;
}

/** Reads `[project."<selector>"]` tables, in file order. */
export function readProjectTables(checker: TomlChecker, value: unknown):
  ProjectSettingsLayer[] {
  const projects = checker.table(['project'], value);
  if (!projects) return [];

  const layers: ProjectSettingsLayer[] = [];
  for (const [selector, settings] of Object.entries(projects)) {
    const path = ['project', selector];
    if (!/^\S+$/.test(selector)) {
      checker.report(path, `selector ${JSON.stringify(selector)} must not contain whitespace`);
    } else if (!isTable(settings)) {
      checker.report(path, `expected a table, got ${describeValue(settings)}`);
    } else {
      layers.push({ selector, settings: readSettingsWithPackages(checker, path, settings) });
    }
  }
  return layers;
}
