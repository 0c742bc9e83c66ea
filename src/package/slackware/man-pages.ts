import { chmod, link, lstat, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import type { TreeEntry } from '../archive/tree-entry.js';

const gzipAsync = promisify(gzip);

/** Man pages live under these, in `manN/` or `<lang>/manN/` sections. */
const MAN_PAGE = /^usr\/(share\/)?man\/([^/]+\/)?man[^/]*\/[^/]+$/;
const COMPRESSED = /\.(gz|bz2|xz|lzma|Z|zst)$/;

/**
 * Gzips uncompressed man pages (mode and mtime kept, hard links kept as
 * links) and points their symlinks at the `.gz` names, the way SlackBuilds
 * do: `foo.1 -> bar.1` becomes `foo.1.gz -> bar.1.gz`.
 */
export async function compressManPages(root: string, entries: TreeEntry[]): Promise<void> {
  const pages = entries.filter((entry) => MAN_PAGE.test(entry.path) &&
    !COMPRESSED.test(entry.path));
  const gzippedByInode = new Map<string, string>();

  for (const page of pages.filter((entry) => entry.kind === 'file')) {
    const source = path.join(root, page.path);
    const target = `${source}.gz`;
    const sibling = page.inode ? gzippedByInode.get(page.inode) : undefined;

    if (sibling) await link(sibling, target);
    else await gzipFile(source, target, page);
    if (page.inode && !sibling) gzippedByInode.set(page.inode, target);
    await rm(source);
  }

  for (const page of pages.filter((entry) => entry.kind === 'symlink')) {
    await relinkToGzip(path.join(root, page.path), page.linkTarget ?? '');
  }
}

async function gzipFile(source: string, target: string, page: TreeEntry): Promise<void> {
  const compressed = await gzipAsync(await readFile(source), { level: 9 });
  await writeFile(target, compressed);
  await chmod(target, page.mode);
  const info = await lstat(source);
  await utimes(target, info.atime, info.mtime);
}

async function relinkToGzip(linkPath: string, target: string): Promise<void> {
  const newTarget = COMPRESSED.test(target) ? target : `${target}.gz`;
  await rm(linkPath);
  await symlink(newTarget, `${linkPath}.gz`);
}
