/**
 * Update a checkout that follows a branch: ask the remote where the branch
 * is, fetch only when that commit is new here, and fast-forward only when
 * nothing local would be lost. Anything else is skipped with the reason.
 */
import type { SimpleGit } from 'simple-git';

import type { PlannedProject } from '../graph/build-plan.js';
import {
  countCommits, listUncommitted, lsRemoteBranch, mergeBase, readHead, resolveCommit,
  type Checkout, type Head,
} from './git-queries.js';
import { describeUncommitted, plural, skipped } from './skip-reasons.js';
import { resultOf, retryPolicyFor, type SyncContext } from './sync-context.js';
import type { SyncResult } from './sync-result.js';
import { withRetries } from './with-retries.js';

export async function updateBranch(
  project: PlannedProject,
  checkout: Checkout,
  context: SyncContext,
): Promise<SyncResult> {
  const { git, dir } = checkout;
  const head = await readHead(git, dir);
  const policy = retryPolicyFor(context, project);

  // One round trip answers the common case: nothing new upstream.
  const remote = await withRetries(() => lsRemoteBranch(git, project.branch), policy);
  if (remote === undefined) {
    const what = project.branch === undefined ? 'default branch' : `branch "${project.branch}"`;
    return resultOf(project, 'failed', { reason: `${what} not found on ${project.repository}` });
  }

  const wrongBranch = describeWrongBranch(head, remote.branch);
  if (wrongBranch !== undefined) return skipped(project, head, wrongBranch);
  if (head.commit === remote.commit) return resultOf(project, 'unchanged', { commit: head.commit });

  if ((await resolveCommit(git, remote.commit)) === undefined) {
    if (context.pretend) return resultOf(project, 'would-update', { commit: head.commit });
    await withRetries(() => git.raw(['fetch', 'origin']), policy);
  }
  return fastForward(project, git, head, remote.commit, remote.branch, context);
}

async function fastForward(
  project: PlannedProject,
  git: SimpleGit,
  head: Head,
  upstream: string,
  branch: string,
  context: SyncContext,
): Promise<SyncResult> {
  const base = await mergeBase(git, head.commit, upstream);
  if (base === upstream) {
    // Upstream has nothing we lack; local commits stay as they are.
    const ahead = await countCommits(git, upstream, head.commit);
    const reason = `${plural(ahead, 'local commit')} not on origin/${branch}`;
    return resultOf(project, 'unchanged', { commit: head.commit, reason });
  }

  const behind = await countCommits(git, head.commit, upstream);
  if (base !== head.commit) {
    const ahead = await countCommits(git, upstream, head.commit);
    const reason =
      `branch "${branch}" has diverged from origin/${branch} ` +
      `(${plural(ahead, 'local commit')}, ${plural(behind, 'new upstream commit')}); ` +
      'a fast-forward would lose the local ones: merge or rebase by hand';
    return skipped(project, head, reason);
  }

  const dirty = await listUncommitted(git);
  if (dirty.length > 0) return skipped(project, head, describeUncommitted(dirty));
  if (context.pretend) {
    return resultOf(project, 'would-update', { commit: head.commit, newCommits: behind });
  }

  try {
    await git.raw(['merge', '--ff-only', upstream]);
  } catch (error) {
    // e.g. an untracked file in the way: git refused and changed nothing.
    const message = error instanceof Error ? error.message.trim() : String(error);
    return skipped(project, head, `git refused the fast-forward: ${message}`);
  }
  return resultOf(project, 'updated', { commit: upstream, newCommits: behind });
}

function describeWrongBranch(head: Head, branch: string): string | undefined {
  if (head.ref === `refs/heads/${branch}`) return undefined;
  const where =
    head.ref === undefined
      ? `HEAD is detached at ${head.commit.slice(0, 12)}`
      : `branch "${head.ref.replace(/^refs\/heads\//, '')}" is checked out`;
  return `${where}, not "${branch}"; switch to it by hand (git switch ${branch}) to follow it`;
}
