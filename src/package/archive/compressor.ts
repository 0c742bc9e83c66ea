import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

import { describeFailure, describeSpawnError } from '../run-command.js';

export type Compression = 'xz' | 'gzip' | 'bzip2' | 'lzma';

/**
 * xz: one thread per core over independent 24 MiB blocks. Preset 8 within
 * a 24 MiB block costs about as much CPU as preset 6 and came out within
 * ~2-3 % of the size of single-threaded `xz -9` (makepkg's choice), which
 * spends ~1.5x the CPU on its 64 MiB dictionary; see bench/package.bench.mjs.
 */
const COMMANDS: Record<Compression, [string, string[]]> = {
  xz: ['xz', ['-c', '-8', '-T0', '--block-size=24MiB']],
  gzip: ['gzip', ['-c', '-9', '-n']],
  bzip2: ['bzip2', ['-c', '-9']],
  lzma: ['xz', ['-c', '-9', '--format=lzma']],
};

export function compressorCommand(compression: Compression): [string, string[]] {
  return COMMANDS[compression];
}

/**
 * Runs `produce` with a stream whose bytes end up compressed in `file`.
 * The compressor writes the file directly; we only feed its stdin.
 */
export async function writeCompressed(file: string, compression: Compression,
  produce: (input: Writable) => Promise<void>): Promise<void> {
  const [command, args] = compressorCommand(compression);
  const handle = await open(file, 'w', 0o644);
  try {
    const child = spawn(command, args, { stdio: ['pipe', handle.fd, 'pipe'] }) as
      ChildProcessByStdio<Writable, null, Readable>;
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exited = new Promise<void>((resolve, reject) => {
      child.on('error', (error) => reject(describeSpawnError(command, args, error)));
      child.on('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(describeFailure(command, args, code, signal,
          Buffer.concat(stderr).toString()));
      });
    });

    // A compressor that dies makes stdin fail with EPIPE; its exit status
    // is the error worth reporting, so that one wins.
    const produced = produce(child.stdin).then(() => new Promise<void>((resolve, reject) => {
      child.stdin.end((error?: Error | null) => (error ? reject(error) : resolve()));
    }));
    child.stdin.on('error', () => undefined);
    const [producedResult, exitedResult] = await Promise.allSettled([produced, exited]);
    if (exitedResult.status === 'rejected') throw exitedResult.reason;
    if (producedResult.status === 'rejected') throw producedResult.reason;
  } finally {
    await handle.close();
  }
}
