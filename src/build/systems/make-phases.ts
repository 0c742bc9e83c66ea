import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';

/**
 * The build and install steps of a Makefile build: `make -jN`, a staged
 * install with the build system's own DESTDIR variable (`DESTDIR=` for
 * autotools, `INSTALL_ROOT=` for qmake), then the prefix install unless the
 * prefix is a system one.
 */
export function makePhases(input: BuildSystemInput, stagingVariable: string): PhaseCommand[] {
  const { buildDir } = input;
  const commands: PhaseCommand[] = [
    { phase: 'build', argv: ['make', `-j${input.jobs}`], cwd: buildDir },
    { phase: 'install', argv: ['make', 'install', `${stagingVariable}=${input.installTree}`],
      cwd: buildDir },
  ];
  if (input.installToPrefix) {
    commands.push({ phase: 'install', argv: ['make', 'install'], cwd: buildDir });
  }
  return commands;
}
