import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { SHIPPED_RECIPES_DIR } from '../../src/config/load-config.js';
import { matchesSelector } from '../../src/config/match-selector.js';
import { loadRecipes, type Recipe } from '../../src/config/recipe.js';

// The 2015 kde_projects.xml is the metadata the shipped recipes are written
// against (it pairs with the 2015 kf5-qt5 dependency data).
const XML = path.resolve(import.meta.dirname, '../../../shared/data/kde',
  'kde_projects-2015-12-27-wenzel-ba0a82a.xml');

function readProjects(): Array<{ path: string; name: string }> {
  const text = readFileSync(XML, 'utf8');
  return [...text.matchAll(/<path>([^<]+)<\/path>/g)].map(([, projectPath = '']) =>
    ({ path: projectPath, name: projectPath.split('/').pop() ?? '' }));
}

describe('shipped recipes', () => {
  let recipes: Map<string, Recipe>;
  const projects = readProjects();

  beforeAll(async () => {
    recipes = await loadRecipes([SHIPPED_RECIPES_DIR]);
  });

  it('include frameworks, plasma and kf5-minimal, all of which parse', () => {
    expect([...recipes.keys()].sort()).toEqual(['frameworks', 'kf5-minimal', 'plasma']);
    for (const recipe of recipes.values()) {
      expect(recipe.description).toBeTruthy();
      expect(recipe.branchGroup).toBe('kf5-qt5');
    }
  });

  it('use only selectors that match projects of the real metadata', () => {
    for (const recipe of recipes.values()) {
      const selectors = [...recipe.projects, ...recipe.ignore,
        ...recipe.projectSettings.map((table) => table.selector)];
      for (const selector of selectors) {
        const matches = projects.filter((project) => matchesSelector(selector, project));
        expect(matches, `${recipe.name}: ${selector}`).not.toHaveLength(0);
      }
    }
  });

  it('select what their names promise', () => {
    const selected = (name: string): string[] => projects
      .filter((project) => recipes.get(name)?.projects
        .some((selector) => matchesSelector(selector, project)))
      .map((project) => project.path);

    expect(selected('frameworks')).toContain('frameworks/kcoreaddons');
    expect(selected('frameworks')).toHaveLength(69);
    expect(selected('plasma')).toEqual(expect.arrayContaining(['kde/workspace/kwin',
      'kde/workspace/plasma-workspace', 'kde/workspace/plasma-desktop']));
    expect(selected('kf5-minimal').sort()).toEqual(['frameworks/kconfig',
      'frameworks/kcoreaddons', 'frameworks/ki18n', 'kdesupport/extra-cmake-modules']);
    expect(recipes.get('plasma')?.includeDependencies).toBe(true);
  });
});
