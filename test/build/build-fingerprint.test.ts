import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDirOf, buildProjects, type BuildOptions } from '../../src/build/build-projects.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import type { BuildPlan } from '../../src/graph/build-plan.js';
import { commitAll, customProject, makeWorkspace, planOf, TimedRunner,
  writeCheckouts } from './build-fixtures.js';

async function gitWorkspace(plan: BuildPlan): Promise<Omit<BuildOptions, 'runner'>> {
  const paths = await makeWorkspace();
  await writeCheckouts(paths, plan);
  for (const project of plan.projects) commitAll(path.join(paths.cache, project.path));
  return { paths, jobs: 2, onFailure: 'continue', reporter: new MemoryReporter() };
}

/** Builds and returns which projects actually ran a build. */
async function builtBy(plan: BuildPlan, options: Omit<BuildOptions, 'runner'>):
  Promise<string[]> {
  const runner = new TimedRunner(() => 1);
  const summary = await buildProjects(plan, { ...options, runner });
  expect(summary.ok).toBe(true);
  return runner.startOrder().sort();
}

const chain = (): BuildPlan => planOf([customProject('a'), customProject('b', ['a']),
  customProject('c')]);

describe('fingerprints', () => {
  it('skips unchanged projects and reports them up to date', async () => {
    const plan = chain();
    const options = await gitWorkspace(plan);
    expect(await builtBy(plan, options)).toEqual(['a', 'b', 'c']);

    const runner = new TimedRunner(() => 1);
    const summary = await buildProjects(plan, { ...options, runner });
    expect(runner.startOrder()).toEqual([]);
    expect(summary.results.map((r) => r.status)).toEqual(['up-to-date', 'up-to-date',
      'up-to-date']);
  });

  it('rebuilds a project with a new commit, and its dependents', async () => {
    const plan = chain();
    const options = await gitWorkspace(plan);
    await builtBy(plan, options);

    const dir = path.join(options.paths.cache, 'a');
    await writeFile(path.join(dir, 'main.c'), 'int main(void) { return 0; }\n');
    commitAll(dir, 'add main.c');
    expect(await builtBy(plan, options)).toEqual(['a', 'b']);
  });

  it('rebuilds on uncommitted edits and on untracked files', async () => {
    const plan = chain();
    const options = await gitWorkspace(plan);
    await builtBy(plan, options);

    await writeFile(path.join(options.paths.cache, 'c', 'README'), 'edited\n');
    expect(await builtBy(plan, options)).toEqual(['c']);
    expect(await builtBy(plan, options)).toEqual([]);

    await writeFile(path.join(options.paths.cache, 'c', 'new.txt'), 'new\n');
    expect(await builtBy(plan, options)).toEqual(['c']);
    await writeFile(path.join(options.paths.cache, 'c', 'new.txt'), 'changed\n');
    expect(await builtBy(plan, options)).toEqual(['c']);
  });

  it('rebuilds when an option or the environment of a project changes', async () => {
    const plan = chain();
    const options = await gitWorkspace(plan);
    await builtBy(plan, options);

    const flagged = planOf([plan.projects[0]!, customProject('b', ['a'], { cflags: '-O3' }),
      plan.projects[2]!]);
    expect(await builtBy(flagged, options)).toEqual(['b']);

    const withEnv = planOf([customProject('a', [], { env: { FOO: '1' } }),
      flagged.projects[1]!, plan.projects[2]!]);
    expect(await builtBy(withEnv, options)).toEqual(['a', 'b']);

    const reporter = new MemoryReporter();
    await buildProjects(plan, { ...options, reporter, runner: new TimedRunner(() => 1) });
    const reasons = reporter.events.filter((e) => e.kind === 'info')
      .map((e) => `${e.project ?? ''}: ${e.message}`);
    expect(reasons).toContain('a: building: environment changed');
    expect(reasons).toContain('b: building: environment, dependencies changed');
  });

  it('--force rebuilds everything; --refresh-build also empties the build directory',
    async () => {
      const plan = chain();
      const options = await gitWorkspace(plan);
      await builtBy(plan, options);
      expect(await builtBy(plan, { ...options, force: true })).toEqual(['a', 'b', 'c']);

      const marker = path.join(buildDirOf(options.paths, 'a'), 'stale-object.o');
      await writeFile(marker, '');
      expect(await builtBy(plan, { ...options, refreshBuild: true })).toEqual(['a', 'b', 'c']);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(buildDirOf(options.paths, 'a'))).toBe(true);
    });

  it('rebuilds a project whose last build failed', async () => {
    const plan = chain();
    const options = await gitWorkspace(plan);
    await buildProjects(plan, { ...options, runner: new TimedRunner(() => 1, new Set(['c'])) });
    expect(await builtBy(plan, options)).toEqual(['c']);
  });
});
