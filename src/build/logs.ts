import { mkdir, open, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Phase } from './build-types.js';

/** The log directory of one run: `<paths.logs>/<runId>/`. */
export interface RunLogs {
  runId: string;
  dir: string;
}

/**
 * Creates the run's log directory, named after the time it started, and
 * points `<logs>/latest` at it.
 */
export async function startRunLogs(logsDir: string, now = new Date()): Promise<RunLogs> {
  await mkdir(logsDir, { recursive: true });
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  for (let attempt = 1; ; attempt++) {
    const runId = attempt === 1 ? stamp : `${stamp}-${attempt}`;
    const dir = path.join(logsDir, runId);
    const created = await mkdir(dir).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    });
    if (!created) continue;
    await pointLatestAt(logsDir, runId);
    return { runId, dir };
  }
}

/** Replaces the `latest` link atomically: a new link, renamed over the old. */
async function pointLatestAt(logsDir: string, runId: string): Promise<void> {
  const temporary = path.join(logsDir, `.latest.${process.pid}`);
  await rm(temporary, { force: true });
  await symlink(runId, temporary);
  await rename(temporary, path.join(logsDir, 'latest'));
}

export function projectLogDir(run: RunLogs, projectPath: string): string {
  return path.join(run.dir, projectPath);
}

export function phaseLogPath(run: RunLogs, projectPath: string, phase: Phase): string {
  return path.join(projectLogDir(run, projectPath), `${phase}.log`);
}

/** `env.txt`: the exact environment of the build, one `NAME=value` a line, sorted. */
export async function writeEnvironmentFile(dir: string,
  env: Record<string, string>): Promise<void> {
  const lines = Object.keys(env).sort().map((name) => `${name}=${env[name]}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'env.txt'), lines.join('\n') + '\n');
}

/** `commands.txt`: the effective command lines, phase by phase. */
export async function writeCommandsFile(dir: string, lines: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'commands.txt'), lines.join('\n') + '\n');
}

/** The last `count` lines of a log, reading only its end. */
export async function readLogTail(file: string, count = 30): Promise<string[]> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return [];
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}
