import type { BuildSystemName } from '../../config/settings.js';
import type { PhaseCommand } from '../build-types.js';
import { autotoolsCommands } from './autotools.js';
import type { BuildSystemInput } from './build-system-input.js';
import { cmakeCommands } from './cmake.js';
import { customCommands } from './custom.js';
import { mesonCommands } from './meson.js';
import { qmakeCommands } from './qmake.js';

/** The configure, build and install command lines of one project. */
export function commandsFor(system: BuildSystemName, input: BuildSystemInput): PhaseCommand[] {
  switch (system) {
    case 'cmake': return cmakeCommands(input);
    case 'meson': return mesonCommands(input);
    case 'qmake': return qmakeCommands(input);
    case 'autotools': return autotoolsCommands(input);
    case 'custom': return customCommands(input);
    default: return unknownSystem(system);
  }
}

function unknownSystem(system: never): never {
  throw new Error(`unknown build system: ${String(system)}`);
}
