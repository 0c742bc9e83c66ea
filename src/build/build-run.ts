import type { Paths } from '../config/settings.js';
import type { Reporter } from '../core/reporter.js';
import type { BuildPlan, PlannedProject } from '../graph/build-plan.js';
import type { BuildStateStore } from './build-state.js';
import type { BuildResult } from './build-types.js';
import type { RunLogs } from './logs.js';
import type { Runner } from './runner.js';
import type { ToolchainProbe } from './toolchain.js';

/** What every step of one `kappy build` run shares. */
export interface BuildRun {
  plan: BuildPlan;
  byPath: Map<string, PlannedProject>;
  paths: Paths;
  /** Prefix install skipped; dependents use the staged trees. */
  systemPrefix: boolean;
  force: boolean;
  refreshBuild: boolean;
  pretend: boolean;
  /** `ninja` is on PATH. */
  ninja: boolean;
  /** The environment kappy started with. */
  baseEnv: Readonly<Record<string, string | undefined>>;
  runner: Runner;
  reporter: Reporter;
  signal?: AbortSignal;
  store: BuildStateStore;
  /** Undefined for --pretend, which writes nothing. */
  logs?: RunLogs;
  toolchain: ToolchainProbe;
  waitForSource?: (project: PlannedProject) => Promise<boolean>;
  /** Results so far, by project path. */
  results: Map<string, BuildResult>;
  /** The fingerprint each project is built (or will be) with, by path. */
  fingerprints: Map<string, string>;
}

/** The plan's projects a project depends on, directly or not, nearest first. */
export function transitiveDependencies(run: BuildRun, project: PlannedProject): string[] {
  const seen = new Set<string>();
  const queue = [...project.dependencies];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next) || !run.byPath.has(next)) continue;
    seen.add(next);
    queue.push(...(run.byPath.get(next)?.dependencies ?? []));
  }
  return [...seen];
}
