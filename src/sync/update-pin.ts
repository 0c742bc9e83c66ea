/**
 * Update a checkout pinned to a tag or a commit: when HEAD is not there yet,
 * fetch, then check out the pin detached, provided the work tree is clean and
 * no commit is left behind that only a detached HEAD holds.
 */
import type { SimpleGit } from 'simple-git';

import type { PlannedProject } from '../graph/build-plan.js';
import {
  isHeldByRef, listUncommitted, readHead, resolveCommit, type Checkout,
} from './git-queries.js';
import { describeUncommitted, skipped } from './skip-reasons.js';
import { resultOf, retryPolicyFor, type SyncContext } from './sync-context.js';
import type { SyncResult } from './sync-result.js';
import { withRetries } from './with-retries.js';

interface Pin {
  /** For messages: `tag "v1.0"` or `commit 1234abc`. */
  label: string;
  /** What rev-parse resolves locally. */
  revision: string;
  /** What to fetch so the revision exists here. */
  fetchArgs: string[][];
}

export function describePin(project: PlannedProject): Pin | undefined {
  const { tag, commit } = project.settings;
  if (commit !== undefined) {
    // Branches and tags first; asking by id only works for full ids.
    const fetchArgs = [['origin'], ['origin', commit]];
    return { label: `commit ${commit}`, revision: commit, fetchArgs };
  }
  if (tag !== undefined) {
    const ref = `refs/tags/${tag}`;
    return { label: `tag "${tag}"`, revision: ref, fetchArgs: [['origin', `+${ref}:${ref}`]] };
  }
  return undefined;
}

export async function updatePin(
  project: PlannedProject,
  pin: Pin,
  checkout: Checkout,
  context: SyncContext,
): Promise<SyncResult> {
  const { git, dir } = checkout;
  const head = await readHead(git, dir);

  // Tags and commits do not move: already there means no network at all.
  let target = await resolveCommit(git, pin.revision);
  if (target === head.commit) return resultOf(project, 'unchanged', { commit: head.commit });
  if (context.pretend) return resultOf(project, 'would-update', { commit: head.commit });

  target = await fetchPin(project, pin, git, context);
  if (target === undefined) {
    return resultOf(project, 'failed', {
      commit: head.commit,
      reason: `${pin.label} not found on ${project.repository}`,
    });
  }
  if (target === head.commit) return resultOf(project, 'unchanged', { commit: head.commit });

  const dirty = await listUncommitted(git);
  if (dirty.length > 0) return skipped(project, head, describeUncommitted(dirty));
  if (head.ref === undefined && !(await isHeldByRef(git, head.commit))) {
    const reason =
      `detached HEAD ${head.commit.slice(0, 12)} holds commits no branch or tag holds; ` +
      'create a branch for them (git branch NAME) and sync again';
    return skipped(project, head, reason);
  }

  await git.raw(['checkout', '--detach', target]);
  return resultOf(project, 'updated', { commit: target, reason: `now at ${pin.label}` });
}

async function fetchPin(
  project: PlannedProject,
  pin: Pin,
  git: SimpleGit,
  context: SyncContext,
): Promise<string | undefined> {
  const policy = retryPolicyFor(context, project);
  let lastError: unknown;

  for (const args of pin.fetchArgs) {
    try {
      await withRetries(() => git.raw(['fetch', ...args]), policy);
    } catch (error) {
      lastError = error;
    }
    const target = await resolveCommit(git, pin.revision);
    if (target !== undefined) return target;
  }
  if (lastError !== undefined && !/couldn't find remote ref|not our ref/i.test(String(lastError))) {
    throw lastError;
  }
  return undefined;
}
