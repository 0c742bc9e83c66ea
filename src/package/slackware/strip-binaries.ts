import { link, open, rm } from 'node:fs/promises';

import type { TreeEntry } from '../archive/tree-entry.js';
import { runCommand } from '../run-command.js';

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const ELF_EXECUTABLE = 2;
const ELF_SHARED_OBJECT = 3;
/** strip takes many files per call; batches keep command lines short. */
const BATCH_SIZE = 64;

/**
 * Strips ELF executables and shared libraries with `--strip-unneeded`, as
 * SlackBuilds do. Object files and kernel modules are left alone (they need
 * their symbols). Files strip cannot handle are left as they are, like the
 * SlackBuild idiom `strip … 2>/dev/null || true`; returns the files stripped.
 */
export async function stripBinaries(root: string, entries: TreeEntry[]): Promise<string[]> {
  const binaries: string[] = [];
  const otherLinks = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.kind !== 'file' || !entry.source || !await isStrippableElf(entry.source)) continue;
    const links = entry.inode ? otherLinks.get(entry.inode) : undefined;
    if (links) links.push(entry.source);
    else binaries.push(entry.source);
    if (entry.inode && !links) otherLinks.set(entry.inode, [entry.source]);
  }

  const stripped: string[] = [];
  for (let start = 0; start < binaries.length; start += BATCH_SIZE) {
    stripped.push(...await stripBatch(binaries.slice(start, start + BATCH_SIZE), root));
  }
  await relinkHardLinks(otherLinks);
  return stripped;
}

/**
 * strip replaces a file rather than rewriting it, which splits a hard link
 * pair; the other names are linked to the stripped file again.
 */
async function relinkHardLinks(groups: Map<string, string[]>): Promise<void> {
  for (const [first, ...others] of groups.values()) {
    for (const other of others) {
      await rm(other);
      await link(first ?? '', other);
    }
  }
}

async function stripBatch(files: string[], cwd: string): Promise<string[]> {
  const args = ['--strip-unneeded', '--preserve-dates', '--'];
  try {
    await runCommand('strip', [...args, ...files], { cwd });
    return files;
  } catch {
    // One odd file fails the whole batch; retry one by one to find it.
    const done: string[] = [];
    for (const file of files) {
      const ok = await runCommand('strip', [...args, file], { cwd }).then(() => true,
        () => false);
      if (ok) done.push(file);
    }
    return done;
  }
}

async function isStrippableElf(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(18);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    if (bytesRead < header.length || !header.subarray(0, 4).equals(ELF_MAGIC)) return false;

    const littleEndian = header[5] === 1;
    const type = littleEndian ? header.readUInt16LE(16) : header.readUInt16BE(16);
    return type === ELF_EXECUTABLE || type === ELF_SHARED_OBJECT;
  } finally {
    await handle.close();
  }
}
