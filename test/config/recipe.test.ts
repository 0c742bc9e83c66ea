import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadRecipes, parseRecipe } from '../../src/config/recipe.js';
import { ConfigError } from '../../src/core/errors.js';

describe('parseRecipe', () => {
  it('reads every recipe key', () => {
    const recipe = parseRecipe(`
description = "Plasma"
projects = ["kde/workspace/*", "kwin"]
ignore = ["kde/workspace/kaccounts-mobile"]
branch-group = "kf5-qt5"
include-dependencies = false

[build]
cmake-options = ["-DBUILD_TESTING=OFF"]
jobs = 2

[package.slackware]
tag = "_plasma"

[project.kwin]
branch = "Plasma/5.5"
env = { KWIN_X = "1" }

[project.kwin.package.slackware]
build = 3
`, 'recipes/plasma.toml');

    expect(recipe).toEqual({
      name: 'plasma',
      file: 'recipes/plasma.toml',
      description: 'Plasma',
      projects: ['kde/workspace/*', 'kwin'],
      ignore: ['kde/workspace/kaccounts-mobile'],
      branchGroup: 'kf5-qt5',
      includeDependencies: false,
      settings: { cmakeOptions: ['-DBUILD_TESTING=OFF'], jobs: 2,
        package: { slackware: { tag: '_plasma' } } },
      projectSettings: [{ selector: 'kwin', settings: { branch: 'Plasma/5.5',
        env: { KWIN_X: '1' }, package: { slackware: { build: 3 } } } }],
    });
  });

  it('leaves optional keys unset', () => {
    const recipe = parseRecipe('projects = ["kcoreaddons"]\n', '/x/small.toml');
    expect(recipe).toMatchObject({ name: 'small', ignore: [], settings: {},
      projectSettings: [] });
    expect(recipe.includeDependencies).toBeUndefined();
    expect(recipe.branchGroup).toBeUndefined();
  });

  it('rejects an unknown key with a suggestion', () => {
    expect(() => parseRecipe('description = "x"\n\nprojcts = ["a"]\n', 'recipes/plasma.toml'))
      .toThrow('recipes/plasma.toml:3: unknown key "projcts" (did you mean "projects"?)');
  });

  it('requires a non-empty projects list', () => {
    expect(() => parseRecipe('description = "x"\n', 'r.toml'))
      .toThrow(/^r\.toml: projects: missing/);
    expect(() => parseRecipe('projects = []\n', 'r.toml'))
      .toThrow('r.toml:1: projects: expected at least one selector, got []');
    expect(() => parseRecipe('projects = "kio"\n', 'r.toml'))
      .toThrow('r.toml:1: projects: expected an array of strings, got "kio"');
    expect(() => parseRecipe('projects = ["k io"]\n', 'r.toml'))
      .toThrow(/^r\.toml:1: projects: a selector is .* got "k io"$/);
  });

  it('rejects config-only keys in [build] and bad values', () => {
    expect(() => parseRecipe('projects = ["a"]\n[build]\non-failure = "stop"\n', 'r.toml'))
      .toThrow('r.toml:3: [build] unknown key "on-failure"');
    expect(() => parseRecipe('projects = ["a"]\ninclude-dependencies = "yes"\n', 'r.toml'))
      .toThrow('r.toml:2: include-dependencies: expected true or false, got "yes"');
    expect(() => parseRecipe('projects = ["a"]\n[project.a]\nversion = "1 2"\n', 'r.toml'))
      .toThrow('r.toml:3: [project.a] version: expected a string without whitespace, '
        + 'got "1 2"');
  });

  it('throws a ConfigError with line and column for bad TOML', () => {
    expect(() => parseRecipe('projects = ["a"\n', 'r.toml')).toThrow(ConfigError);
    expect(() => parseRecipe('projects = ["a"\n', 'r.toml')).toThrow(/^r\.toml:2:1: invalid TOML/);
  });
});

describe('loadRecipes', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kappy-recipes-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function write(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }

  it('reads every .toml file; a later folder wins; missing folders are skipped', async () => {
    await write('shipped/frameworks.toml', 'projects = ["frameworks/*"]\n');
    await write('shipped/plasma.toml', 'projects = ["kde/workspace/*"]\n');
    await write('shipped/README.md', 'not a recipe');
    await write('user/plasma.toml', 'projects = ["kwin"]\n');

    const recipes = await loadRecipes([path.join(root, 'shipped'), path.join(root, 'none'),
      path.join(root, 'user')]);

    expect([...recipes.keys()].sort()).toEqual(['frameworks', 'plasma']);
    expect(recipes.get('plasma')?.projects).toEqual(['kwin']);
    expect(recipes.get('plasma')?.file).toBe(path.join(root, 'user/plasma.toml'));
  });

  it('fails on a bad recipe, naming it', async () => {
    await write('r/bad.toml', 'projects = ["a"]\nbranch-group = 5\n');
    await expect(loadRecipes([path.join(root, 'r')])).rejects
      .toThrow(/bad\.toml:2: branch-group: expected a string without whitespace, got 5/);
  });
});
