// Which system tools the demo needs and which Debian package provides each.
// Looks them up on PATH without running anything, so the check is instant.
//
// Usage: node demo/check-tools.mjs   (prints what is missing, exits 1 then)

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Each requirement is met by any of its commands (CMake finds `cc` or `gcc`).
 * Ninja is optional: kappy falls back to make, so one of the two will do.
 */
const REQUIREMENTS = [
  { tool: 'git', commands: ['git'], debianPackage: 'git' },
  { tool: 'cmake', commands: ['cmake'], debianPackage: 'cmake' },
  { tool: 'ninja', commands: ['ninja', 'make'], debianPackage: 'ninja-build' },
  { tool: 'cc', commands: ['cc', 'gcc'], debianPackage: 'gcc' },
  { tool: 'c++', commands: ['c++', 'g++'], debianPackage: 'g++' },
  { tool: 'xz', commands: ['xz'], debianPackage: 'xz-utils' },
  { tool: 'tar', commands: ['tar'], debianPackage: 'tar' },
];

/** Tools that make the demo faster but are not required. */
const OPTIONAL = [{ tool: 'ninja', commands: ['ninja'], debianPackage: 'ninja-build' }];

/** @returns {Array<{ tool: string; debianPackage: string }>} */
export function findMissingTools() {
  return missingOf(REQUIREMENTS);
}

/** @returns {Array<{ tool: string; debianPackage: string }>} */
export function findMissingOptionalTools() {
  return missingOf(OPTIONAL);
}

/**
 * What to tell the user, e.g. for git and xz:
 *   missing: git (Debian package git), xz (Debian package xz-utils)
 *   install them with: sudo apt-get install git xz-utils
 *
 * @param {Array<{ tool: string; debianPackage: string }>} missing
 */
export function describeMissingTools(missing) {
  const tools = missing.map((m) => `${m.tool} (Debian package ${m.debianPackage})`);
  const packages = [...new Set(missing.map((m) => m.debianPackage))];
  return [
    `missing: ${tools.join(', ')}`,
    `install them with: sudo apt-get install ${packages.join(' ')}`,
  ].join('\n');
}

function missingOf(requirements) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return requirements
    .filter((r) => !r.commands.some((command) => isOnPath(command, dirs)))
    .map(({ tool, debianPackage }) => ({ tool, debianPackage }));
}

function isOnPath(command, dirs) {
  return dirs.some((dir) => {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

const invokedAs = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href;
if (import.meta.url === invokedAs) {
  const missing = findMissingTools();
  if (missing.length > 0) {
    process.stderr.write(`kappy demo: ${describeMissingTools(missing)}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('kappy demo: all required tools are installed\n');
  }
}
