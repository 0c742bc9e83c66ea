import type { ProjectSettings } from '../config/settings.js';

/** One selected project, with everything sync, build and package need. */
export interface PlannedProject {
  path: string;
  name: string;
  description?: string;
  /** The URL to clone, already chosen by protocol preference or override. */
  repository?: string;
  /** Resolved branch: override > recipe > branch group > default branch. */
  branch?: string;
  /** Direct dependencies inside the plan, by path (externals excluded). */
  dependencies: string[];
  /** Dependencies the metadata does not know (`third-party/Qt5`): never built. */
  externalDependencies: string[];
  settings: ProjectSettings;
}

/** The selected projects in build order (dependencies first). */
export interface BuildPlan {
  projects: PlannedProject[];
  /** Every external dependency the selection reaches, sorted. */
  external: string[];
}
