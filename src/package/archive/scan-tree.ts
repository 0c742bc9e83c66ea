import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

import { PackageError } from '../package-error.js';
import { sortEntries, type TreeEntry } from './tree-entry.js';

/**
 * Lists every member of an install tree, root included, sorted byte-wise.
 * Symlinks are not followed. File types a package cannot carry (devices,
 * sockets, FIFOs) and names that are not UTF-8 are refused with the file
 * named.
 */
export async function scanTree(root: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  await scanDirectory(root, '', entries);
  return sortEntries(entries);
}

async function scanDirectory(root: string, relative: string,
  entries: TreeEntry[]): Promise<void> {
  const absolute = path.join(root, relative);
  entries.push(await describeEntry(absolute, relative));

  const names = await readdir(absolute, { encoding: 'buffer' });
  for (const rawName of names) {
    const name = decodeName(rawName, path.join(absolute, rawName.toString()));
    const childRelative = relative ? `${relative}/${name}` : name;
    const childAbsolute = path.join(root, childRelative);
    const entry = await describeEntry(childAbsolute, childRelative);

    if (entry.kind === 'directory') await scanDirectory(root, childRelative, entries);
    else entries.push(entry);
  }
}

async function describeEntry(absolute: string, relative: string): Promise<TreeEntry> {
  const info = await lstat(absolute);
  const common = {
    path: relative,
    mode: info.mode & 0o7777,
    mtime: Math.floor(info.mtimeMs / 1000),
  };

  if (info.isDirectory()) return { ...common, kind: 'directory', size: 0 };
  if (info.isSymbolicLink()) {
    return { ...common, kind: 'symlink', size: 0, linkTarget: await readlink(absolute) };
  }
  if (info.isFile()) {
    const inode = info.nlink > 1 ? `${info.dev}:${info.ino}` : undefined;
    return { ...common, kind: 'file', size: info.size, source: absolute, inode };
  }
  throw new PackageError(`${absolute}: a package cannot hold this file type ` +
    '(device, socket or FIFO); remove it from the install tree');
}

function decodeName(raw: Buffer, shown: string): string {
  const name = raw.toString('utf8');
  if (!Buffer.from(name, 'utf8').equals(raw)) {
    throw new PackageError(`${shown}: file name is not valid UTF-8; rename it`);
  }
  return name;
}
