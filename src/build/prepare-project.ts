import { readdir } from 'node:fs/promises';
import type { BuildSystemName } from '../config/settings.js';
import type { PlannedProject } from '../graph/build-plan.js';
import { buildDirOf, installTreeOf, sourceDirOf } from './build-paths.js';
import type { BuildRun } from './build-run.js';
import type { ProjectState } from './build-state.js';
import type { BuildResult } from './build-types.js';
import { changedInputs, type Fingerprint } from './fingerprint.js';
import { collectFingerprint } from './project-fingerprint.js';
import { detectBuildSystem } from './systems/detect-build-system.js';

/** A project that has to be built, with what was learned deciding so. */
export interface PreparedProject {
  project: PlannedProject;
  sourceDir: string;
  buildDir: string;
  installTree: string;
  system: BuildSystemName;
  sourceFiles: string[];
  fingerprint: Fingerprint;
  commit: string;
}

/**
 * Decides whether a project needs building, once its dependencies are done:
 * its checkout must be there, its build system known, and its fingerprint
 * different from the last successful build (or --force). Returns the result
 * when there is nothing to run.
 */
export async function prepareProject(run: BuildRun,
  project: PlannedProject): Promise<PreparedProject | BuildResult> {
  const sourceDir = sourceDirOf(run.paths, project.path);
  const sourceFiles = await readdir(sourceDir).catch(() => undefined);
  if (!sourceFiles) {
    return failure(project, `${project.path} is not in the cache (${sourceDir}): ` +
      `run \`kappy sync ${project.name}\``);
  }

  const system = project.settings.buildSystem ?? detectBuildSystem(sourceFiles);
  if (!system) {
    return failure(project, `cannot tell the build system of ${project.path}: ${sourceDir} ` +
      'has no CMakeLists.txt, meson.build, configure, configure.ac, autogen.sh or *.pro; ' +
      'set `build-system` for it in the recipe');
  }

  const { fingerprint, commit } = await collectFingerprint(run, project, system, sourceDir,
    sourceFiles);
  run.fingerprints.set(project.path, fingerprint.hash);
  const previous = run.store.state.projects[project.path];
  if (!run.force && previous?.status === 'built' && previous.fingerprint === fingerprint.hash) {
    return { project: project.path, status: 'up-to-date', message: 'up to date' };
  }

  const reason = rebuildReason(run, previous, fingerprint);
  run.reporter.emit({ stage: 'build', kind: 'info', project: project.path,
    message: reason, data: { reason } });
  return { project, sourceDir, buildDir: buildDirOf(run.paths, project.path),
    installTree: installTreeOf(run.paths, project.path), system, sourceFiles, fingerprint,
    commit };
}

function rebuildReason(run: BuildRun, previous: ProjectState | undefined,
  fingerprint: Fingerprint): string {
  if (run.refreshBuild) return 'building from scratch (--refresh-build)';
  if (run.force) return 'building (--force)';
  if (!previous) return 'building for the first time';
  if (previous.status !== 'built') return `building again (last build ${previous.status})`;
  const changed = changedInputs(previous.inputs, fingerprint);
  return `building: ${changed.join(', ')} changed`;
}

function failure(project: PlannedProject, message: string): BuildResult {
  return { project: project.path, status: 'failed', message };
}
