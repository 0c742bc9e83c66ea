import type { PlannedProject } from '../graph/build-plan.js';
import type { Head } from './git-queries.js';
import { resultOf } from './sync-context.js';
import type { SyncResult } from './sync-result.js';

export function skipped(project: PlannedProject, head: Head, reason: string): SyncResult {
  return resultOf(project, 'skipped', { commit: head.commit, reason });
}

/** Names up to five changed files, as `git status --porcelain` shows them. */
export function describeUncommitted(statusLines: readonly string[]): string {
  const files = statusLines.slice(0, 5).map((line) => line.slice(3)).join(', ');
  const more = statusLines.length > 5 ? `, and ${statusLines.length - 5} more` : '';
  return (
    `uncommitted changes (${files}${more}); ` +
    'commit or stash them yourself, then sync again'
  );
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
