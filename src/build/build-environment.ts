import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildSystemName, ProjectSettings } from '../config/settings.js';

/** An install root a dependent should see: the prefix, or a staged `<tree>/<prefix>`. */
export interface InstallRoot {
  root: string;
  /** `lib`, `lib64`, `lib/x86_64-linux-gnu`, … as found under the root. */
  libDirs: string[];
}

export interface EnvironmentInput {
  /** The environment kappy was started with. */
  base: Readonly<Record<string, string | undefined>>;
  /** Nearest first; their paths go in front of what the user already had. */
  roots: readonly InstallRoot[];
  /** pkg-config dirs to use instead of the roots' own (the staged overlay). */
  pkgConfigDirs?: readonly string[];
  system: BuildSystemName;
  settings: ProjectSettings;
}

/**
 * The exact environment of one project's build: the user's, with the
 * dependencies' install roots prepended to the search paths, the flags,
 * the compiler launcher and the project's own `env` on top.
 */
export function buildEnvironment(input: EnvironmentInput): Record<string, string> {
  const env = withoutUnset(input.base);

  // An inherited DESTDIR would turn the prefix install into a staged one.
  delete env['DESTDIR'];

  for (const [name, dirs] of Object.entries(searchPaths(input))) {
    prependPath(env, name, dirs);
  }
  if (env['XDG_DATA_DIRS'] !== undefined && !input.base['XDG_DATA_DIRS']) {
    // Without the variable, applications assume these; keep them reachable.
    env['XDG_DATA_DIRS'] += ':/usr/local/share:/usr/share';
  }

  Object.assign(env, flagVariables(input));
  return { ...env, ...input.settings.env };
}

function searchPaths(input: EnvironmentInput): Record<string, string[]> {
  const { roots } = input;
  const libDirs = roots.flatMap((r) => r.libDirs.map((lib) => path.join(r.root, lib)));
  const ownPkgConfig = [...libDirs.map((lib) => path.join(lib, 'pkgconfig')),
    ...roots.map((r) => path.join(r.root, 'share', 'pkgconfig'))];
  return {
    CMAKE_PREFIX_PATH: roots.map((r) => r.root),
    PKG_CONFIG_PATH: input.pkgConfigDirs ? [...input.pkgConfigDirs] : ownPkgConfig,
    LD_LIBRARY_PATH: libDirs,
    PATH: roots.map((r) => path.join(r.root, 'bin')),
    QT_PLUGIN_PATH: libDirs.flatMap((lib) =>
      ['plugins', 'qt5/plugins', 'qt6/plugins'].map((dir) => path.join(lib, dir))),
    QML2_IMPORT_PATH: libDirs.flatMap((lib) =>
      ['qml', 'qt5/qml', 'qt6/qml'].map((dir) => path.join(lib, dir))),
    XDG_DATA_DIRS: roots.map((r) => path.join(r.root, 'share')),
  };
}

/** CFLAGS, CXXFLAGS, LDFLAGS and, outside CMake, CC/CXX with the launcher. */
export function flagVariables(input: Pick<EnvironmentInput, 'base' | 'settings' | 'system'>):
  Record<string, string> {
  const { settings, base } = input;
  const vars: Record<string, string> = {};
  if (settings.cflags) vars['CFLAGS'] = settings.cflags;
  if (settings.cxxflags) vars['CXXFLAGS'] = settings.cxxflags;
  if (settings.ldflags) vars['LDFLAGS'] = settings.ldflags;

  // CMake gets the launcher as a cache entry; the others through CC/CXX.
  const launcher = settings.compilerLauncher;
  if (launcher && input.system !== 'cmake') {
    vars['CC'] = `${launcher} ${base['CC'] ?? 'cc'}`;
    vars['CXX'] = `${launcher} ${base['CXX'] ?? 'c++'}`;
  }
  return vars;
}

function prependPath(env: Record<string, string>, name: string, dirs: string[]): void {
  if (dirs.length === 0) return;
  const existing = env[name] ? [env[name]] : [];
  env[name] = [...new Set(dirs), ...existing].join(':');
}

function withoutUnset(base: EnvironmentInput['base']): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** `lib64`, `lib` and multiarch `lib/<triplet>` directories present under a root. */
export async function findInstallRoot(root: string): Promise<InstallRoot> {
  const libDirs: string[] = [];
  for (const lib of ['lib64', 'lib']) {
    const entries = await readdir(path.join(root, lib), { withFileTypes: true }).catch(() => []);
    if (entries.length === 0) continue;
    libDirs.push(lib);
    const multiarch = entries.filter((e) => e.isDirectory() && /-linux-gnu/.test(e.name));
    libDirs.push(...multiarch.map((e) => path.join(lib, e.name)));
  }
  return { root, libDirs: libDirs.length > 0 ? libDirs : ['lib'] };
}
