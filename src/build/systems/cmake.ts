import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';

/**
 * CMake, KDE's build system: Ninja when available, else Unix Makefiles.
 * Flags go in as cache entries too, because CMake reads CFLAGS only when
 * the cache is first created and a changed flag must reach a reconfigure.
 */
export function cmakeCommands(input: BuildSystemInput): PhaseCommand[] {
  const { buildDir, sourceDir, settings } = input;
  const configure = ['cmake', '-S', sourceDir, '-B', buildDir];

  // An existing build dir keeps its generator; asking for another one fails.
  if (!input.configured) configure.push('-G', input.ninja ? 'Ninja' : 'Unix Makefiles');
  configure.push(`-DCMAKE_INSTALL_PREFIX=${input.prefix}`);
  if (settings.buildType) configure.push(`-DCMAKE_BUILD_TYPE=${settings.buildType}`);
  configure.push(...flagDefinitions(input), ...settings.cmakeOptions);

  const commands: PhaseCommand[] = [
    { phase: 'configure', argv: configure, cwd: buildDir },
    { phase: 'build', argv: ['cmake', '--build', buildDir, '--parallel', `${input.jobs}`],
      cwd: buildDir },
    { phase: 'install', argv: ['cmake', '--install', buildDir], cwd: buildDir,
      env: { DESTDIR: input.installTree } },
  ];
  if (input.installToPrefix) {
    commands.push({ phase: 'install', argv: ['cmake', '--install', buildDir], cwd: buildDir });
  }
  return commands;
}

function flagDefinitions(input: BuildSystemInput): string[] {
  const { settings } = input;
  const definitions: string[] = [];
  if (settings.compilerLauncher) {
    definitions.push(`-DCMAKE_C_COMPILER_LAUNCHER=${settings.compilerLauncher}`,
      `-DCMAKE_CXX_COMPILER_LAUNCHER=${settings.compilerLauncher}`);
  }
  if (settings.cflags) definitions.push(`-DCMAKE_C_FLAGS=${settings.cflags}`);
  if (settings.cxxflags) definitions.push(`-DCMAKE_CXX_FLAGS=${settings.cxxflags}`);
  if (settings.ldflags) {
    for (const kind of ['EXE', 'SHARED', 'MODULE']) {
      definitions.push(`-DCMAKE_${kind}_LINKER_FLAGS=${settings.ldflags}`);
    }
  }
  return definitions;
}
