import { describe, expect, it } from 'vitest';
import { emptySettings, type ProjectSettings } from '../../src/config/settings.js';
import { buildDependencyGraph } from '../../src/graph/dependency-graph.js';
import { orderProjects } from '../../src/graph/order-projects.js';
import { chooseRepository, planProjects } from '../../src/graph/plan-projects.js';
import type { Project } from '../../src/metadata/project.js';
import { makeIndex, rule } from './fixtures.js';

const index = makeIndex(['frameworks/ecm', 'frameworks/kcoreaddons', 'kde/dolphin']);
index.projects.get('frameworks/kcoreaddons')!.repositories = {
  git: 'git://anongit.kde.org/kcoreaddons',
  http: 'http://anongit.kde.org/kcoreaddons',
  ssh: 'git@git.kde.org:kcoreaddons',
};
index.projects.get('kde/dolphin')!.description = 'File manager';

const graph = buildDependencyGraph({ index, rules: [
  rule('*', 'frameworks/ecm'), rule('*', 'third-party/Qt5'),
  rule('dolphin', 'kcoreaddons'),
] });

function plan(settings: Record<string, Partial<ProjectSettings>> = {}, order?: string[]) {
  return planProjects({
    graph,
    index,
    order: order ?? orderProjects(graph, [...index.projects.keys()], []),
    settingsOf: (p: Project) => ({ ...emptySettings(), ...settings[p.path] }),
    branchOf: (p: Project) => (p.path === 'kde/dolphin' ? 'release/15.12' : 'master'),
    protocols: ['https', 'http', 'git'],
  });
}

describe('planProjects', () => {
  it('plans each project in order with its dependencies, URL and branch', () => {
    const result = plan();
    expect(result.projects.map((p) => p.path))
      .toEqual(['frameworks/ecm', 'frameworks/kcoreaddons', 'kde/dolphin']);
    expect(result.external).toEqual(['third-party/Qt5']);

    const [ecm, kcoreaddons, dolphin] = result.projects;
    expect(ecm).toMatchObject({
      name: 'ecm', dependencies: [], externalDependencies: ['third-party/Qt5'],
      repository: 'https://invent.kde.org/frameworks/ecm.git', branch: 'master',
    });
    expect(kcoreaddons!.repository).toBe('http://anongit.kde.org/kcoreaddons');
    expect(dolphin).toMatchObject({
      dependencies: ['frameworks/ecm', 'frameworks/kcoreaddons'],
      branch: 'release/15.12', description: 'File manager',
    });
    expect(ecm!.description).toBeUndefined();
  });

  it('lets settings override the repository and the branch', () => {
    const [, , dolphin] = plan({ 'kde/dolphin': {
      repository: 'file:///srv/git/dolphin', branch: 'work',
    } }).projects;
    expect(dolphin).toMatchObject({ repository: 'file:///srv/git/dolphin', branch: 'work' });
  });

  it('links projects through ones left out of the plan', () => {
    const result = plan({}, ['frameworks/ecm', 'kde/dolphin']);
    expect(result.projects[1]!.dependencies).toEqual(['frameworks/ecm']);
  });
});

describe('chooseRepository', () => {
  const project = index.projects.get('frameworks/kcoreaddons')!;

  it('follows the protocol preference, then takes any URL', () => {
    expect(chooseRepository(project, ['git', 'https'])).toBe('git://anongit.kde.org/kcoreaddons');
    expect(chooseRepository(project, ['file'])).toBe('git://anongit.kde.org/kcoreaddons');
    const local = { ...project, repositories: { file: 'file:///tmp/r' } };
    expect(chooseRepository(local, ['https'])).toBe('file:///tmp/r');
    expect(chooseRepository({ ...project, repositories: {} }, ['https'])).toBeUndefined();
  });
});
