import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';

/**
 * `build-system = "custom"`: the project's own commands, run with `sh -c`
 * in the build directory. They learn where things are from KAPPY_*
 * variables; the install command runs once with DESTDIR set to the install
 * tree and, for a user prefix, once more with an empty DESTDIR.
 */
export function customCommands(input: BuildSystemInput): PhaseCommand[] {
  const { settings } = input;
  const commands: PhaseCommand[] = [];
  if (settings.configureCommand) {
    commands.push(shell(input, 'configure', settings.configureCommand));
  }
  if (settings.buildCommand) commands.push(shell(input, 'build', settings.buildCommand));
  if (!settings.installCommand) return commands;

  commands.push(shell(input, 'install', settings.installCommand, input.installTree));
  if (input.installToPrefix) commands.push(shell(input, 'install', settings.installCommand, ''));
  return commands;
}

function shell(input: BuildSystemInput, phase: PhaseCommand['phase'], script: string,
  destdir?: string): PhaseCommand {
  const env: Record<string, string> = {
    KAPPY_SOURCE_DIR: input.sourceDir,
    KAPPY_BUILD_DIR: input.buildDir,
    KAPPY_PREFIX: input.prefix,
    KAPPY_JOBS: `${input.jobs}`,
  };
  if (destdir !== undefined) env['DESTDIR'] = destdir;
  return { phase, argv: ['sh', '-c', script], cwd: input.buildDir, env };
}
