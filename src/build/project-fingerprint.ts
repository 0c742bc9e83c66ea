import type { BuildSystemName } from '../config/settings.js';
import type { PlannedProject } from '../graph/build-plan.js';
import { flagVariables } from './build-environment.js';
import { buildDirOf, installTreeOf } from './build-paths.js';
import type { BuildRun } from './build-run.js';
import { fingerprintOf, type Fingerprint } from './fingerprint.js';
import { readSourceState } from './source-state.js';
import { commandsFor } from './systems/commands-for.js';
import { shellWords } from './systems/build-system-input.js';

/**
 * Inherited variables that change what a compiler produces. The search
 * paths kappy sets itself are left out: they follow from the prefix (in the
 * commands) and from the dependencies (their fingerprints).
 */
const COMPILER_VARIABLES = ['CC', 'CXX', 'CPP', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS',
  'PKG_CONFIG_PATH', 'CMAKE_PREFIX_PATH', 'QTDIR'];

export interface ProjectFingerprint {
  fingerprint: Fingerprint;
  commit: string;
}

/** Gathers the inputs listed in FINGERPRINT_INPUTS for one project. */
export async function collectFingerprint(run: BuildRun, project: PlannedProject,
  system: BuildSystemName, sourceDir: string,
  sourceFiles: readonly string[]): Promise<ProjectFingerprint> {
  const [source, toolchain] = await Promise.all([readSourceState(sourceDir),
    run.toolchain.describe(system, project.settings.env)]);

  const fingerprint = fingerprintOf({
    'source-commit': source.commit,
    'local-changes': source.localChanges,
    'build-system': system,
    'commands': canonicalCommands(run, project, system, sourceDir, sourceFiles),
    'environment': environmentText(run, project, system),
    'toolchain': toolchain,
    'dependencies': dependencyText(run, project),
  });
  return { fingerprint, commit: source.commit };
}

/**
 * The command lines of a first build with one job: `-j` and whether the
 * build directory already exists do not change the result.
 */
function canonicalCommands(run: BuildRun, project: PlannedProject, system: BuildSystemName,
  sourceDir: string, sourceFiles: readonly string[]): string {
  const commands = commandsFor(system, {
    sourceDir,
    buildDir: buildDirOf(run.paths, project.path),
    prefix: run.paths.install,
    installTree: installTreeOf(run.paths, project.path),
    installToPrefix: !run.systemPrefix,
    jobs: 1,
    settings: project.settings,
    sourceFiles,
    configured: false,
    ninja: run.ninja,
  });
  return shellWords(commands).map((words) => words.join('\0')).join('\n');
}

function environmentText(run: BuildRun, project: PlannedProject,
  system: BuildSystemName): string {
  const inherited = COMPILER_VARIABLES.map((name) => `${name}=${run.baseEnv[name] ?? ''}`);
  const own = { ...flagVariables({ base: run.baseEnv, settings: project.settings, system }),
    ...project.settings.env };
  const set = Object.keys(own).sort().map((name) => `${name}=${own[name]}`);
  return [...inherited, '--', ...set].join('\n');
}

/** A dependency left out of this run counts with the fingerprint it was last built with. */
function dependencyText(run: BuildRun, project: PlannedProject): string {
  return [...project.dependencies].sort().map((dep) => {
    const fingerprint = run.fingerprints.get(dep) ??
      run.store.state.projects[dep]?.fingerprint ?? 'unknown';
    return `${dep}=${fingerprint}`;
  }).join('\n');
}
