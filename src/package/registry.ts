import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { UsageError } from '../core/errors.js';
import type { Packager } from './packager.js';

/** Built-in packagers, loaded only when asked for. */
const BUILT_INS: Record<string, () => Promise<Packager>> = {
  slackware: async () => (await import('./slackware/slackware-packager.js')).slackwarePackager,
  debian: async () => (await import('./debian/debian-packager.js')).debianPackager,
};

export const BUILT_IN_PACKAGERS = Object.keys(BUILT_INS);

/**
 * Finds the packager for `--distro NAME`: a built-in, else the module the
 * config's `[packagers] NAME = "path or npm name"` points to, else the npm
 * package `kappy-packager-NAME`. A plugin module exports a Packager as
 * `default` or `packager`, or a `createPackager()` function returning one.
 */
export async function loadPackager(name: string, configured: Record<string, string>,
  baseDir: string): Promise<Packager> {
  const builtIn = BUILT_INS[name];
  if (builtIn) return builtIn();

  const specifier = configured[name];
  if (specifier !== undefined) return importPackager(name, specifier, baseDir);

  const npmName = `kappy-packager-${name}`;
  const module = await importModule(npmName, baseDir).catch((error: unknown) => {
    if (isModuleNotFound(error)) throw unknownPackager(name, configured);
    throw error;
  });
  return extractPackager(name, npmName, module);
}

async function importPackager(name: string, specifier: string,
  baseDir: string): Promise<Packager> {
  const module = await importModule(specifier, baseDir).catch((error: unknown) => {
    const reason = isModuleNotFound(error) ? 'was not found' : `failed to load: ${String(error)}`;
    throw new UsageError(`packager "${name}" from [packagers] ${name} = ` +
      `${JSON.stringify(specifier)} ${reason}`, { cause: error });
  });
  return extractPackager(name, specifier, module);
}

/** Paths resolve against the config file's directory, npm names from there too. */
async function importModule(specifier: string, baseDir: string): Promise<unknown> {
  if (isPath(specifier)) return import(pathToFileURL(path.resolve(baseDir, specifier)).href);

  const require = createRequire(path.join(baseDir, 'kappy.toml'));
  const resolved = (() => {
    try {
      return pathToFileURL(require.resolve(specifier)).href;
    } catch {
      return specifier;
    }
  })();
  return import(resolved);
}

async function extractPackager(name: string, from: string, module: unknown): Promise<Packager> {
  const exports = (module ?? {}) as Record<string, unknown>;
  const factory = exports['createPackager'];
  const candidates = [exports['default'], exports['packager'],
    typeof factory === 'function' ? await (factory as () => unknown)() : undefined];

  const packager = candidates.find(isPackager);
  if (!packager) {
    throw new UsageError(`packager "${name}" from ${JSON.stringify(from)} exports no packager: ` +
      'expected `default` or `packager` with { name, createPackage }, or `createPackager()`');
  }
  return packager;
}

function isPackager(value: unknown): value is Packager {
  const candidate = value as Partial<Packager> | undefined;
  return typeof candidate?.name === 'string' && typeof candidate.createPackage === 'function';
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function unknownPackager(name: string, configured: Record<string, string>): UsageError {
  const known = [...BUILT_IN_PACKAGERS, ...Object.keys(configured)].join(', ');
  return new UsageError(`unknown packager "${name}": known packagers are ${known}; ` +
    `add [packagers] ${name} = "path/to/plugin.mjs" to the config, ` +
    `or install the npm package kappy-packager-${name}`);
}
