import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCommand, processRunner } from '../../src/build/runner.js';

async function logFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'kappy-runner-')), 'build.log');
}

function request(argv: string[], log: string, signal?: AbortSignal) {
  return { project: 'p', phase: 'build' as const, argv, cwd: os.tmpdir(),
    env: { PATH: process.env['PATH'] ?? '' }, logFile: log, jobs: 1, signal };
}

/** Running, not a zombie waiting for a parent that does not reap it. */
async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && !/\) Z /.test(stat);
}

describe('processRunner', () => {
  it('streams stdout and stderr to the log and reports the exit code', async () => {
    const log = await logFile();
    const outcome = await processRunner().run(request(['sh', '-c',
      'echo to-out; echo to-err >&2; exit 3'], log));

    expect(outcome.exitCode).toBe(3);
    expect(outcome.failure).toBe("Command failed with exit code 3: sh -c " +
      "'echo to-out; echo to-err >&2; exit 3'");
    const text = await readFile(log, 'utf8');
    expect(text).toContain('to-out\nto-err\n');
    expect(text.split('\n')[0]).toMatch(/^\$ sh -c/);
  });

  it('says which command could not start', async () => {
    const outcome = await processRunner().run(request(['kappy-no-such-tool'], await logFile()));
    expect(outcome.exitCode).toBeNull();
    expect(outcome.failure).toMatch(/^Command failed with ENOENT: kappy-no-such-tool/);
  });

  it('kills the whole process tree on abort', async () => {
    const log = await logFile();
    const pidFile = `${log}.pid`;
    const abort = new AbortController();
    const running = processRunner({ graceMs: 200 }).run(request(['sh', '-c',
      `sleep 30 & echo $! > ${pidFile}; wait`], log, abort.signal));
    let grandchild = 0;
    while (!grandchild) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      grandchild = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    }

    abort.abort();
    const outcome = await running;
    expect(outcome.failure).toMatch(/was killed with SIGTERM/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await isAlive(grandchild)).toBe(false);
  });

  it('quotes words a shell would split', () => {
    expect(formatCommand(['cmake', '-DX=a b', "it's"])).toBe(`cmake '-DX=a b' 'it'\\''s'`);
  });
});
