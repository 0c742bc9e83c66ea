/**
 * One project, from refusal checks to a result. Never throws: every failure
 * becomes a `failed` result so the other projects go on.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';

import type { PlannedProject } from '../graph/build-plan.js';
import { checkoutPath } from './checkout-path.js';
import { cloneProject } from './clone-project.js';
import { findRefusal } from './find-refusal.js';
import { readHead } from './git-queries.js';
import { describeGitError, openGit } from './open-git.js';
import { describeOriginDrift } from './origin-drift.js';
import { reportGitProgress } from './report-git-progress.js';
import { reportResult } from './report-result.js';
import { resultOf, type SyncContext } from './sync-context.js';
import type { SyncResult } from './sync-result.js';
import { updateBranch } from './update-branch.js';
import { describePin, updatePin } from './update-pin.js';

type CheckoutState = 'absent' | 'checkout' | 'not-a-checkout';

export async function syncOneProject(
  project: PlannedProject,
  context: SyncContext,
): Promise<SyncResult> {
  const result = await decideAndRun(project, context).catch((error: unknown) =>
    resultOf(project, 'failed', { reason: describeFailure(error, context) }),
  );
  reportResult(context.reporter, result);
  return result;
}

async function decideAndRun(project: PlannedProject, context: SyncContext): Promise<SyncResult> {
  // Checked before any git process exists for this project.
  const refusal = findRefusal(project);
  if (refusal !== undefined) return resultOf(project, 'failed', { reason: `refused: ${refusal}` });
  const url = project.repository;
  if (url === undefined) {
    return resultOf(project, 'failed', { reason: 'no repository URL for this project' });
  }
  if (context.signal?.aborted) {
    return resultOf(project, 'failed', { reason: 'interrupted before it started' });
  }

  const target = checkoutPath(context.cacheDir, project.path);
  const state = await inspectTarget(target);
  if (state === 'not-a-checkout') {
    const reason = `${target} exists but is not a git checkout; move it away and sync again`;
    return resultOf(project, 'failed', { reason });
  }
  if (state === 'absent') return syncAbsent(project, url, target, context);
  return syncExisting(project, target, context);
}

async function syncAbsent(
  project: PlannedProject,
  url: string,
  target: string,
  context: SyncContext,
): Promise<SyncResult> {
  if (context.offline) {
    const reason = `not in the cache (${target}); run kappy sync without --offline`;
    return resultOf(project, 'missing', { reason });
  }
  if (context.pretend) return resultOf(project, 'would-clone', { reason: `from ${url}` });

  emitStart(context, project, `cloning ${url}`);
  return cloneProject(project, url, target, context);
}

async function syncExisting(
  project: PlannedProject,
  target: string,
  context: SyncContext,
): Promise<SyncResult> {
  const git = openGit(target, {
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: reportGitProgress(context.reporter, project.path),
  });
  if (context.offline) {
    const head = await readHead(git, target);
    return resultOf(project, 'unchanged', { commit: head.commit, reason: 'offline: not checked' });
  }

  await warnOnOriginDrift(project, git, context);
  const pin = describePin(project);
  const what = pin ? `checking ${pin.label}` : `updating from ${project.repository}`;
  emitStart(context, project, what);
  return pin
    ? updatePin(project, pin, { git, dir: target }, context)
    : updateBranch(project, { git, dir: target }, context);
}

async function warnOnOriginDrift(project: PlannedProject, git: SimpleGit,
  context: SyncContext): Promise<void> {
  if (project.repository === undefined) return;
  const origin = await git.raw(['remote', 'get-url', 'origin'])
    .then((url) => url.trim(), () => undefined);
  const drift = origin && describeOriginDrift(origin, project.repository);
  if (drift) context.reporter.emit({ stage: 'sync', kind: 'warn', project: project.path,
    message: drift, data: { origin, repository: project.repository } });
}

async function inspectTarget(target: string): Promise<CheckoutState> {
  try {
    await stat(target);
  } catch {
    return 'absent';
  }
  try {
    await stat(path.join(target, '.git'));
    return 'checkout';
  } catch {
    return 'not-a-checkout';
  }
}

function emitStart(context: SyncContext, project: PlannedProject, message: string): void {
  context.reporter.emit({ stage: 'sync', kind: 'start', project: project.path, message });
}

function describeFailure(error: unknown, context: SyncContext): string {
  if (context.signal?.aborted) return 'interrupted';
  return describeGitError(error);
}
