/**
 * The effective settings of one project after every layer was applied
 * (defaults < user config < recipe < per-project override < command line).
 *
 * Lists (`cmake-options`, …) are appended layer by layer, `env` merges by
 * variable, every other value is replaced by the later layer.
 */

export type BuildSystemName = 'cmake' | 'meson' | 'qmake' | 'autotools' | 'custom';

export type CompilerLauncher = 'ccache' | 'sccache' | 'icecc' | 'distcc';

export interface ProjectSettings {
  /** Clone URL override; else the metadata URL for the preferred protocol. */
  repository?: string;
  /** Branch override (beats recipe and branch group). */
  branch?: string;
  /** Pin to a tag or a commit instead of following a branch. */
  tag?: string;
  commit?: string;

  /** Undefined: detect from the checkout. */
  buildSystem?: BuildSystemName;
  /** Commands for `build-system = "custom"` (run with `sh -c` in the build dir). */
  configureCommand?: string;
  buildCommand?: string;
  installCommand?: string;

  cmakeOptions: string[];
  mesonOptions: string[];
  configureFlags: string[];
  qmakeOptions: string[];
  cflags?: string;
  cxxflags?: string;
  ldflags?: string;
  buildType?: string;
  env: Record<string, string>;
  /** Per-build job cap; the global budget still applies. */
  jobs?: number;
  compilerLauncher?: CompilerLauncher;
  distributedJobs?: number;

  /** Package version override. */
  version?: string;
  /** Packaging settings by distro name (`slackware`, `debian`, …). */
  package: Record<string, Record<string, unknown>>;
}

/** Absolute directories kappy works in. */
export interface Paths {
  cache: string;
  build: string;
  install: string;
  logs: string;
  packages: string;
}

export function emptySettings(): ProjectSettings {
  return {
    cmakeOptions: [],
    mesonOptions: [],
    configureFlags: [],
    qmakeOptions: [],
    env: {},
    package: {},
  };
}
