import type { Paths } from '../config/settings.js';
import { UsageError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { BuildPlan, PlannedProject } from '../graph/build-plan.js';
import { acquireBuildLock } from './build-lock.js';
import type { BuildRun } from './build-run.js';
import { BuildStateStore, readBuildState, stateFileOf, type LastRun } from './build-state.js';
import type { BuildResult, BuildSummary } from './build-types.js';
import { criticalPathPriorities } from './critical-path.js';
import { findOnPath } from './find-on-path.js';
import { limitConcurrency } from './limit-concurrency.js';
import { startRunLogs } from './logs.js';
import { prepareProject, type PreparedProject } from './prepare-project.js';
import { processRunner, type Runner } from './runner.js';
import { reportResult } from './report-result.js';
import { runProject } from './run-project.js';
import { runSchedule, type ScheduleTask, type TaskEnd } from './scheduler.js';
import { selectRunProjects } from './select-run-projects.js';
import { isSystemPrefix } from './system-prefix.js';
import { ToolchainProbe } from './toolchain.js';

export { buildDirOf, installTreeOf } from './build-paths.js';
export { lastRunProjects } from './build-state.js';
export { BuildLockedError } from './build-lock.js';
export type { BuildResult, BuildStatus, BuildSummary, Phase } from './build-types.js';
export type { Runner, RunRequest, RunOutcome } from './runner.js';

export interface BuildOptions {
  paths: Paths;
  /** The global CPU budget, shared as `-j` between running builds. */
  jobs: number;
  onFailure: 'continue' | 'stop';
  /** Ignore fingerprints. */
  force?: boolean;
  /** Also delete the build directories first. */
  refreshBuild?: boolean;
  /** Print the effective commands; run and write nothing. */
  pretend?: boolean;
  /** Skip what the last run finished; build what it left. */
  resume?: boolean;
  /** Project path: skip the projects before it in the plan. */
  resumeFrom?: string;
  /** Project path: start nothing after it in the plan. */
  stopAfter?: string;
  reporter: Reporter;
  /** Abort (Ctrl-C): kill running process trees, record state. */
  signal?: AbortSignal;
  /** Injectable; the default spawns real processes. */
  runner?: Runner;
  /** When given (kappy build --sync), awaited per project before it builds. */
  waitForSource?: (project: PlannedProject) => Promise<boolean>;
  /** The environment builds start from; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds the plan's projects in dependency order, independent ones at the
 * same time under one job budget, skipping those whose fingerprint did not
 * change. Build failures are results; only bad options and a build lock
 * held by another process throw.
 */
export async function buildProjects(plan: BuildPlan,
  options: BuildOptions): Promise<BuildSummary> {
  validateOptions(plan, options);
  const lock = options.pretend ? undefined : await acquireBuildLock(options.paths.build);
  try {
    return await buildLocked(plan, options);
  } finally {
    await lock?.release();
  }
}

async function buildLocked(plan: BuildPlan, options: BuildOptions): Promise<BuildSummary> {
  const run = await openRun(plan, options);
  const previousRun = options.resume ? run.store.state.lastRun : undefined;
  const selection = selectRunProjects(plan, options, previousRun);
  for (const result of selection.settled) run.results.set(result.project, result);
  if (!run.pretend) await startLastRun(run, selection.settled, previousRun);

  const prepared = new Map<string, PreparedProject>();
  // Fingerprinting spawns git; a wide plan would otherwise fork hundreds at once.
  const prepare = limitConcurrency(Math.max(4, options.jobs),
    (id: string) => prepareProject(run, projectOf(run, id)));
  const ends = await runSchedule(scheduleTasks(run, selection.projects), {
    waitFor: options.waitForSource ? (id) => waitForSource(run, projectOf(run, id)) : undefined,
    prepare: async (id) => {
      const outcome = await prepare(id);
      if (!('status' in outcome)) {
        prepared.set(id, outcome);
        return 'run';
      }
      run.results.set(id, outcome);
      reportResult(run, outcome);
      if (outcome.status === 'up-to-date') run.store.state.lastRun?.completed.push(id);
      return outcome.status === 'failed' ? 'failed' : 'done';
    },
    run: (id, jobs) => runProject(run, preparedOf(prepared, id), jobs),
  }, { jobs: options.jobs, onFailure: options.onFailure, signal: options.signal });

  return finishRun(run, ends);
}

/** With --sync, a project builds once its own sync is done; a failed sync fails it. */
async function waitForSource(run: BuildRun, project: PlannedProject): Promise<boolean> {
  const synced = await run.waitForSource?.(project) ?? true;
  if (!synced) {
    const result: BuildResult = { project: project.path, status: 'failed',
      message: `${project.path} could not be synced; see the sync messages, then run ` +
        `\`kappy sync ${project.name}\`` };
    run.results.set(project.path, result);
    reportResult(run, result);
  }
  return synced;
}

function validateOptions(plan: BuildPlan, options: BuildOptions): void {
  if (!Number.isInteger(options.jobs) || options.jobs < 1) {
    throw new UsageError(`--jobs must be a whole number of at least 1, not "${options.jobs}"`);
  }
  for (const [name, value] of [['--resume-from', options.resumeFrom],
    ['--stop-after', options.stopAfter]] as const) {
    if (value !== undefined && !plan.projects.some((p) => p.path === value)) {
      throw new UsageError(`${name}: "${value}" is not among the selected projects`);
    }
  }
}

async function openRun(plan: BuildPlan, options: BuildOptions): Promise<BuildRun> {
  const baseEnv = options.env ?? process.env;
  const { state, problem } = await readBuildState(stateFileOf(options.paths));
  if (problem) options.reporter.emit({ stage: 'build', kind: 'warn', message: problem });
  const resumedForce = options.resume === true && state.lastRun?.force === true;

  return {
    plan,
    byPath: new Map(plan.projects.map((p) => [p.path, p])),
    paths: options.paths,
    systemPrefix: await isSystemPrefix(options.paths.install),
    force: options.force === true || options.refreshBuild === true || resumedForce,
    refreshBuild: options.refreshBuild === true,
    pretend: options.pretend === true,
    ninja: findOnPath('ninja', baseEnv['PATH']) !== undefined,
    baseEnv,
    runner: options.runner ?? processRunner(),
    reporter: options.reporter,
    signal: options.signal,
    store: new BuildStateStore(stateFileOf(options.paths), state),
    logs: options.pretend ? undefined : await startRunLogs(options.paths.logs),
    toolchain: new ToolchainProbe(baseEnv),
    waitForSource: options.waitForSource,
    results: new Map(),
    fingerprints: new Map(),
  };
}

/** Records this run as the one `--resume` continues, carrying over what was finished. */
async function startLastRun(run: BuildRun, settled: BuildResult[],
  previous: LastRun | undefined): Promise<void> {
  const carried = settled.filter((r) => r.status === 'up-to-date').map((r) => r.project);
  await run.store.update((state) => {
    state.lastRun = {
      runId: run.logs?.runId ?? '',
      startedAt: new Date().toISOString(),
      force: run.force,
      projects: run.plan.projects.map((p) => p.path),
      completed: previous ? carried : [],
      interrupted: false,
    };
  });
}

/** Longest remaining chain first, weighted by how long each build took last time. */
function scheduleTasks(run: BuildRun, projects: PlannedProject[]): ScheduleTask[] {
  const priorities = criticalPathPriorities(projects.map((p) => ({ id: p.path,
    dependencies: p.dependencies, weight: run.store.state.projects[p.path]?.durationMs })));
  return projects.map((p) => ({ id: p.path, dependencies: p.dependencies,
    maxJobs: p.settings.jobs, priority: priorities.get(p.path) ?? 0 }));
}

function projectOf(run: BuildRun, id: string): PlannedProject {
  const project = run.byPath.get(id);
  if (!project) throw new Error(`scheduled project ${id} is not in the plan`);
  return project;
}

function preparedOf(prepared: Map<string, PreparedProject>, id: string): PreparedProject {
  const project = prepared.get(id);
  if (!project) throw new Error(`project ${id} runs before it was prepared`);
  return project;
}

async function finishRun(run: BuildRun, ends: Map<string, TaskEnd>): Promise<BuildSummary> {
  const interrupted = run.signal?.aborted === true;
  for (const [id, end] of ends) {
    if (run.results.has(id)) continue;
    const result = resultOfEnd(id, end, interrupted);
    run.results.set(id, result);
    reportResult(run, result);
  }
  if (!run.pretend) {
    await run.store.update((state) => {
      if (state.lastRun) state.lastRun.interrupted = interrupted;
    });
    await run.store.flush();
  }

  const results = run.plan.projects.map((p) => run.results.get(p.path))
    .filter((r): r is BuildResult => r !== undefined);
  const ok = !interrupted &&
    results.every((r) => !['failed', 'blocked', 'interrupted'].includes(r.status));
  return { runId: run.logs?.runId ?? 'pretend', results, ok, interrupted };
}

function resultOfEnd(id: string, end: TaskEnd, interrupted: boolean): BuildResult {
  switch (end.state) {
    case 'blocked':
      return { project: id, status: 'blocked', blockedBy: end.by,
        message: `not built: it depends on ${end.by}, which failed` };
    case 'not-started':
      return { project: id, status: 'skipped', message: interrupted
        ? 'not started: the build was interrupted' : 'not started: an earlier project failed ' +
          'and --on-failure is stop' };
    case 'interrupted':
      return { project: id, status: 'interrupted' };
    case 'failed':
      return { project: id, status: 'failed' };
    case 'succeeded':
    case 'done':
      return { project: id, status: 'built' };
  }
}
