import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig, SHIPPED_RECIPES_DIR } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';

let root: string;
let cwd: string;
let home: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kappy-config-'));
  cwd = path.join(root, 'work');
  home = path.join(root, 'home');
  await mkdir(cwd, { recursive: true });
  await mkdir(home, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeConfig(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

describe('loadConfig: which file', () => {
  it('uses defaults relative to the working directory when there is no config', async () => {
    const config = await loadConfig({ cwd, env: { HOME: home } });

    expect(config.file).toBeUndefined();
    expect(config.paths.cache).toBe(path.join(cwd, 'cache'));
    expect(config.paths.install).toBe(path.join(cwd, 'install'));
    // <cwd>/recipes does not exist, so only the shipped folder is searched.
    expect(config.recipesDirs).toEqual([SHIPPED_RECIPES_DIR]);
  });

  it('prefers ./kappy.toml, then $XDG_CONFIG_HOME, then ~/.config', async () => {
    const xdg = path.join(root, 'xdg');
    const env = { HOME: home, XDG_CONFIG_HOME: xdg };
    await writeConfig(path.join(home, '.config/kappy/config.toml'), '[sync]\njobs = 1\n');
    expect((await loadConfig({ cwd, env: { HOME: home } })).sync.jobs).toBe(1);
    expect((await loadConfig({ cwd, env })).file).toBeUndefined();

    await writeConfig(path.join(xdg, 'kappy/config.toml'), '[sync]\njobs = 2\n');
    expect((await loadConfig({ cwd, env })).sync.jobs).toBe(2);

    await writeConfig(path.join(cwd, 'kappy.toml'), '[sync]\njobs = 3\n');
    const config = await loadConfig({ cwd, env });
    expect(config.sync.jobs).toBe(3);
    expect(config.file).toBe(path.join(cwd, 'kappy.toml'));
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec says', async () => {
    await writeConfig(path.join(home, '.config/kappy/config.toml'), '[sync]\njobs = 5\n');
    const config = await loadConfig({ cwd, env: { HOME: home, XDG_CONFIG_HOME: 'rel' } });
    expect(config.sync.jobs).toBe(5);
  });

  it('uses --config over everything, resolved against the working directory', async () => {
    await writeConfig(path.join(cwd, 'kappy.toml'), '[sync]\njobs = 3\n');
    await writeConfig(path.join(cwd, 'other/alt.toml'), '[sync]\njobs = 7\n');

    const config = await loadConfig({ configFile: 'other/alt.toml', cwd, env: { HOME: home } });
    expect(config.sync.jobs).toBe(7);
  });

  it('fails when the --config file does not exist', async () => {
    const loading = loadConfig({ configFile: 'missing.toml', cwd, env: { HOME: home } });
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/"missing\.toml" \(given with --config\) does not exist/);
  });
});

describe('loadConfig: paths', () => {
  it('resolves relative paths against the config file, not the working directory', async () => {
    const file = path.join(home, '.config/kappy/config.toml');
    await writeConfig(file, '[metadata]\nprojects = "meta/kde_projects.xml"\n'
      + '[paths]\ncache = "../../kde-cache"\nlogs = "/var/log/kappy"\n');
    await mkdir(path.join(home, '.config/kappy/recipes'));

    const config = await loadConfig({ cwd, env: { HOME: home } });

    expect(config.metadata.projects).toBe(path.join(home, '.config/kappy/meta/kde_projects.xml'));
    expect(config.paths.cache).toBe(path.join(home, 'kde-cache'));
    expect(config.paths.build).toBe(path.join(home, '.config/kappy/build'));
    expect(config.paths.logs).toBe('/var/log/kappy');
    expect(config.recipesDirs).toEqual([SHIPPED_RECIPES_DIR,
      path.join(home, '.config/kappy/recipes')]);
  });

  it('names the file relative to the working directory in errors', async () => {
    await writeConfig(path.join(cwd, 'kappy.toml'), '[paths]\ncache = 1\n');
    await expect(loadConfig({ cwd, env: { HOME: home } })).rejects
      .toThrow('kappy.toml:2: [paths] cache: expected a non-empty string, got 1');
  });

  it('reports a named recipe folder that does not exist', async () => {
    await writeConfig(path.join(cwd, 'kappy.toml'), '\nrecipes-dirs = ["nope"]\n');
    await expect(loadConfig({ cwd, env: { HOME: home } })).rejects
      .toThrow(`kappy.toml:2: recipes-dirs: recipe folder "${path.join(cwd, 'nope')}" does `
        + 'not exist');
  });
});
