import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CycleError, UsageError } from '../../src/core/errors.js';
import { openWorkspace, type Workspace } from '../../src/plan/open-workspace.js';
import { planRequest } from '../../src/plan/plan-request.js';
import { defaultBranchOf } from '../../src/plan/default-branch.js';
import { kde2015Config } from '../helpers/run-kappy.js';

async function open2015(extra = ''): Promise<Workspace> {
  const dir = kde2015Config(extra);
  return openWorkspace({ configFile: path.join(dir, 'kappy.toml'), cwd: dir, env: {} });
}

describe('planRequest on the 2015 metadata with branch group kf5-qt5', () => {
  it('takes the branch from the branch group, and leaves out what it maps to ""', async () => {
    const workspace = await open2015();
    const { plan, excludedByBranchGroup } = planRequest(workspace, { targets: ['kde/*'] });
    const byPath = new Map(plan.projects.map((p) => [p.path, p]));

    expect(excludedByBranchGroup).toContain('kde/kdelibs');
    expect(byPath.has('kde/kdelibs')).toBe(false);
    expect(byPath.get('kde/workspace/plasma-workspace')?.branch).toBe('master');
    expect(byPath.get('kde/kdegraphics/okular')?.branch).toBe('frameworks');
  });

  it('lets a per-project override in the config beat the branch group', async () => {
    const workspace = await open2015(`[project.kcoreaddons]\nbranch = "work/topic"\n` +
      `cmake-options = ["-DX=1"]\n[build]\ncmake-options = ["-DBUILD_TESTING=OFF"]\n`);
    const { plan } = planRequest(workspace, { targets: ['kcoreaddons'],
      commandLine: { cmakeOptions: ['-DFROM_CLI=ON'] } });
    const kcoreaddons = plan.projects.find((p) => p.name === 'kcoreaddons');

    expect(kcoreaddons?.branch).toBe('work/topic');
    expect(kcoreaddons?.settings.cmakeOptions)
      .toEqual(['-DBUILD_TESTING=OFF', '-DX=1', '-DFROM_CLI=ON']);
  });

  it('applies a recipe: its projects, its ignores and its settings', async () => {
    const workspace = await open2015();
    const recipe = workspace.recipes.get('frameworks');
    const { plan, recipes } = planRequest(workspace, { targets: ['frameworks'] });

    expect(recipes.map((r) => r.name)).toEqual(['frameworks']);
    expect(plan.projects.map((p) => p.path)).toContain('frameworks/kio');
    for (const ignored of recipe?.ignore ?? []) {
      expect(plan.projects.map((p) => p.name)).not.toContain(ignored);
    }
    const kio = plan.projects.find((p) => p.path === 'frameworks/kio');
    expect(kio?.settings.cmakeOptions).toContain('-DBUILD_TESTING=OFF');
  });

  it('reports an unknown selector as bad usage', async () => {
    const workspace = await open2015();
    expect(() => planRequest(workspace, { targets: ['no-such-thing'] }))
      .toThrow(UsageError);
  });

  it('reports a cycle among the selected projects', async () => {
    const workspace = await open2015();
    workspace.metadata.rules.push({ dependent: 'kdesupport/extra-cmake-modules',
      source: 'frameworks/kcoreaddons', negated: false, file: 'test', line: 1 });
    expect(() => planRequest(workspace, { targets: ['kcoreaddons'] })).toThrow(CycleError);
  });
});

describe('defaultBranchOf', () => {
  const project = { path: 'a/b', name: 'b', repositories: {}, active: true,
    branches: { trunk: 'master', trunk_kf5: 'kf5', stable_kf5: 'Applications/15.12',
      stable: 'none' } };

  it('picks the i18n branch that matches the branch group', () => {
    expect(defaultBranchOf(project, 'kf5-qt5')).toBe('kf5');
    expect(defaultBranchOf(project, 'stable-kf5-qt5')).toBe('Applications/15.12');
    expect(defaultBranchOf(project, 'latest-qt4')).toBe('master');
  });

  it('treats "none" and an unknown group as no branch', () => {
    expect(defaultBranchOf({ ...project, branches: { stable: 'none' } }, 'stable-qt4'))
      .toBeUndefined();
    expect(defaultBranchOf(project, 'kf6-qt6')).toBeUndefined();
  });
});
