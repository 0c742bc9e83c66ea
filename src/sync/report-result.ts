import type { EventKind, Reporter } from '../core/reporter.js';
import type { SyncResult, SyncStatus } from './sync-result.js';

const KIND: Record<SyncStatus, EventKind> = {
  cloned: 'done',
  updated: 'done',
  unchanged: 'done',
  'would-clone': 'done',
  'would-update': 'done',
  skipped: 'skip',
  missing: 'skip',
  failed: 'fail',
};

/** One outcome event per project; `data` carries the result for --json. */
export function reportResult(reporter: Reporter, result: SyncResult): void {
  reporter.emit({
    stage: 'sync',
    kind: KIND[result.status],
    project: result.project,
    message: describeResult(result),
    data: { ...result },
  });
}

export function describeResult(result: SyncResult): string {
  const short = result.commit === undefined ? '' : ` at ${result.commit.slice(0, 12)}`;
  switch (result.status) {
    case 'cloned':
      return `cloned${short}`;
    case 'updated':
      return result.newCommits === undefined
        ? `updated${short}${note(result.reason)}`
        : `updated (+${result.newCommits} commit${result.newCommits === 1 ? '' : 's'})`;
    case 'unchanged':
      return `unchanged${short}${note(result.reason)}`;
    case 'would-clone':
      return `would clone${note(result.reason)}`;
    case 'would-update':
      return result.newCommits === undefined
        ? 'would update'
        : `would update (+${result.newCommits} commit${result.newCommits === 1 ? '' : 's'})`;
    case 'skipped':
      return `skipped: ${result.reason ?? 'no reason given'}`;
    case 'missing':
      return `missing: ${result.reason ?? 'not in the cache'}`;
    case 'failed':
      return `failed: ${result.reason ?? 'no reason given'}`;
    default:
      return assertNever(result.status);
  }
}

function note(reason: string | undefined): string {
  return reason === undefined ? '' : ` (${reason})`;
}

function assertNever(value: never): never {
  throw new Error(`unexpected sync status ${String(value)}`);
}
