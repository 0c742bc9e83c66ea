import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Paths } from '../config/settings.js';
import { KappyError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { BuildPlan, PlannedProject } from '../graph/build-plan.js';
import { installTreeOf } from '../build/build-paths.js';
import { readBuildState, stateFileOf, type ProjectState } from '../build/build-state.js';
import type { Packager } from './packager.js';
import { describeVersion } from './project-version.js';
import { loadPackager } from './registry.js';

export type PackageStatus = 'packaged' | 'skipped' | 'failed';

export interface PackageResult {
  project: string;
  status: PackageStatus;
  files?: string[];
  reason?: string;
}

export interface PackageSummary {
  results: PackageResult[];
  /**
   * False when any project failed or was skipped (not built): the user asked
   * for a package and did not get it, as `kappy sync` treats a skip.
   */
  ok: boolean;
}

export interface PackageOptions {
  distro: string;
  paths: Paths;
  /** `[packagers]` from the config: plugin name to path or npm name. */
  packagers: Record<string, string>;
  /** Directory of the config file, for relative plugin paths. */
  configDir: string;
  reporter: Reporter;
}

/**
 * Packages every project of the plan, one at a time (the compressor already
 * uses every core). A project without an install tree is skipped; a project
 * that fails does not stop the others. An unknown packager is a UsageError.
 */
export async function packageProjects(plan: BuildPlan,
  options: PackageOptions): Promise<PackageSummary> {
  const packager = await loadPackager(options.distro, options.packagers, options.configDir);
  const { state } = await readBuildState(stateFileOf(options.paths));
  const results: PackageResult[] = [];
  for (const project of plan.projects) {
    results.push(await packageProject(project, packager, state.projects[project.path],
      options));
  }
  return { results, ok: results.every((result) => result.status === 'packaged') };
}

async function packageProject(project: PlannedProject, packager: Packager,
  built: ProjectState | undefined, options: PackageOptions): Promise<PackageResult> {
  const { reporter, paths, distro } = options;
  const event = { stage: 'package' as const, project: project.path };
  const installTree = installTreeOf(paths, project.path);

  // A tree left by a failed or interrupted build may be partial: never package it.
  const unusable = built && built.status !== 'built' ? `last build ${built.status}` : undefined;
  if (unusable || !(await isDirectory(installTree))) {
    const reason = `${unusable ?? 'not built'}: run \`kappy build ${project.name}\``;
    reporter.emit({ ...event, kind: 'skip', message: reason, data: { installTree } });
    return { project: project.path, status: 'skipped', reason };
  }

  reporter.emit({ ...event, kind: 'start', message: `packaging for ${distro}` });
  try {
    const files = await packager.createPackage({
      project: { path: project.path, name: project.name, description: project.description },
      installTree,
      version: project.settings.version ?? await describeVersion(
        path.join(paths.cache, project.path), built?.commit),
      settings: project.settings.package[distro] ?? {},
      outputDir: path.join(paths.packages, distro),
      sourceDir: path.join(paths.cache, project.path),
    });
    reporter.emit({ ...event, kind: 'done', message: files.join(', '), data: { files } });
    return { project: project.path, status: 'packaged', files };
  } catch (error) {
    const reason = describeError(error);
    reporter.emit({ ...event, kind: 'fail', message: reason });
    return { project: project.path, status: 'failed', reason };
  }
}

/** Expected failures carry their own message; anything else is a packager bug. */
function describeError(error: unknown): string {
  if (error instanceof KappyError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return `packager error: ${text}`;
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isDirectory(), () => false);
}
