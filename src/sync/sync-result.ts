/**
 * What sync did to one project, state by state:
 *
 * - `cloned`: the checkout did not exist and now does.
 * - `updated`: fetched and fast-forwarded (or moved to a new pin).
 * - `unchanged`: already up to date (or, offline, present and not checked).
 * - `skipped`: left alone because touching it could lose local work; `reason` says why.
 * - `failed`: git failed, or the project was refused before git ran; `reason` says why.
 * - `missing`: offline and not in the cache.
 * - `would-clone`, `would-update`: `--pretend` outcomes; nothing was changed.
 */
export type SyncStatus =
  | 'cloned'
  | 'updated'
  | 'unchanged'
  | 'skipped'
  | 'failed'
  | 'missing'
  | 'would-clone'
  | 'would-update';

export interface SyncResult {
  /** Project path, e.g. `frameworks/kcoreaddons`. */
  project: string;
  status: SyncStatus;
  /** HEAD after sync. */
  commit?: string;
  /** For `updated` (and `would-update` when known). */
  newCommits?: number;
  /** For skipped / failed / missing: the git error or why; a note otherwise. */
  reason?: string;
}

export interface SyncSummary {
  results: SyncResult[];
  /** False when any project failed, was skipped or is missing. */
  ok: boolean;
}

const NOT_OK: ReadonlySet<SyncStatus> = new Set(['failed', 'skipped', 'missing']);

export function isSyncOk(results: readonly SyncResult[]): boolean {
  return results.every((result) => !NOT_OK.has(result.status));
}
