import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryReporter } from '../../src/core/reporter.js';
import type { PlannedProject } from '../../src/graph/build-plan.js';
import { checkoutPath, syncProjects } from '../../src/sync/sync-projects.js';
import { Sandbox, commit, deadPid, git, planned, type Remote } from './git-fixtures.js';

let box: Sandbox;
let remote: Remote;
let project: PlannedProject;
let checkout: string;

beforeEach(async () => {
  box = await Sandbox.create();
  remote = await box.remote('kdeclarative');
  project = planned('frameworks/kdeclarative', remote.url, { branch: 'master' });
  checkout = checkoutPath(box.cache, project.path);
});

afterEach(async () => {
  await box.dispose();
});

/**
 * What a kappy killed mid-clone leaves: its temp dir beside the target with
 * a partial repository (objects fetched, nothing checked out), and its lock.
 */
async function leaveKilledClone(holderPid: number): Promise<string> {
  const temp = path.join(path.dirname(checkout), '.kdeclarative.kappy-tmp-AbC123');
  await mkdir(path.dirname(temp), { recursive: true });
  git(path.dirname(temp), 'clone', '-q', '--no-checkout', remote.url, temp);
  await writeFile(path.join(temp, '.git', 'HEAD'), 'garbage');
  await writeFile(path.join(box.cache, '.kappy-sync.lock'), `${holderPid}\n`);
  return temp;
}

describe('an interrupted clone', () => {
  it('never leaves a half checkout at the target, and the next sync heals', async () => {
    const temp = await leaveKilledClone(await deadPid());
    expect(existsSync(checkout)).toBe(false);

    const reporter = new MemoryReporter();
    const summary = await syncProjects([project], { cacheDir: box.cache, jobs: 1, reporter });

    expect(summary.results[0]).toMatchObject({ status: 'cloned' });
    expect(existsSync(temp)).toBe(false);
    expect(await readdir(path.dirname(checkout))).toEqual(['kdeclarative']);
    expect(git(checkout, 'status', '--porcelain')).toBe('');
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(git(remote.bare, 'rev-parse', 'master'));
    expect(reporter.events.map((e) => e.message)).toContain(
      `removed ${temp}, left by an interrupted clone`,
    );
  });

  it('removes a leftover beside an existing checkout too', async () => {
    await syncProjects([project], { cacheDir: box.cache, jobs: 1, reporter: new MemoryReporter() });
    const temp = await leaveKilledClone(await deadPid());
    await commit(remote, 'new.txt', 'new\n', 'upstream');

    const summary = await syncProjects([project], {
      cacheDir: box.cache, jobs: 1, reporter: new MemoryReporter(),
    });

    expect(summary.results[0]).toMatchObject({ status: 'updated', newCommits: 1 });
    expect(existsSync(temp)).toBe(false);
  });

  it('cleans up after itself when aborted mid-clone', async () => {
    const controller = new AbortController();
    const reporter = {
      emit: (event: { kind: string }) => {
        if (event.kind === 'start') controller.abort();
      },
    };

    const summary = await syncProjects([project], {
      cacheDir: box.cache, jobs: 1, reporter, signal: controller.signal,
    });

    expect(summary.results[0]).toMatchObject({ status: 'failed', reason: 'interrupted' });
    expect(existsSync(checkout)).toBe(false);
    expect(await readdir(path.dirname(checkout))).toEqual([]);
  });
});
