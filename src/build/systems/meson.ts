import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';

/** CMake's build types in Meson's words; anything else passes through. */
const MESON_BUILD_TYPES: Record<string, string> = {
  debug: 'debug',
  release: 'release',
  relwithdebinfo: 'debugoptimized',
  minsizerel: 'minsize',
};

/** Meson: `setup` (or `--reconfigure` on a configured dir), `compile`, `install`. */
export function mesonCommands(input: BuildSystemInput): PhaseCommand[] {
  const { buildDir, sourceDir, settings } = input;
  const setup = ['meson', 'setup'];
  if (input.configured) setup.push('--reconfigure');
  setup.push(buildDir, sourceDir, '--prefix', input.prefix);
  if (settings.buildType) setup.push('--buildtype', mesonBuildType(settings.buildType));
  setup.push(...settings.mesonOptions);

  const commands: PhaseCommand[] = [
    { phase: 'configure', argv: setup, cwd: buildDir },
    { phase: 'build', argv: ['meson', 'compile', '-C', buildDir, '-j', `${input.jobs}`],
      cwd: buildDir },
    { phase: 'install',
      argv: ['meson', 'install', '-C', buildDir, '--destdir', input.installTree],
      cwd: buildDir },
  ];
  if (input.installToPrefix) {
    commands.push({ phase: 'install', argv: ['meson', 'install', '-C', buildDir],
      cwd: buildDir });
  }
  return commands;
}

export function mesonBuildType(buildType: string): string {
  return MESON_BUILD_TYPES[buildType.toLowerCase()] ?? buildType.toLowerCase();
}
