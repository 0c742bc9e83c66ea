import type { BuildSystemName } from '../../config/settings.js';

/**
 * The build system of a checkout, from the names at its top level. CMake
 * wins over the others because KDE projects sometimes carry leftovers of
 * older systems next to their CMakeLists.txt.
 */
export function detectBuildSystem(sourceFiles: readonly string[]): BuildSystemName | undefined {
  const files = new Set(sourceFiles);
  if (files.has('CMakeLists.txt')) return 'cmake';
  if (files.has('meson.build')) return 'meson';
  if (['configure', 'configure.ac', 'configure.in', 'autogen.sh'].some((f) => files.has(f))) {
    return 'autotools';
  }
  if (sourceFiles.some((file) => file.endsWith('.pro'))) return 'qmake';
  return undefined;
}
