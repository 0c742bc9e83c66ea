import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/config/load-config.js';
import { parseRecipe } from '../../src/config/recipe.js';
import { createSettingsResolver, resolveSettings } from '../../src/config/resolve-settings.js';
import { emptySettings } from '../../src/config/settings.js';

const KIO = { path: 'frameworks/kio', name: 'kio' };
const KWIN = { path: 'kde/workspace/kwin', name: 'kwin' };

// Each layer sets `build-type` to its own name, so the winner is visible, and
// adds one list entry, one env variable and one package key.
const config = parseConfig(`
[build]
build-type = "config"
cmake-options = ["-Dconfig"]
env = { SHARED = "config", CONFIG = "1" }
cflags = "-O2"

[package.slackware]
tag = "_config"
build = 1

[project.kio]
build-type = "config-project"
cmake-options = ["-Dconfig-project"]
env = { SHARED = "config-project" }

[project."frameworks/*"]
build-type = "config-pattern"
cmake-options = ["-Dconfig-pattern"]
branch = "master"
`, '/k/kappy.toml', {});

const recipe = parseRecipe(`
projects = ["frameworks/*"]

[build]
build-type = "recipe"
cmake-options = ["-Drecipe"]
env = { SHARED = "recipe", RECIPE = "1" }

[package.slackware]
build = 2

[project."frameworks/kio"]
build-type = "recipe-project"
cmake-options = ["-Drecipe-project"]
tag = "v5.17.0"

[project.kio.package.slackware]
arch = "x86_64"
`, 'recipes/test.toml');

describe('resolveSettings', () => {
  it('applies every layer in order: config, config project, recipe, recipe project, '
    + 'command line', () => {
    const settings = resolveSettings(KIO, { config, recipe,
      commandLine: { buildType: 'command-line', cmakeOptions: ['-Dcommand-line'] } });

    expect(settings.buildType).toBe('command-line');
    expect(settings.cmakeOptions).toEqual(['-Dconfig', '-Dconfig-pattern', '-Dconfig-project',
      '-Drecipe', '-Drecipe-project', '-Dcommand-line']);
    expect(settings.env).toEqual({ SHARED: 'recipe', CONFIG: '1', RECIPE: '1' });
    expect(settings.package).toEqual({ slackware: { tag: '_config', build: 2,
      arch: 'x86_64' } });
    expect(settings.cflags).toBe('-O2');
  });

  it('lets each layer override the one below it', () => {
    const winner = (layers: Parameters<typeof resolveSettings>[1]): string | undefined =>
      resolveSettings(KIO, layers).buildType;
    const configOnly = parseConfig('[build]\nbuild-type = "config"\n', '/k/kappy.toml', {});

    expect(winner({ config: configOnly })).toBe('config');
    expect(winner({ config })).toBe('config-project');
    expect(winner({ config, recipe: { ...recipe, projectSettings: [] } })).toBe('recipe');
    expect(winner({ config, recipe })).toBe('recipe-project');
    expect(winner({ config, recipe, commandLine: { buildType: 'cli' } })).toBe('cli');
  });

  it('ranks a name or path selector above a pattern, whatever the file order', () => {
    const settings = resolveSettings(KIO, { config });
    expect(settings.buildType).toBe('config-project');
    expect(settings.cmakeOptions).toEqual(['-Dconfig', '-Dconfig-pattern', '-Dconfig-project']);
  });

  it('applies only the project tables that select the project', () => {
    const settings = resolveSettings(KWIN, { config, recipe });

    expect(settings.buildType).toBe('recipe');
    expect(settings.cmakeOptions).toEqual(['-Dconfig', '-Drecipe']);
    expect(settings.branch).toBeUndefined();
    expect(settings.package).toEqual({ slackware: { tag: '_config', build: 2 } });
  });

  it('treats branch, tag and commit as one pin: a higher layer replaces all three', () => {
    expect(resolveSettings(KIO, { config })).toMatchObject({ branch: 'master' });

    const pinned = resolveSettings(KIO, { config, recipe });
    expect(pinned.tag).toBe('v5.17.0');
    expect(pinned.branch).toBeUndefined();

    const back = resolveSettings(KIO, { config, recipe, commandLine: { branch: 'work' } });
    expect(back.branch).toBe('work');
    expect(back.tag).toBeUndefined();
  });

  it('gives the defaults when no layer says anything', () => {
    const empty = parseConfig('', '/k/kappy.toml', {});
    expect(resolveSettings(KWIN, { config: empty })).toEqual(emptySettings());
  });

  it('does not change the layers it reads', () => {
    const before = JSON.stringify([config, recipe]);
    resolveSettings(KIO, { config, recipe, commandLine: { env: { X: '1' } } });
    expect(JSON.stringify([config, recipe])).toBe(before);
  });
});

describe('createSettingsResolver', () => {
  it('gives the same settings as resolveSettings, shared between like projects', () => {
    const config = parseConfig(`[build]\ncmake-options = ["-DA=1"]\n` +
      `[project.kio]\ncmake-options = ["-DKIO=1"]\n`, '/c/kappy.toml');
    const resolve = createSettingsResolver();
    const kio = { path: 'frameworks/kio', name: 'kio' };
    const kconfig = { path: 'frameworks/kconfig', name: 'kconfig' };
    const ki18n = { path: 'frameworks/ki18n', name: 'ki18n' };

    expect(resolve(kio, { config })).toEqual(resolveSettings(kio, { config }));
    expect(resolve(kio, { config }).cmakeOptions).toEqual(['-DA=1', '-DKIO=1']);
    expect(resolve(kconfig, { config })).toEqual(resolveSettings(kconfig, { config }));
    expect(resolve(kconfig, { config })).toBe(resolve(ki18n, { config }));
    expect(resolve(kconfig, { config })).not.toBe(resolve(kio, { config }));
  });
});
