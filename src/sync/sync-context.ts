import type { Reporter } from '../core/reporter.js';
import type { PlannedProject } from '../graph/build-plan.js';
import type { RetryPolicy } from './with-retries.js';
import type { SyncResult, SyncStatus } from './sync-result.js';

/** What every per-project step needs; built once by syncProjects. */
export interface SyncContext {
  cacheDir: string;
  retries: number;
  retryDelayMs: number;
  offline: boolean;
  pretend: boolean;
  reporter: Reporter;
  signal?: AbortSignal;
}

export function retryPolicyFor(context: SyncContext, project: PlannedProject): RetryPolicy {
  return {
    retries: context.retries,
    delayMs: context.retryDelayMs,
    ...(context.signal ? { signal: context.signal } : {}),
    onRetry: (attempt, reason, waitMs) =>
      context.reporter.emit({
        stage: 'sync',
        kind: 'progress',
        project: project.path,
        message: `retry ${attempt}/${context.retries} in ${waitMs} ms after: ${reason}`,
      }),
  };
}

/** A result for `project`; omits the optional fields that are undefined. */
export function resultOf(
  project: PlannedProject,
  status: SyncStatus,
  details: Omit<SyncResult, 'project' | 'status'> = {},
): SyncResult {
  const result: SyncResult = { project: project.path, status };
  if (details.commit !== undefined) result.commit = details.commit;
  if (details.newCommits !== undefined) result.newCommits = details.newCommits;
  if (details.reason !== undefined) result.reason = details.reason;
  return result;
}
