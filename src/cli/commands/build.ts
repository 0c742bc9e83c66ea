import { existsSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import type { PlannedProject } from '../../graph/build-plan.js';
import { buildProjects, lastRunProjects, type BuildSummary } from '../../build/build-projects.js';
import { checkoutPath, syncProjects, type SyncResult } from '../../sync/sync-projects.js';
import type { Workspace } from '../../plan/open-workspace.js';
import { interruptSignal } from '../interrupt-signal.js';
import { openWorkspaceFor, planFromArgs, readJobs } from '../load-plan.js';
import { printSummary } from '../print-summary.js';
import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';

/** `kappy build`: configure, build and install in dependency order, in parallel. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const jobs = readJobs(args);
  const workspace = await openWorkspaceFor(args);
  const { plan } = planFromArgs(workspace, await resumeTargets(workspace, args),
    { requireTargets: true });
  out.setTotal(plan.projects.length);
  const { config } = workspace;
  const withSync = args['sync'] === true;
  const pretend = args['pretend'] === true;
  if (!withSync && !pretend) refuseMissingCheckouts(workspace, plan.projects);

  const signal = interruptSignal(() => out.error('interrupted: stopping builds'));
  const sources = withSync ? startSync(workspace, plan.projects, out, signal) : undefined;
  const summary = await buildProjects(plan, {
    paths: config.paths,
    jobs: jobs ?? config.build.jobs,
    onFailure: args['onFailure'] === 'stop' ? 'stop' : config.build.onFailure,
    force: args['force'] === true,
    refreshBuild: args['refreshBuild'] === true,
    pretend,
    resume: args['resume'] === true,
    resumeFrom: resolveSlice(plan.projects, args['resumeFrom'], '--resume-from'),
    stopAfter: resolveSlice(plan.projects, args['stopAfter'], '--stop-after'),
    reporter: out.reporter,
    signal,
    waitForSource: sources,
  });

  printBuildSummary(out, summary, pretend);
  return summary.ok ? 0 : summary.interrupted ? 130 : 1;
}

/** `kappy build --resume` without selectors resumes the projects of the last run. */
async function resumeTargets(workspace: Workspace, args: CommandArgs): Promise<CommandArgs> {
  const named = Array.isArray(args['selectors']) && args['selectors'].length > 0;
  if (args['resume'] !== true || named || args['all'] === true) return args;
  const last = await lastRunProjects(workspace.config.paths);
  if (!last || last.length === 0) throw new UsageError('--resume: no earlier run to resume');
  return { ...args, selectors: last, includeDependencies: false };
}

function refuseMissingCheckouts(workspace: Workspace, projects: PlannedProject[]): void {
  const cache = workspace.config.paths.cache;
  const missing = projects.filter((p) => !existsSync(checkoutPath(cache, p.path)));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')} and ` +
    `${names.length - 12} more` : names.join(', ');
  const all = missing.length === projects.length;
  throw new UsageError(`${all ? 'none of the' : missing.length} selected projects ` +
    `${all ? 'is' : 'are not'} in the cache (${cache}): ${shown}\n` +
    `Run \`kappy sync\` with the same selection first, or build with --sync.`);
}

/** `--slice PROJECT` names must be in the plan; accept a name or a path. */
function resolveSlice(projects: PlannedProject[], value: unknown,
  option: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const found = projects.find((p) => p.path === value || p.name === value);
  if (!found) throw new UsageError(`${option}: "${value}" is not among the selected projects`);
  return found.path;
}

/**
 * With --sync, each project may start building as soon as its own update is
 * done: the build waits on a per-project promise the sync resolves.
 */
function startSync(workspace: Workspace, projects: PlannedProject[], out: TerminalOutput,
  signal: AbortSignal): (project: PlannedProject) => Promise<boolean> {
  const waiting = new Map<string, (ok: boolean) => void>();
  const ready = new Map(projects.map((p) => [p.path,
    new Promise<boolean>((resolve) => waiting.set(p.path, resolve))]));
  const settle = (result: SyncResult): void => {
    const usable = result.status !== 'failed' && result.status !== 'missing';
    waiting.get(result.project)?.(usable &&
      existsSync(checkoutPath(workspace.config.paths.cache, result.project)));
  };

  void syncProjects(projects, {
    cacheDir: workspace.config.paths.cache,
    jobs: workspace.config.sync.jobs,
    retries: workspace.config.sync.retries,
    reporter: out.reporter,
    signal,
    onProjectDone: settle,
  }).then((summary) => summary.results.forEach(settle),
    () => projects.forEach((p) => waiting.get(p.path)?.(false)));

  return (project) => ready.get(project.path) ?? Promise.resolve(false);
}

function printBuildSummary(out: TerminalOutput, summary: BuildSummary, pretend: boolean): void {
  if (out.json) {
    out.printJson(summary);
    return;
  }
  if (pretend) {
    for (const result of summary.results) {
      out.print(`# ${result.project}`);
      for (const command of result.commands ?? []) out.print(`  ${command.join(' ')}`);
    }
    return;
  }
  for (const failed of summary.results.filter((r) => r.status === 'failed')) {
    out.print('');
    out.print(`${failed.project} failed in ${failed.phase ?? 'setup'}; log: ` +
      `${failed.logPath ?? '(none)'}`);
    for (const line of failed.logTail ?? []) out.print(`  | ${line}`);
  }
  printSummary(out, `build summary (run ${summary.runId})`, summary.results.map((r) => ({
    project: r.project,
    status: r.status,
    detail: r.status === 'blocked' ? `by ${r.blockedBy ?? '?'}`
      : r.status === 'failed' ? `${r.phase ?? 'setup'}: ${r.logPath ?? ''}` : undefined,
  })), ['built', 'up-to-date', 'skipped', 'failed', 'blocked', 'interrupted']);
}
