/**
 * `kappy sync`: make the cache hold an up-to-date checkout of every project,
 * in parallel, without ever losing local work.
 *
 * `--pretend` and `--offline` are read-only: they take no lock, remove no
 * leftovers and write nothing (pretend may still ask remotes with ls-remote).
 */
import PQueue from 'p-queue';

import { UsageError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { PlannedProject } from '../graph/build-plan.js';
import { acquireSyncLock } from './acquire-sync-lock.js';
import { checkoutPath } from './checkout-path.js';
import { findPathRefusal } from './find-refusal.js';
import { removeLeftoverClones } from './leftover-clones.js';
import type { SyncContext } from './sync-context.js';
import { syncOneProject } from './sync-one-project.js';
import { isSyncOk, type SyncResult, type SyncSummary } from './sync-result.js';

export { checkoutPath } from './checkout-path.js';
export { SyncLockError } from './sync-lock-error.js';
export type { SyncResult, SyncStatus, SyncSummary } from './sync-result.js';

export interface SyncOptions {
  /** Checkouts live at `<cacheDir>/<project path>`. */
  cacheDir: string;
  /** How many projects sync at once. */
  jobs: number;
  /** Extra attempts for transient network errors, with backoff (default 3). */
  retries?: number;
  /** First backoff wait in ms, doubling per attempt (default 1000). */
  retryDelayMs?: number;
  /** No network: report what is missing. */
  offline?: boolean;
  /** Say what would happen, change nothing. */
  pretend?: boolean;
  reporter: Reporter;
  signal?: AbortSignal;
  /** A second run on one cache: wait for the first, or fail at once (default). */
  lockWait?: 'wait' | 'fail';
  /** Called as each project finishes, so a build can start on it at once. */
  onProjectDone?: (result: SyncResult) => void;
}

export async function syncProjects(
  projects: PlannedProject[],
  options: SyncOptions,
): Promise<SyncSummary> {
  const context = makeContext(options);
  const readOnly = context.pretend || context.offline;
  const release = readOnly
    ? async () => undefined
    : await acquireSyncLock(options.cacheDir, {
        wait: options.lockWait === 'wait',
        reporter: options.reporter,
        ...(options.signal ? { signal: options.signal } : {}),
      });

  try {
    if (!readOnly) await removeLeftovers(projects, context);
    const results = await runAll(projects, context, options);
    return { results, ok: isSyncOk(results) };
  } finally {
    await release();
  }
}

function makeContext(options: SyncOptions): SyncContext {
  requireCount('jobs', options.jobs, 1);
  const retries = options.retries ?? 3;
  requireCount('retries', retries, 0);
  return {
    cacheDir: options.cacheDir,
    retries,
    retryDelayMs: options.retryDelayMs ?? 1000,
    offline: options.offline ?? false,
    pretend: options.pretend ?? false,
    reporter: options.reporter,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function requireCount(name: string, value: number, min: number): void {
  if (Number.isInteger(value) && value >= min) return;
  throw new UsageError(`sync ${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
}

async function removeLeftovers(projects: PlannedProject[], context: SyncContext): Promise<void> {
  // Refused paths are never turned into file system paths.
  const targets = projects
    .filter((project) => findPathRefusal(project.path) === undefined)
    .map((project) => checkoutPath(context.cacheDir, project.path));

  for (const leftover of await removeLeftoverClones(targets)) {
    context.reporter.emit({
      stage: 'sync',
      kind: 'info',
      message: `removed ${leftover}, left by an interrupted clone`,
    });
  }
}

async function runAll(
  projects: PlannedProject[],
  context: SyncContext,
  options: SyncOptions,
): Promise<SyncResult[]> {
  const queue = new PQueue({ concurrency: options.jobs });
  const tasks = projects.map((project) =>
    queue.add(async () => {
      const result = await syncOneProject(project, context);
      notifyDone(options, result);
      return result;
    }),
  );
  return Promise.all(tasks);
}

// A throwing callback (e.g. a build that could not start) must not abandon
// the projects still syncing; it becomes a warning.
function notifyDone(options: SyncOptions, result: SyncResult): void {
  try {
    options.onProjectDone?.(result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.reporter.emit({
      stage: 'sync',
      kind: 'warn',
      project: result.project,
      message: `onProjectDone failed: ${message}`,
    });
  }
}
