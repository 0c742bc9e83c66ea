import type { BuildPlan, PlannedProject } from '../graph/build-plan.js';
import type { LastRun } from './build-state.js';
import type { BuildResult } from './build-types.js';

export interface RunSelection {
  /** The projects this run schedules, in plan order. */
  projects: PlannedProject[];
  /** Results for the ones it leaves out, and why. */
  settled: BuildResult[];
}

export interface SliceOptions {
  resumeFrom?: string;
  stopAfter?: string;
}

/**
 * Slices the plan: --resume-from and --stop-after cut its order, and a
 * resumed run leaves out what the run it resumes finished.
 */
export function selectRunProjects(plan: BuildPlan, options: SliceOptions,
  resumed: LastRun | undefined): RunSelection {
  const paths = plan.projects.map((p) => p.path);
  const first = options.resumeFrom ? paths.indexOf(options.resumeFrom) : 0;
  const last = options.stopAfter ? paths.indexOf(options.stopAfter) : paths.length - 1;
  const finished = new Set(resumed?.completed ?? []);

  const selection: RunSelection = { projects: [], settled: [] };
  plan.projects.forEach((project, index) => {
    const skip = (message: string): number => selection.settled.push({
      project: project.path, status: 'skipped', message });
    if (index < first) skip(`before --resume-from ${options.resumeFrom}`);
    else if (index > last) skip(`after --stop-after ${options.stopAfter}`);
    else if (finished.has(project.path)) {
      selection.settled.push({ project: project.path, status: 'up-to-date',
        message: `finished in run ${resumed?.runId}, which this one resumes` });
    } else selection.projects.push(project);
  });
  return selection;
}
