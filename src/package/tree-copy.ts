import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { runCommand } from './run-command.js';

/**
 * Runs `work` on a scratch copy of `tree` (hard links, modes and mtimes
 * kept) so that conventions may rewrite files without touching the install
 * tree; the copy is removed afterwards.
 */
export async function withTreeCopy<T>(tree: string,
  work: (copy: string) => Promise<T>): Promise<T> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'kappy-package-'));
  try {
    const copy = path.join(scratch, 'tree');
    await runCommand('cp', ['-a', '--', tree, copy]);
    return await work(copy);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
