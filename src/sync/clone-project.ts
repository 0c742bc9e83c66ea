/**
 * First sync of a project: clone into a temp directory beside the target,
 * check out the branch or pin, and only then rename into place. Whatever
 * happens before the rename, the target path never holds a half checkout.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import type { PlannedProject } from '../graph/build-plan.js';
import { readHead, resolveCommit } from './git-queries.js';
import { makeCloneTempDir } from './leftover-clones.js';
import { openGit } from './open-git.js';
import { reportGitProgress } from './report-git-progress.js';
import { resultOf, retryPolicyFor, type SyncContext } from './sync-context.js';
import type { SyncResult } from './sync-result.js';
import { withRetries } from './with-retries.js';

export async function cloneProject(
  project: PlannedProject,
  url: string,
  target: string,
  context: SyncContext,
): Promise<SyncResult> {
  await mkdir(path.dirname(target), { recursive: true });
  const policy = retryPolicyFor(context, project);
  let tempDir: string | undefined;

  try {
    tempDir = await withRetries(() => cloneIntoTempDir(project, url, target, context), policy);
    const commit = await checkOutPinnedCommit(project, tempDir, context);
    await rename(tempDir, target);
    tempDir = undefined;
    return resultOf(project, 'cloned', { commit });
  } finally {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}

// A fresh temp directory per attempt: a failed clone may leave files behind.
async function cloneIntoTempDir(
  project: PlannedProject,
  url: string,
  target: string,
  context: SyncContext,
): Promise<string> {
  const tempDir = await makeCloneTempDir(target);
  const git = openGit(path.dirname(target), {
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: reportGitProgress(context.reporter, project.path),
  });

  try {
    // `--progress` is ours: simple-git would append it after `--` otherwise.
    await git.raw(['clone', '--progress', ...cloneOptions(project), '--', url, tempDir]);
    // git 2.39 exits 0 with nothing cloned when a git:// server closes at once.
    if (!existsSync(path.join(tempDir, '.git'))) {
      throw new Error('git clone created no repository: the connection closed early');
    }
    return tempDir;
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

function cloneOptions(project: PlannedProject): string[] {
  const { tag, commit } = project.settings;
  // A commit pin wins over a tag pin, which wins over the branch.
  if (commit !== undefined) return ['--no-checkout'];
  // `--branch` takes a tag too, and leaves HEAD detached at it.
  const ref = tag ?? project.branch;
  return ref === undefined ? [] : ['--branch', ref];
}

/** Checks out a pinned commit (if any) and returns HEAD. */
async function checkOutPinnedCommit(
  project: PlannedProject,
  dir: string,
  context: SyncContext,
): Promise<string> {
  const git = openGit(dir, context.signal ? { signal: context.signal } : {});
  const pin = project.settings.commit;
  if (pin === undefined) return (await readHead(git, dir)).commit;

  let commit = await resolveCommit(git, pin);
  if (commit === undefined) {
    // Not on any branch or tag: ask for it by id (works for full ids only).
    await withRetries(() => git.raw(['fetch', 'origin', pin]), retryPolicyFor(context, project))
      .catch(() => undefined);
    commit = await resolveCommit(git, pin);
  }
  if (commit === undefined) throw new Error(`commit ${pin} not found in ${project.repository}`);

  await git.raw(['checkout', '--detach', commit]);
  return commit;
}
