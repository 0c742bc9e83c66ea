import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';
import { makePhases } from './make-phases.js';

/**
 * qmake writes Makefiles; they stage with `INSTALL_ROOT`, qmake's DESTDIR.
 * qmake ignores CC/CFLAGS from the environment, so flags and the compiler
 * launcher go in as qmake variables.
 */
export function qmakeCommands(input: BuildSystemInput): PhaseCommand[] {
  const { buildDir, sourceDir, settings } = input;
  const configure = ['qmake', sourceDir, `PREFIX=${input.prefix}`, ...qmakeVariables(input),
    ...settings.qmakeOptions];

  return [
    { phase: 'configure', argv: configure, cwd: buildDir },
    ...makePhases(input, 'INSTALL_ROOT'),
  ];
}

function qmakeVariables(input: BuildSystemInput): string[] {
  const { settings } = input;
  const variables: string[] = [];
  const launcher = settings.compilerLauncher;
  if (launcher) variables.push(`QMAKE_CC=${launcher} gcc`, `QMAKE_CXX=${launcher} g++`);
  if (settings.buildType?.toLowerCase() === 'debug') variables.push('CONFIG+=debug');
  if (settings.cflags) variables.push(`QMAKE_CFLAGS+=${settings.cflags}`);
  if (settings.cxxflags) variables.push(`QMAKE_CXXFLAGS+=${settings.cxxflags}`);
  if (settings.ldflags) variables.push(`QMAKE_LFLAGS+=${settings.ldflags}`);
  return variables;
}
