import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { findInstallRoot, buildEnvironment, type InstallRoot } from './build-environment.js';
import { stagedPrefixOf } from './build-paths.js';
import { transitiveDependencies, type BuildRun } from './build-run.js';
import type { BuildResult, PhaseCommand } from './build-types.js';
import { phaseLogPath, projectLogDir, readLogTail, writeCommandsFile,
  writeEnvironmentFile, type RunLogs } from './logs.js';
import type { PreparedProject } from './prepare-project.js';
import { formatCommand, type RunOutcome } from './runner.js';
import type { TaskOutcome } from './scheduler.js';
import { writeStagedPkgConfig } from './staged-pkgconfig.js';
import { shellWords } from './systems/build-system-input.js';
import { commandsFor } from './systems/commands-for.js';
import { reportResult } from './report-result.js';

const DISTRIBUTED_LAUNCHERS = new Set(['icecc', 'distcc']);

/** What a project's build runs: its commands and their common environment. */
interface ProjectBuild {
  commands: PhaseCommand[];
  env: Record<string, string>;
}

/**
 * Configures, builds and installs one project with `jobs` from the budget:
 * staged into its install tree (wiped first) and, for a user prefix, into
 * the prefix. Records the outcome in the results and the state.
 */
export async function runProject(run: BuildRun, prepared: PreparedProject,
  jobs: number): Promise<TaskOutcome> {
  const started = Date.now();
  // Before planning: the plan writes the staged pkg-config files in there.
  if (run.refreshBuild && !run.pretend) {
    await rm(prepared.buildDir, { recursive: true, force: true });
  }
  const build = await planBuild(run, prepared, jobs);
  if (run.pretend || !run.logs) {
    run.results.set(prepared.project.path, { project: prepared.project.path,
      status: 'pretend', commands: shellWords(build.commands) });
    return 'succeeded';
  }

  run.reporter.emit({ stage: 'build', kind: 'start', project: prepared.project.path,
    message: `building (-j${jobs})`, data: { jobs } });
  const result: BuildResult = await executeBuild(run, run.logs, prepared, build, jobs)
    .catch((error: unknown) => ({ project: prepared.project.path, status: 'failed',
      message: (error as Error).message }));
  result.durationMs = Date.now() - started;
  recordResult(run, prepared, result);
  return result.status === 'built' ? 'succeeded'
    : result.status === 'interrupted' ? 'interrupted' : 'failed';
}

async function planBuild(run: BuildRun, prepared: PreparedProject,
  jobs: number): Promise<ProjectBuild> {
  const { project, buildDir, system } = prepared;
  const roots = await dependencyRoots(run, prepared);
  const pkgConfigDirs = run.systemPrefix && !run.pretend
    ? await writeStagedPkgConfig(path.join(buildDir, '.kappy-pkgconfig'), run.paths.install,
      roots)
    : undefined;

  const commands = commandsFor(system, {
    sourceDir: prepared.sourceDir,
    buildDir,
    prefix: run.paths.install,
    installTree: prepared.installTree,
    installToPrefix: !run.systemPrefix,
    jobs: effectiveJobs(project.settings, jobs),
    settings: project.settings,
    sourceFiles: prepared.sourceFiles,
    configured: !run.refreshBuild && isConfigured(system, buildDir),
    ninja: run.ninja,
  });
  const env = buildEnvironment({ base: run.baseEnv, roots, pkgConfigDirs, system,
    settings: project.settings });
  return { commands, env };
}

/** The prefix, or with a system prefix the staged trees of every dependency. */
async function dependencyRoots(run: BuildRun, prepared: PreparedProject): Promise<InstallRoot[]> {
  if (!run.systemPrefix) return [await findInstallRoot(run.paths.install)];
  const deps = transitiveDependencies(run, prepared.project);
  return Promise.all(deps.map((dep) => findInstallRoot(stagedPrefixOf(run.paths, dep))));
}

/** A distributed compiler runs most jobs elsewhere, so the local share can grow. */
function effectiveJobs(settings: PreparedProject['project']['settings'], jobs: number): number {
  const capped = settings.jobs ? Math.min(jobs, settings.jobs) : jobs;
  const launcher = settings.compilerLauncher;
  if (launcher && DISTRIBUTED_LAUNCHERS.has(launcher) && settings.distributedJobs) {
    return Math.max(capped, settings.distributedJobs);
  }
  return capped;
}

function isConfigured(system: PreparedProject['system'], buildDir: string): boolean {
  if (system === 'cmake') return existsSync(path.join(buildDir, 'CMakeCache.txt'));
  if (system === 'meson') return existsSync(path.join(buildDir, 'meson-private'));
  return false;
}

async function executeBuild(run: BuildRun, logs: RunLogs, prepared: PreparedProject,
  build: ProjectBuild, jobs: number): Promise<BuildResult> {
  const projectPath = prepared.project.path;
  await mkdir(prepared.buildDir, { recursive: true });

  const logDir = projectLogDir(logs, projectPath);
  await Promise.all([writeEnvironmentFile(logDir, build.env),
    writeCommandsFile(logDir, build.commands.map((c) => `${c.phase}: ` +
      formatCommand(shellWords([c])[0] ?? [])))]);

  let staged = false;
  for (const command of build.commands) {
    if (command.phase === 'install' && !staged) {
      // The install tree holds exactly this build's files.
      await rm(prepared.installTree, { recursive: true, force: true });
      await mkdir(prepared.installTree, { recursive: true });
      staged = true;
    }
    const logFile = phaseLogPath(logs, projectPath, command.phase);
    run.reporter.emit({ stage: 'build', kind: 'progress', project: projectPath,
      message: `${command.phase} (-j${jobs})`, data: { phase: command.phase } });
    const outcome = await run.runner.run({ project: projectPath, phase: command.phase,
      argv: command.argv, cwd: command.cwd, env: { ...build.env, ...command.env },
      logFile, jobs, signal: run.signal });
    if (outcome.exitCode !== 0) return failedResult(run, projectPath, command, logFile, outcome);
  }
  return { project: projectPath, status: 'built' };
}

async function failedResult(run: BuildRun, projectPath: string, command: PhaseCommand,
  logFile: string, outcome: RunOutcome): Promise<BuildResult> {
  const interrupted = run.signal?.aborted === true;
  return {
    project: projectPath,
    status: interrupted ? 'interrupted' : 'failed',
    phase: command.phase,
    logPath: logFile,
    logTail: interrupted ? undefined : await readLogTail(logFile, 30),
    message: outcome.failure ?? `Command failed: ${formatCommand(command.argv)}`,
  };
}

function recordResult(run: BuildRun, prepared: PreparedProject, result: BuildResult): void {
  const projectPath = prepared.project.path;
  run.results.set(projectPath, result);
  const status = result.status === 'built' ? 'built'
    : result.status === 'interrupted' ? 'interrupted' : 'failed';
  // Queued, not awaited: dependents need not wait for the disk. A failed
  // write shows at the run's last write, which is awaited.
  run.store.update((state) => {
    state.projects[projectPath] = { fingerprint: prepared.fingerprint.hash,
      inputs: prepared.fingerprint.inputs, status, commit: prepared.commit,
      finishedAt: new Date().toISOString(), durationMs: result.durationMs };
    if (status === 'built') state.lastRun?.completed.push(projectPath);
  }).catch(() => undefined);
  reportResult(run, result);
}
