/**
 * One writer per cache: `<cache>/.kappy-sync.lock` holds the pid of the kappy
 * that syncs. The file appears atomically with its content (written beside,
 * then hard-linked into place), so a reader never sees an empty lock. A lock
 * whose pid is dead is taken over.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Reporter } from '../core/reporter.js';
import { SyncLockError } from './sync-lock-error.js';

export const LOCK_FILE_NAME = '.kappy-sync.lock';

const POLL_MS = 200;

export interface LockOptions {
  wait: boolean;
  reporter: Reporter;
  signal?: AbortSignal;
}

/** Resolves to a function that releases the lock. */
export async function acquireSyncLock(
  cacheDir: string,
  options: LockOptions,
): Promise<() => Promise<void>> {
  await mkdir(cacheDir, { recursive: true });
  const lockFile = path.join(cacheDir, LOCK_FILE_NAME);
  let announced = false;

  for (;;) {
    options.signal?.throwIfAborted();
    if (await tryCreateLock(lockFile)) return () => releaseLock(lockFile);

    const holder = await readHolder(lockFile);
    if (holder === 'gone') continue;
    if (holder !== undefined && !isAlive(holder)) {
      await removeStaleLock(lockFile, holder);
      continue;
    }
    if (!options.wait) throw new SyncLockError(lockFile, holder, cacheDir);

    if (!announced) {
      announced = true;
      options.reporter.emit({
        stage: 'sync',
        kind: 'info',
        message: `waiting for kappy sync (pid ${holder ?? 'unknown'}) to release ${lockFile}`,
      });
    }
    await sleep(POLL_MS, undefined, options.signal ? { signal: options.signal } : {});
  }
}

async function tryCreateLock(lockFile: string): Promise<boolean> {
  const draft = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${process.pid}\n`);
  try {
    await link(draft, lockFile);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** The holder's pid, undefined when unreadable, 'gone' when the lock vanished. */
async function readHolder(lockFile: string): Promise<number | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) !== 'ESRCH';
  }
}

// Move the stale lock aside first: of two runs racing to take it over, only
// one rename succeeds. If what we moved turns out to be a fresh lock, put it back.
async function removeStaleLock(lockFile: string, stalePid: number): Promise<void> {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }

  const moved = await readHolder(aside);
  if (moved !== stalePid) await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(lockFile: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder === process.pid) await unlink(lockFile).catch(() => undefined);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
