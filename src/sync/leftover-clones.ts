/**
 * Clones go to `.<name>.kappy-tmp-XXXXXX` beside their target and are renamed
 * into place when complete. A killed run leaves such a directory behind,
 * never a half checkout at the target; the next sync removes it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_MARK = '.kappy-tmp-';

export function makeCloneTempDir(target: string): Promise<string> {
  const prefix = path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}`);
  return mkdtemp(prefix);
}

/** Removes leftover clone directories beside the given targets; returns them. */
export async function removeLeftoverClones(targets: readonly string[]): Promise<string[]> {
  const parents = new Set(targets.map((target) => path.dirname(target)));
  const removed: string[] = [];

  for (const parent of parents) {
    for (const entry of await listDir(parent)) {
      if (!isCloneTempName(entry)) continue;
      const leftover = path.join(parent, entry);
      await rm(leftover, { recursive: true, force: true });
      removed.push(leftover);
    }
  }
  return removed;
}

function isCloneTempName(entry: string): boolean {
  return entry.startsWith('.') && entry.includes(TEMP_MARK);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
