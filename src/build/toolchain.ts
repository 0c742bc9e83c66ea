import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BuildSystemName } from '../config/settings.js';

const run = promisify(execFile);

/** The tools whose version decides the output, per build system. */
const TOOLS: Record<BuildSystemName, string[]> = {
  cmake: ['cmake'],
  meson: ['meson'],
  qmake: ['qmake', 'make'],
  autotools: ['make'],
  custom: [],
};

/**
 * Asks each tool for its version once per run (a run spawns `cc --version`
 * once, not once per project).
 */
export class ToolchainProbe {
  private readonly versions = new Map<string, Promise<string>>();

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** The versions of the compilers and of the build system's tools, as one text. */
  async describe(system: BuildSystemName, projectEnv: Record<string, string>): Promise<string> {
    const compilers = [firstWord(projectEnv['CC'] ?? this.env['CC']) ?? 'cc',
      firstWord(projectEnv['CXX'] ?? this.env['CXX']) ?? 'c++'];
    const tools = [...compilers, ...TOOLS[system]];
    const versions = await Promise.all(tools.map((tool) => this.versionOf(tool)));
    return tools.map((tool, i) => `${tool}: ${versions[i]}`).join('\n');
  }

  private versionOf(tool: string): Promise<string> {
    let version = this.versions.get(tool);
    if (!version) {
      version = run(tool, ['--version'], { env: { ...this.env, LC_ALL: 'C' } })
        .then(({ stdout }) => stdout.trim(), () => 'not found');
      this.versions.set(tool, version);
    }
    return version;
  }
}

const LAUNCHERS = new Set(['ccache', 'sccache', 'icecc', 'distcc']);

/** The compiler of `CC="ccache gcc"`: the first word that is not a launcher. */
function firstWord(text: string | undefined): string | undefined {
  const words = text?.trim().split(/\s+/) ?? [];
  return words.find((word) => word.length > 0 && !LAUNCHERS.has(word));
}
