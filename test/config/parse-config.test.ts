import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigValidationError } from '../../src/config/toml-checker.js';
import { parseConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';

const ENV = { HOME: '/home/kde' };
const FILE = '/srv/kde/kappy.toml';

/** The message of the ConfigError that parsing `text` throws. */
function errorOf(text: string): string {
  try {
    parseConfig(text, 'kappy.toml', ENV);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig: a valid config', () => {
  const config = parseConfig(`
recipes-dirs = ["~/my-recipes", "shared/recipes"]

[metadata]
projects = "https://projects.kde.org/kde_projects.xml"
dependencies = ["meta/dependency-data-common", "file:///srv/dependency-data-kf5-qt5"]
branch-groups = "meta/logical-module-structure"
ignore = "/abs/build-script-ignore"
branch-group = "kf5-qt5"
protocols = ["git", "https"]

[paths]
cache = "/var/cache/kappy"
install = "~/kde/usr"

[sync]
jobs = 4
retries = 0

[build]
jobs = 6
on-failure = "stop"
cmake-options = "-DBUILD_TESTING=OFF -DNAME='two words'"
cflags = "-O2 -pipe"
env = { CCACHE_DIR = "/tmp/ccache" }
compiler-launcher = "icecc"
distributed-jobs = 40

[package.slackware]
tag = "_kappy"
build = 1
strip = true

[packagers]
arch = "./packagers/arch.js"
rpm = "kappy-packager-rpm"

[project."frameworks/*"]
branch = "master"
cmake-options = ["-DKF_X=1"]

[project.kcoreaddons.package.slackware]
build = 2
`, FILE, ENV);

  it('reads metadata sources, keeping URLs and resolving paths', () => {
    expect(config.file).toBe(FILE);
    expect(config.metadata).toEqual({
      projects: 'https://projects.kde.org/kde_projects.xml',
      repoMetadata: undefined,
      dependencies: ['/srv/kde/meta/dependency-data-common',
        'file:///srv/dependency-data-kf5-qt5'],
      branchGroups: '/srv/kde/meta/logical-module-structure',
      ignore: '/abs/build-script-ignore',
      branchGroup: 'kf5-qt5',
      protocols: ['git', 'https'],
    });
  });

  it('resolves paths against the config folder, with defaults and ~', () => {
    expect(config.paths).toEqual({
      cache: '/var/cache/kappy',
      build: '/srv/kde/build',
      install: '/home/kde/kde/usr',
      logs: '/srv/kde/logs',
      packages: '/srv/kde/packages',
    });
    expect(config.recipesDirs).toEqual(['/home/kde/my-recipes', '/srv/kde/shared/recipes']);
  });

  it('reads job budgets and the failure policy', () => {
    expect(config.sync).toEqual({ jobs: 4, retries: 0 });
    expect(config.build).toEqual({ jobs: 6, onFailure: 'stop' });
  });

  it('reads [build] flags and [package] tables into the global settings layer', () => {
    expect(config.settings).toEqual({
      cmakeOptions: ['-DBUILD_TESTING=OFF', '-DNAME=two words'],
      cflags: '-O2 -pipe',
      env: { CCACHE_DIR: '/tmp/ccache' },
      compilerLauncher: 'icecc',
      distributedJobs: 40,
      package: { slackware: { tag: '_kappy', build: 1, strip: true } },
    });
  });

  it('reads packagers: paths made absolute, npm names kept', () => {
    expect(config.packagers).toEqual({ arch: '/srv/kde/packagers/arch.js',
      rpm: 'kappy-packager-rpm' });
  });

  it('reads [project."<selector>"] tables in file order', () => {
    expect(config.projectSettings).toEqual([
      { selector: 'frameworks/*', settings: { branch: 'master', cmakeOptions: ['-DKF_X=1'] } },
      { selector: 'kcoreaddons', settings: { package: { slackware: { build: 2 } } } },
    ]);
  });
});

describe('parseConfig: defaults', () => {
  it('fills every section when the file is empty', () => {
    const config = parseConfig('', FILE, ENV);

    expect(config.metadata).toMatchObject({ dependencies: [],
      protocols: ['https', 'http', 'git'] });
    expect(config.paths.cache).toBe('/srv/kde/cache');
    expect(config.sync).toEqual({ jobs: 8, retries: 3 });
    expect(config.build.onFailure).toBe('continue');
    expect(config.build.jobs).toBeGreaterThanOrEqual(1);
    expect(config.settings).toEqual({});
    expect(config.recipesDirs).toEqual([path.resolve(import.meta.dirname, '../../recipes'),
      '/srv/kde/recipes']);
  });

  it('accepts a single dependency file as a string', () => {
    const config = parseConfig('[metadata]\ndependencies = "deps"\n', FILE, ENV);
    expect(config.metadata.dependencies).toEqual(['/srv/kde/deps']);
  });
});

describe('parseConfig: errors name the file, the line and the key', () => {
  it('rejects an unknown key with a suggestion', () => {
    expect(errorOf('\n\nrecipes-dir = []\n'))
      .toBe('kappy.toml:3: unknown key "recipes-dir" (did you mean "recipes-dirs"?)');
    expect(errorOf('[build]\njobs = 2\ncmake-option = "-DA=1"\n'))
      .toBe('kappy.toml:3: [build] unknown key "cmake-option" (did you mean "cmake-options"?)');
    expect(errorOf('[project."frameworks/*"]\nbrnach = "master"\n'))
      .toBe('kappy.toml:2: [project."frameworks/*"] unknown key "brnach" '
        + '(did you mean "branch"?)');
  });

  it('rejects an unknown section without a wild guess', () => {
    expect(errorOf('[zzzzzz]\na = 1\n')).toBe('kappy.toml:1: unknown key "zzzzzz"');
  });

  it('rejects a wrong type, quoting the value', () => {
    const text = '[metadata]\nbranch-group = "kf5-qt5"\n\n[build]\n'
      + 'cflags = "-O2"\ncmake-options = 42\n';
    expect(errorOf(text))
      .toBe('kappy.toml:6: [build] cmake-options: expected an array of strings, got 42');
    expect(errorOf('[sync]\njobs = 0\n'))
      .toBe('kappy.toml:2: [sync] jobs: expected an integer >= 1, got 0');
    expect(errorOf('[build]\nenv = { CC = 42 }\n'))
      .toBe('kappy.toml:2: [build.env] CC: expected a string, got 42');
    expect(errorOf('[package.slackware]\nstrip = { a = 1 }\n'))
      .toBe('kappy.toml:2: [package.slackware] strip: expected a string, number, boolean '
        + 'or array of strings, got a table');
  });

  it('rejects a bad enum value, quoting it and listing the choices', () => {
    expect(errorOf('[build]\non-failure = "abort"\n'))
      .toBe('kappy.toml:2: [build] on-failure: expected one of "continue", "stop", '
        + 'got "abort"');
    expect(errorOf('[project.kwin]\nbuild-system = "scons"\n'))
      .toBe('kappy.toml:2: [project.kwin] build-system: expected one of "cmake", "meson", '
        + '"qmake", "autotools", "custom", got "scons"');
    expect(errorOf('[metadata]\nprotocols = ["gopher"]\n'))
      .toBe('kappy.toml:2: [metadata] protocols: expected a non-empty list of '
        + 'https, http, git, ssh, file, got ["gopher"]');
  });

  it('rejects unsupported URL schemes for metadata', () => {
    expect(errorOf('[metadata]\nprojects = "ftp://x/kde_projects.xml"\n'))
      .toMatch(/^kappy\.toml:2: \[metadata\] projects: unsupported URL scheme "ftp"/);
  });

  it('reports bad TOML with line and column', () => {
    expect(errorOf('[paths]\ncache = \n'))
      .toBe('kappy.toml:2:9: invalid TOML: unexpected end of line');
    expect(errorOf('[build]\njobs = 4 4\n'))
      .toMatch(/^kappy\.toml:2:10: invalid TOML: .* but "4" found/);
    expect(errorOf('a = 1\n[build]\njobs = 1\njobs = 2\n'))
      .toMatch(/^kappy\.toml:4:1: invalid TOML: Cannot redefine existing key/);
  });

  it('collects every problem of a file into one error', () => {
    let error: unknown;
    try {
      parseConfig('[sync]\njobs = -1\nretries = "3"\n', 'kappy.toml', ENV);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems;
    expect(problems.map((problem) => [problem.line, problem.key])).toEqual([
      [2, 'sync.jobs'], [3, 'sync.retries']]);
    expect((error as Error).message.split('\n')).toEqual([
      'kappy.toml:2: [sync] jobs: expected an integer >= 1, got -1',
      'kappy.toml:3: [sync] retries: expected an integer >= 0, got "3"',
    ]);
    expect((error as ConfigValidationError).exitCode).toBe(2);
  });

  it('rejects both a tag and a commit pin in one table', () => {
    expect(errorOf('[project.kio]\ntag = "v5.17.0"\ncommit = "abc1234"\n'))
      .toBe('kappy.toml:3: [project.kio] commit: set either tag or commit, not both');
  });
});
