import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptySettings, type Paths } from '../../src/config/settings.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import type { BuildPlan, PlannedProject } from '../../src/graph/build-plan.js';
import { installTreeOf } from '../../src/build/build-paths.js';
import { packageProjects } from '../../src/package/package-projects.js';
import { makeTempDir } from './fixture-tree.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();
}

function planned(projectPath: string, pkg: Record<string, unknown> = {}): PlannedProject {
  const settings = { ...emptySettings(), package: { slackware: { arch: 'x86_64', ...pkg } } };
  return { path: projectPath, name: path.basename(projectPath), dependencies: [],
    externalDependencies: [], settings, description: 'Test project.' };
}

async function stageInstallTree(paths: Paths, projectPath: string): Promise<void> {
  const tree = installTreeOf(paths, projectPath);
  await mkdir(path.join(tree, 'opt/bin'), { recursive: true });
  await writeFile(path.join(tree, 'opt/bin/tool'), 'tool\n');
}

async function commitRepo(dir: string, tag?: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  git(dir, 'init', '-q');
  await writeFile(path.join(dir, 'README'), 'x\n');
  git(dir, 'add', 'README');
  git(dir, 'commit', '-q', '-m', 'one');
  if (tag) git(dir, 'tag', tag);
  await writeFile(path.join(dir, 'README'), 'y\n');
  git(dir, 'commit', '-q', '-am', 'two');
  return git(dir, 'rev-parse', '--short', 'HEAD');
}

describe('packageProjects', () => {
  let work: string;
  let paths: Paths;

  beforeAll(async () => {
    work = await makeTempDir();
    paths = { cache: path.join(work, 'cache'), build: path.join(work, 'build'),
      install: path.join(work, 'install'), logs: path.join(work, 'logs'),
      packages: path.join(work, 'packages') };
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('packages built projects, skips unbuilt ones and reports failures', async () => {
    const tagged = await commitRepo(path.join(paths.cache, 'kde/tagged'), 'v1.2.0');
    const untagged = await commitRepo(path.join(paths.cache, 'kde/untagged'));
    for (const project of ['kde/tagged', 'kde/untagged', 'kde/nocheckout', 'kde/broken']) {
      await stageInstallTree(paths, project);
    }
    const plan: BuildPlan = { external: [], projects: [
      planned('kde/tagged', { tag: '_k' }), planned('kde/untagged'), planned('kde/nocheckout'),
      planned('kde/unbuilt'), planned('kde/broken', { build: '1-2' }),
    ] };
    const reporter = new MemoryReporter();

    const summary = await packageProjects(plan, { distro: 'slackware', paths, packagers: {},
      configDir: work, reporter });

    const out = path.join(paths.packages, 'slackware');
    expect(summary.ok).toBe(false);
    expect(summary.results.map((result) => [result.project, result.status])).toEqual([
      ['kde/tagged', 'packaged'], ['kde/untagged', 'packaged'], ['kde/nocheckout', 'packaged'],
      ['kde/unbuilt', 'skipped'], ['kde/broken', 'failed']]);
    expect(summary.results[0]?.files).toEqual(
      [path.join(out, `tagged-1.2.0_1_g${tagged}-x86_64-1_k.txz`)]);
    expect(summary.results[1]?.files).toEqual(
      [path.join(out, `untagged-0.0.0_g${untagged}-x86_64-1.txz`)]);
    expect(summary.results[2]?.files).toEqual([path.join(out, 'nocheckout-0.0.0-x86_64-1.txz')]);
    expect(summary.results[3]?.reason).toBe('not built: run `kappy build unbuilt`');
    expect(summary.results[4]?.reason).toMatch(/build "1-2" contains "-"/);
    expect(reporter.events.filter((event) => event.kind === 'fail')).toHaveLength(1);
  });

  it('names a release by its tag, describes the built commit and skips failed builds',
    async () => {
      const repo = path.join(paths.cache, 'kde/release');
      await commitRepo(repo, 'v0.9.0');
      git(repo, 'tag', 'v2.0.0');
      // The checkout moves on after the build; the package names what was built.
      await writeFile(path.join(repo, 'README'), 'z\n');
      git(repo, 'commit', '-q', '-am', 'after the build');
      for (const project of ['kde/release', 'kde/failed']) await stageInstallTree(paths, project);
      await mkdir(paths.build, { recursive: true });
      await writeFile(path.join(paths.build, '.kappy-state.json'), JSON.stringify({
        version: 1, projects: {
          'kde/release': { fingerprint: 'f', inputs: {}, status: 'built',
            commit: git(repo, 'rev-parse', 'HEAD~1'), finishedAt: 'now' },
          'kde/failed': { fingerprint: 'f', inputs: {}, status: 'failed', finishedAt: 'now' },
        } }));
      const plan: BuildPlan = { external: [],
        projects: [planned('kde/release'), planned('kde/failed')] };

      const summary = await packageProjects(plan, { distro: 'slackware', paths, packagers: {},
        configDir: work, reporter: new MemoryReporter() });

      expect(summary.results[0]?.files).toEqual(
        [path.join(paths.packages, 'slackware', 'release-2.0.0-x86_64-1.txz')]);
      expect(summary.results[1]).toMatchObject({ status: 'skipped',
        reason: 'last build failed: run `kappy build failed`' });
    });

  it('uses the version override and refuses an unknown distro', async () => {
    const project = planned('kde/tagged');
    project.settings.version = '9.9';
    const summary = await packageProjects({ external: [], projects: [project] },
      { distro: 'slackware', paths, packagers: {}, configDir: work,
        reporter: new MemoryReporter() });
    expect(path.basename(summary.results[0]?.files?.[0] ?? '')).toBe('tagged-9.9-x86_64-1.txz');

    await expect(packageProjects({ external: [], projects: [] }, { distro: 'nope', paths,
      packagers: {}, configDir: work, reporter: new MemoryReporter() }))
      .rejects.toThrow(/unknown packager "nope"/);
  });
});
