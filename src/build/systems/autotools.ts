import path from 'node:path';
import type { PhaseCommand } from '../build-types.js';
import type { BuildSystemInput } from './build-system-input.js';
import { makePhases } from './make-phases.js';

/**
 * autotools, out of source: generate `configure` when the checkout has
 * none (autogen.sh, else autoreconf), then configure, make, make install.
 * Flags and the compiler launcher travel as CC/CFLAGS in the environment.
 */
export function autotoolsCommands(input: BuildSystemInput): PhaseCommand[] {
  const { buildDir, sourceDir, settings } = input;
  const configure = [path.join(sourceDir, 'configure'), `--prefix=${input.prefix}`,
    ...settings.configureFlags];

  return [
    ...generateConfigure(input),
    { phase: 'configure', argv: configure, cwd: buildDir },
    ...makePhases(input, 'DESTDIR'),
  ];
}

function generateConfigure(input: BuildSystemInput): PhaseCommand[] {
  const files = new Set(input.sourceFiles);
  if (files.has('configure')) return [];

  // NOCONFIGURE: most autogen.sh scripts would otherwise run configure in
  // the source directory with no arguments.
  if (files.has('autogen.sh')) {
    return [{ phase: 'configure', argv: ['sh', 'autogen.sh'], cwd: input.sourceDir,
      env: { NOCONFIGURE: '1' } }];
  }
  return [{ phase: 'configure', argv: ['autoreconf', '--install', '--force'],
    cwd: input.sourceDir }];
}
