import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';

import { PackageError } from '../package-error.js';
import { encodeHeader, paddingFor, RECORD_SIZE, BLOCK_SIZE, type TarHeader } from './tar-header.js';
import type { TreeEntry } from './tree-entry.js';

export interface TarOptions {
  /**
   * Prefix for every member but the root, which is always `./`. Slackware
   * packages use none (`usr/bin/`), Debian data archives use `./`.
   */
  prefix: '' | './';
}

/** Large files are streamed in chunks this big; smaller ones read at once. */
const CHUNK_SIZE = 1024 * 1024;

/**
 * Writes `entries` in the given order as a GNU tar stream owned by
 * root:root (uid and gid 0), keeping modes (the root's is always 0755) and
 * mtimes. Files sharing an inode after the first become hard links to the
 * first one's name.
 */
export async function writeTar(entries: TreeEntry[], output: Writable,
  options: TarOptions): Promise<void> {
  const sink = createSink(output);
  const firstNameOfInode = new Map<string, string>();

  for (const entry of entries) {
    const name = memberName(entry, options.prefix);
    const linkedTo = entry.inode ? firstNameOfInode.get(entry.inode) : undefined;
    if (entry.inode && !linkedTo) firstNameOfInode.set(entry.inode, name);

    const header = describeMember(entry, name, linkedTo);
    await sink.write(Buffer.concat(encodeHeader(header)));
    if (header.type === 'file') await writeContents(entry, sink);
  }

  await sink.write(Buffer.alloc(2 * BLOCK_SIZE));
  await sink.write(Buffer.alloc(RECORD_SIZE - (sink.written % RECORD_SIZE || RECORD_SIZE)));
}

export function memberName(entry: TreeEntry, prefix: string): string {
  if (entry.path === '') return './';
  const slash = entry.kind === 'directory' ? '/' : '';
  return `${prefix}${entry.path}${slash}`;
}

function describeMember(entry: TreeEntry, name: string, linkedTo?: string): TarHeader {
  // Extracting `./` sets the mode of `/` itself: it is 0755 whatever mode
  // the staging directory happened to get.
  const mode = entry.path === '' ? 0o755 : entry.mode;
  const base = { name, mode, mtime: entry.mtime, size: 0 };
  if (linkedTo) return { ...base, type: 'hardlink', linkName: linkedTo };

  switch (entry.kind) {
    case 'directory': return { ...base, type: 'directory' };
    case 'symlink': return { ...base, type: 'symlink', linkName: entry.linkTarget ?? '' };
    case 'file': return { ...base, type: 'file', size: entry.size };
  }
}

async function writeContents(entry: TreeEntry, sink: Sink): Promise<void> {
  if (entry.content) await sink.write(entry.content);
  else await copyFile(entry, sink);
  await sink.write(paddingFor(entry.size));
}

/** Streams the file and checks it still has the size its header announced. */
async function copyFile(entry: TreeEntry, sink: Sink): Promise<void> {
  const source = entry.source ?? '';
  const handle = await open(source, 'r');
  try {
    let copied = 0;
    while (copied < entry.size) {
      const want = Math.min(CHUNK_SIZE, entry.size - copied);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, copied);
      if (bytesRead === 0) break;
      await sink.write(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      copied += bytesRead;
    }
    if (copied !== entry.size) {
      throw new PackageError(`${source}: file changed size while it was being packaged ` +
        `(${entry.size} bytes expected, ${copied} read); rebuild and retry`);
    }
  } finally {
    await handle.close();
  }
}

/** Resolves on `drain`; a reader that goes away instead must not leave us waiting. */
async function waitForDrain(output: Writable): Promise<void> {
  const controller = new AbortController();
  const { signal } = controller;
  try {
    await Promise.race([
      once(output, 'drain', { signal }),
      once(output, 'close', { signal }).then(() => {
        throw stoppedReading();
      }),
    ]);
  } finally {
    // Drops the listener of the event that did not happen.
    controller.abort();
  }
}

function stoppedReading(): PackageError {
  return new PackageError('the archive reader (compressor) stopped reading its input');
}

interface Sink {
  write(chunk: Buffer): Promise<void>;
  readonly written: number;
}

/** Honours backpressure so a slow compressor never makes us buffer a whole tree. */
function createSink(output: Writable): Sink {
  let written = 0;
  return {
    async write(chunk: Buffer): Promise<void> {
      if (chunk.length === 0) return;
      if (output.destroyed) throw stoppedReading();
      written += chunk.length;
      if (!output.write(chunk)) await waitForDrain(output);
    },
    get written() {
      return written;
    },
  };
}
