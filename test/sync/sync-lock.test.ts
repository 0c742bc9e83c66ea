import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryReporter } from '../../src/core/reporter.js';
import type { PlannedProject } from '../../src/graph/build-plan.js';
import { SyncLockError, syncProjects, type SyncOptions } from '../../src/sync/sync-projects.js';
import { Sandbox, deadPid, planned } from './git-fixtures.js';

let box: Sandbox;
let projects: PlannedProject[];
const lockFile = () => path.join(box.cache, '.kappy-sync.lock');

beforeEach(async () => {
  box = await Sandbox.create();
  const names = ['kcoreaddons', 'ki18n', 'kconfig'];
  projects = await Promise.all(
    names.map(async (name) => planned(`frameworks/${name}`, (await box.remote(name)).url)),
  );
});

afterEach(async () => {
  await box.dispose();
});

function sync(options: Partial<SyncOptions> = {}) {
  return syncProjects(projects, {
    cacheDir: box.cache, jobs: 2, reporter: new MemoryReporter(), ...options,
  });
}

/** A process that is alive until killed, to hold a lock "from elsewhere". */
function startSleeper() {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  return { pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

describe('cache lock', () => {
  it('fails the second of two syncs at once, naming the holder pid', async () => {
    const outcomes = await Promise.allSettled([sync(), sync()]);

    const rejected = outcomes.filter((o) => o.status === 'rejected');
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const error = (rejected[0] as PromiseRejectedResult).reason as SyncLockError;
    expect(error).toBeInstanceOf(SyncLockError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain(lockFile());
    expect(existsSync(lockFile())).toBe(false);
  });

  it('lets the second sync wait for the first when asked', async () => {
    const [first, second] = await Promise.all([
      sync({ lockWait: 'wait' }),
      sync({ lockWait: 'wait' }),
    ]);

    const statuses = [first, second].map((s) => s.results.map((r) => r.status).join(','));
    // One cloned everything; the other ran after it and found it done.
    expect(statuses.sort()).toEqual(['cloned,cloned,cloned', 'unchanged,unchanged,unchanged']);
  });

  it('refuses while another live process holds the lock', async () => {
    const sleeper = startSleeper();
    try {
      await mkdir(box.cache, { recursive: true });
      await writeFile(lockFile(), `${sleeper.pid}\n`);

      await expect(sync()).rejects.toThrow(`kappy sync (pid ${sleeper.pid})`);
      expect(existsSync(lockFile())).toBe(true);
    } finally {
      sleeper.stop();
    }
  });

  it('takes over a lock left by a dead process', async () => {
    await mkdir(box.cache, { recursive: true });
    await writeFile(lockFile(), `${await deadPid()}\n`);

    const summary = await sync();

    expect(summary.ok).toBe(true);
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes no lock for --pretend or --offline', async () => {
    await sync();
    const sleeper = startSleeper();
    try {
      await writeFile(lockFile(), `${sleeper.pid}\n`);
      expect((await sync({ offline: true })).ok).toBe(true);
      expect((await sync({ pretend: true })).ok).toBe(true);
    } finally {
      sleeper.stop();
    }
  });
});
