import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KappyError } from '../core/errors.js';

/** Another kappy build holds the build directory. */
export class BuildLockedError extends KappyError {
  readonly pid: number;

  constructor(lockFile: string, pid: number, since: string) {
    super(`another kappy build (pid ${pid}, started ${since}) is using ` +
      `${path.dirname(lockFile)}; wait for it to finish, or delete ${lockFile} if ` +
      `that process is gone`, { exitCode: 1 });
    this.pid = pid;
  }
}

export interface BuildLock {
  release(): Promise<void>;
}

/**
 * Takes `<build>/.kappy-build.lock` (created exclusively, holding the pid)
 * so two builds never share build directories. A lock whose process is gone
 * is stale and taken over.
 */
export async function acquireBuildLock(buildDir: string): Promise<BuildLock> {
  await mkdir(buildDir, { recursive: true });
  const file = path.join(buildDir, '.kappy-build.lock');
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });

  // Linking a complete file into place is atomic: nobody sees an empty lock.
  const temporary = `${file}.${process.pid}`;
  await writeFile(temporary, content);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await linkLock(temporary, file)) return { release: () => rm(file, { force: true }) };
      const holder = await readHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new BuildLockedError(file, holder.pid, holder.since);
      }
      await rm(file, { force: true });
    }
  } finally {
    await rm(temporary, { force: true });
  }
  throw new KappyError(`could not take the build lock ${file}; delete it and retry`,
    { exitCode: 1 });
}

async function linkLock(temporary: string, file: string): Promise<boolean> {
  return link(temporary, file).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return false;
    throw error;
  });
}

async function readHolder(file: string): Promise<{ pid: number; since: string } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown; since?: unknown };
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, since: String(parsed.since ?? 'at an unknown time') };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
