import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emptySettings, type Paths, type ProjectSettings } from '../../src/config/settings.js';
import type { BuildPlan, PlannedProject } from '../../src/graph/build-plan.js';
import type { Runner, RunOutcome, RunRequest } from '../../src/build/runner.js';

export async function makeWorkspace(prefix?: string): Promise<Paths> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kappy-build-'));
  return {
    cache: path.join(root, 'cache'),
    build: path.join(root, 'build'),
    install: prefix ?? path.join(root, 'prefix'),
    logs: path.join(root, 'logs'),
    packages: path.join(root, 'packages'),
  };
}

/** A project of the custom build system whose commands are plain `sh`. */
export function customProject(projectPath: string, dependencies: string[] = [],
  overrides: Partial<ProjectSettings> = {}): PlannedProject {
  return {
    path: projectPath,
    name: path.basename(projectPath),
    dependencies,
    externalDependencies: [],
    settings: { ...emptySettings(), buildSystem: 'custom', configureCommand: 'true',
      buildCommand: 'true', installCommand: 'true', ...overrides },
  };
}

export function planOf(projects: PlannedProject[]): BuildPlan {
  return { projects, external: [] };
}

/** Creates plain (non-git) checkouts with one file each. */
export async function writeCheckouts(paths: Paths, plan: BuildPlan): Promise<void> {
  for (const project of plan.projects) {
    const dir = path.join(paths.cache, project.path);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'README'), `${project.path}\n`);
  }
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Kappy Test',
  GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Kappy Test',
  GIT_COMMITTER_EMAIL: 'test@example.org' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Makes a checkout a git repository with everything committed. */
export function commitAll(dir: string, message = 'commit'): void {
  try {
    git(dir, 'rev-parse', '--git-dir');
  } catch {
    git(dir, 'init', '-q', '-b', 'master');
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

interface RunningBuild {
  request: RunRequest;
  finish(exitCode: number): void;
}

/**
 * A runner the test drives: configure and install succeed at once; a build
 * phase stays running until the test finishes it (or the run is aborted).
 */
export class ControlledRunner implements Runner {
  readonly requests: RunRequest[] = [];
  readonly started: string[] = [];
  readonly running = new Map<string, RunningBuild>();
  private readonly listeners: (() => void)[] = [];

  run(request: RunRequest): Promise<RunOutcome> {
    this.requests.push(request);
    if (request.phase !== 'build') return Promise.resolve({ exitCode: 0 });
    this.started.push(request.project);
    return new Promise((resolve) => {
      const finish = (exitCode: number): void => {
        this.running.delete(request.project);
        resolve(exitCode === 0 ? { exitCode } : { exitCode,
          failure: `Command failed with exit code ${exitCode}: ${request.argv.join(' ')}` });
      };
      request.signal?.addEventListener('abort', () => {
        this.running.delete(request.project);
        resolve({ exitCode: null, signal: 'SIGTERM', failure: 'Command was killed with SIGTERM' });
      }, { once: true });
      this.running.set(request.project, { request, finish });
      this.listeners.splice(0).forEach((listener) => listener());
    });
  }

  /** Resolves once exactly these projects are building. */
  async waitForRunning(...projects: string[]): Promise<void> {
    const matches = (): boolean => projects.length === this.running.size &&
      projects.every((p) => this.running.has(p));
    while (!matches()) {
      await new Promise<void>((resolve) => {
        this.listeners.push(resolve);
        setTimeout(resolve, 20);
      });
    }
  }

  finish(project: string, exitCode = 0): void {
    const build = this.running.get(project);
    if (!build) throw new Error(`${project} is not building`);
    build.finish(exitCode);
  }
}

/**
 * A runner whose builds take a fixed time each; it records what ran at the
 * same time and the `-j` shares in use.
 */
export class TimedRunner implements Runner {
  readonly events: { project: string; kind: 'start' | 'end'; jobs: number }[] = [];
  maxJobsInUse = 0;
  maxConcurrent = 0;
  private jobsInUse = 0;
  private concurrent = 0;

  constructor(private readonly durationMs: (project: string) => number,
    private readonly fail: Set<string> = new Set()) {}

  async run(request: RunRequest): Promise<RunOutcome> {
    if (request.phase !== 'build') return { exitCode: 0 };
    this.events.push({ project: request.project, kind: 'start', jobs: request.jobs });
    this.jobsInUse += request.jobs;
    this.concurrent++;
    this.maxJobsInUse = Math.max(this.maxJobsInUse, this.jobsInUse);
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    await new Promise((resolve) => setTimeout(resolve, this.durationMs(request.project)));
    this.jobsInUse -= request.jobs;
    this.concurrent--;
    this.events.push({ project: request.project, kind: 'end', jobs: request.jobs });
    return this.fail.has(request.project) ? { exitCode: 2, failure: 'Command failed with ' +
      'exit code 2' } : { exitCode: 0 };
  }

  startOrder(): string[] {
    return this.events.filter((e) => e.kind === 'start').map((e) => e.project);
  }

  indexOf(project: string, kind: 'start' | 'end'): number {
    return this.events.findIndex((e) => e.project === project && e.kind === kind);
  }
}
