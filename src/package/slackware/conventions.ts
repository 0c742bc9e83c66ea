import { mkdir, rename, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { scanTree } from '../archive/scan-tree.js';
import { compressManPages } from './man-pages.js';
import { copySourceDocs } from './source-docs.js';
import { stripBinaries } from './strip-binaries.js';

export interface ConventionOptions {
  /** Strip ELF binaries. */
  strip: boolean;
  /** Man pages, docs and `.new` config files. */
  conventions: boolean;
  name: string;
  /** Already made safe for Slackware. */
  version: string;
  /** The source checkout; its README, COPYING, … go to the doc directory. */
  sourceDir?: string;
}

/**
 * Applies SlackBuild conventions to a scratch copy of an install tree (never
 * the install tree itself). Returns the `.new` config files, relative to
 * the root, which doinst.sh must hand to `config`.
 */
export async function applyConventions(root: string,
  options: ConventionOptions): Promise<string[]> {
  if (options.strip) await stripBinaries(root, await scanTree(root));
  if (!options.conventions) return [];

  await compressManPages(root, await scanTree(root));
  await moveDocs(root, options.name, options.version);
  if (options.sourceDir) {
    await copySourceDocs(root, options.sourceDir, options.name, options.version);
  }
  return renameConfigFiles(root);
}

/** True when the tree installs under `/usr`, where conventions are on by default. */
export async function installsUnderUsr(root: string): Promise<boolean> {
  return isDirectory(path.join(root, 'usr'));
}

/**
 * The project's own doc directory moves to `/usr/doc/name-version`. Other
 * `usr/share/doc` content (KDE handbooks in `HTML/`) stays where the help
 * center looks for it.
 */
async function moveDocs(root: string, name: string, version: string): Promise<void> {
  const target = path.join(root, 'usr/doc', `${name}-${version}`);
  for (const candidate of ['usr/share/doc', 'usr/doc']) {
    const source = path.join(root, candidate, name);
    if (!(await isDirectory(source)) || await exists(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
    // Leave no empty usr/share/doc behind; a non-empty one stays.
    await rmdir(path.dirname(source)).catch(() => undefined);
  }
}

/** Regular files under `etc/` install as `.new` so upgrades never clobber edits. */
async function renameConfigFiles(root: string): Promise<string[]> {
  const entries = await scanTree(root);
  const configs = entries.filter((entry) => entry.kind === 'file' &&
    entry.path.startsWith('etc/') && !entry.path.endsWith('.new'));

  for (const config of configs) {
    const file = path.join(root, config.path);
    await rename(file, `${file}.new`);
  }
  return configs.map((config) => `${config.path}.new`);
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isDirectory(), () => false);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
