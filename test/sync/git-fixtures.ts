/**
 * Throwaway git remotes for sync tests: a bare repository per project, fed
 * through a scratch work tree, reachable as a file:// URL.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { emptySettings, type ProjectSettings } from '../../src/config/settings.js';
import type { PlannedProject } from '../../src/graph/build-plan.js';

export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Kappy Test',
  GIT_AUTHOR_EMAIL: 'test@kappy.invalid',
  GIT_COMMITTER_NAME: 'Kappy Test',
  GIT_COMMITTER_EMAIL: 'test@kappy.invalid',
};

/** Runs git synchronously with a fixed identity; returns trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_IDENTITY },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface Remote {
  name: string;
  bare: string;
  url: string;
  /** Scratch clone used to push new commits. */
  work: string;
}

export class Sandbox {
  private constructor(readonly root: string) {}

  static async create(): Promise<Sandbox> {
    return new Sandbox(await mkdtemp(path.join(os.tmpdir(), 'kappy-sync-')));
  }

  get cache(): string {
    return path.join(this.root, 'cache');
  }

  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  /** A bare repo on branch `master` with one commit adding README. */
  async remote(name: string): Promise<Remote> {
    const bare = path.join(this.root, 'remotes', `${name}.git`);
    const work = path.join(this.root, 'work', name);
    await mkdir(bare, { recursive: true });
    await mkdir(work, { recursive: true });
    git(bare, 'init', '--bare', '-q', '-b', 'master');
    git(work, 'init', '-q', '-b', 'master');
    git(work, 'remote', 'add', 'origin', bare);
    const remote = { name, bare, work, url: pathToFileURL(bare).href };
    await commit(remote, 'README', `${name}\n`, 'initial');
    return remote;
  }
}

/** Commits one file change in the scratch tree and pushes the branch. */
export async function commit(
  remote: Remote,
  file: string,
  content: string,
  message: string,
  branch = 'master',
): Promise<string> {
  await writeFile(path.join(remote.work, file), content);
  git(remote.work, 'add', file);
  git(remote.work, 'commit', '-q', '-m', message);
  git(remote.work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
  return git(remote.work, 'rev-parse', 'HEAD');
}

type Overrides = Partial<Omit<PlannedProject, 'settings'>> & {
  settings?: Partial<ProjectSettings>;
};

export function planned(
  projectPath: string,
  repository: string | undefined,
  overrides: Overrides = {},
): PlannedProject {
  const name = projectPath.split('/').pop() ?? projectPath;
  const { settings, ...rest } = overrides;
  return {
    path: projectPath,
    name,
    dependencies: [],
    externalDependencies: [],
    ...(repository === undefined ? {} : { repository }),
    ...rest,
    settings: { ...emptySettings(), ...settings },
  };
}

/** What a user would notice about a checkout: files, status, HEAD, branch. */
export async function snapshot(dir: string, files: string[]): Promise<Record<string, string>> {
  const state: Record<string, string> = {
    status: git(dir, 'status', '--porcelain'),
    head: git(dir, 'rev-parse', 'HEAD'),
    branch: git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'),
  };
  for (const file of files) state[file] = await readFile(path.join(dir, file), 'latin1');
  return state;
}

/** The pid of a process that has exited, as a killed kappy's lock would hold. */
export async function deadPid(): Promise<number> {
  const child = spawn('true', [], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}
