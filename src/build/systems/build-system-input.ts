import type { ProjectSettings } from '../../config/settings.js';
import type { PhaseCommand } from '../build-types.js';

/** Everything a build system needs to write its command lines; plain data. */
export interface BuildSystemInput {
  sourceDir: string;
  buildDir: string;
  prefix: string;
  /** The staged DESTDIR; install commands stage into it. */
  installTree: string;
  /** False for a system prefix: stage only. */
  installToPrefix: boolean;
  /** `-j` for this build. */
  jobs: number;
  settings: ProjectSettings;
  /** Names at the top of the checkout (to find `configure`, `*.pro`, …). */
  sourceFiles: readonly string[];
  /** The build directory was configured before (reconfigure instead of setup). */
  configured: boolean;
  /** `ninja` is on PATH (CMake generator choice). */
  ninja: boolean;
}

/** The command lines of one project, phase by phase, in order. */
export type ProjectCommands = PhaseCommand[];

export function shellWords(commands: readonly PhaseCommand[]): string[][] {
  return commands.map((command) => [
    ...Object.entries(command.env ?? {}).map(([name, value]) => `${name}=${value}`),
    ...command.argv,
  ]);
}
