/**
 * The outcome vocabulary of `kappy build`, shared by the scheduler, the
 * per-project runner and the CLI summary.
 */

export type Phase = 'configure' | 'build' | 'install';

/**
 * - `built`: configured, built and installed in this run.
 * - `up-to-date`: fingerprint unchanged since the last successful build.
 * - `failed`: a phase failed (or the checkout is missing); see `phase`.
 * - `blocked`: a dependency failed (`blockedBy` names the root failure).
 * - `skipped`: left out by --resume-from/--stop-after, or never started
 *   because of `--on-failure stop` or an interrupt.
 * - `pretend`: --pretend; `commands` holds what would run.
 * - `interrupted`: was running when the run was aborted.
 */
export type BuildStatus = 'built' | 'up-to-date' | 'failed' | 'blocked' | 'skipped'
  | 'pretend' | 'interrupted';

export interface BuildResult {
  project: string;
  status: BuildStatus;
  /** Where it failed. */
  phase?: Phase;
  logPath?: string;
  /** The last ~30 lines of the failing phase's log. */
  logTail?: string[];
  /** The failed project that blocked this one. */
  blockedBy?: string;
  /** For pretend: the effective command lines. */
  commands?: string[][];
  durationMs?: number;
  /** Why it failed, was skipped or rebuilt, in words. */
  message?: string;
}

export interface BuildSummary {
  runId: string;
  results: BuildResult[];
  ok: boolean;
  interrupted: boolean;
}

/** One command of a phase, with the variables it adds to the project's environment. */
export interface PhaseCommand {
  phase: Phase;
  argv: string[];
  cwd: string;
  env?: Record<string, string>;
}
