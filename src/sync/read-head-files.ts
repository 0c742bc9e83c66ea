/**
 * HEAD read straight from the repository files: a no-op sync of many
 * projects is bound by process starts, and this saves one per project.
 * Anything unusual (a `.git` file, reftable, a missing ref) returns
 * undefined and the caller asks git instead.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Head } from './git-queries.js';

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export async function readHeadFiles(checkout: string): Promise<Head | undefined> {
  const gitDir = path.join(checkout, '.git');
  const head = await readText(path.join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (OBJECT_ID.test(head)) return { commit: head };

  const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
  if (ref === undefined || ref.split('/').includes('..')) return undefined;
  const commit = (await readLooseRef(gitDir, ref)) ?? (await readPackedRef(gitDir, ref));
  return commit === undefined ? undefined : { commit, ref };
}

async function readLooseRef(gitDir: string, ref: string): Promise<string | undefined> {
  const text = await readText(path.join(gitDir, ...ref.split('/')));
  return text !== undefined && OBJECT_ID.test(text) ? text : undefined;
}

async function readPackedRef(gitDir: string, ref: string): Promise<string | undefined> {
  const packed = await readText(path.join(gitDir, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [commit, name] = line.split(' ');
    if (name === ref && commit !== undefined && OBJECT_ID.test(commit)) return commit;
  }
  return undefined;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}
