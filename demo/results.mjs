// Finds what a demo run produced, wherever kappy put it under the demo root:
// the Slackware packages, and the staged install trees (DESTDIR) that hold
// the kdemo program and the libraries it needs.

import fs from 'node:fs';
import path from 'node:path';

import { DEMO_PROJECTS } from './catalog.mjs';

/** Extensions installpkg accepts. */
const PACKAGE_PATTERN = /\.t[gblx]z$/;

/** Folders of the demo root that hold no build output. */
const NOT_BUILT = new Set(['checkouts', 'remotes', 'metadata', 'logs', 'packages']);

/**
 * Package files under `<root>/packages`, dependencies first (the order to
 * hand them to installpkg), then by name.
 *
 * @param {string} root
 * @returns {string[]}
 */
export function findPackages(root) {
  const files = walk(path.join(root, 'packages'), 4)
    .filter((f) => PACKAGE_PATTERN.test(f));
  const rank = (file) => {
    const base = path.basename(file);
    const index = DEMO_PROJECTS.findIndex((p) => base.startsWith(`${projectName(p)}-`));
    return index === -1 ? DEMO_PROJECTS.length : index;
  };
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

/**
 * The staged kdemo program, the library folders it needs at run time and
 * the folder of its system-wide config; undefined when nothing was staged.
 *
 * @param {string} root
 * @returns {{ program: string, libraryDirs: string[], configDir: string } | undefined}
 */
export function findStagedProgram(root) {
  const files = walk(root, 12, NOT_BUILT);

  const programPath = ['', 'usr', 'bin', 'kdemo'].join(path.sep);
  const program = files.find((f) => f.endsWith(programPath));
  if (!program) return undefined;

  const libraryDirs = ['libkdemocore.so', 'libkdemowidgets.so']
    .map((library) => files.find((f) => isStagedLibrary(f, library)))
    .filter((file) => file !== undefined)
    .map((file) => path.dirname(file));

  const tree = path.dirname(path.dirname(path.dirname(program)));
  return { program, libraryDirs, configDir: path.join(tree, 'etc', 'xdg') };
}

/** A versioned library file inside a usr/lib* folder (not the build folder). */
function isStagedLibrary(file, library) {
  const base = path.basename(file);
  const inUsrLib = /[\\/]usr[\\/]lib[^\\/]*([\\/][^\\/]+)?$/.test(path.dirname(file));
  return inUsrLib && base.startsWith(`${library}.`);
}

/** @param {import('./catalog.mjs').DemoProject} project */
function projectName(project) {
  return project.path.split('/').at(-1) ?? project.path;
}

/** Files (and symlinks) below `dir`, sorted, at most `depth` levels down. */
function walk(dir, depth, skip = new Set()) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }

  const found = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0 && !skip.has(entry.name)) found.push(...walk(full, depth - 1));
    } else {
      found.push(full);
    }
  }
  return found.sort();
}
