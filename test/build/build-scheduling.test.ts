import { describe, expect, it } from 'vitest';
import { buildProjects, type BuildOptions } from '../../src/build/build-projects.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import type { BuildPlan } from '../../src/graph/build-plan.js';
import { ControlledRunner, customProject, makeWorkspace, planOf, TimedRunner,
  writeCheckouts } from './build-fixtures.js';

async function setUp(plan: BuildPlan): Promise<Omit<BuildOptions, 'runner'>> {
  const paths = await makeWorkspace();
  await writeCheckouts(paths, plan);
  return { paths, jobs: 4, onFailure: 'continue', reporter: new MemoryReporter() };
}

function statuses(summary: Awaited<ReturnType<typeof buildProjects>>): Record<string, string> {
  return Object.fromEntries(summary.results.map((r) => [r.project, r.status]));
}

describe('scheduling', () => {
  it('starts independent projects together and a dependent only after all its deps', async () => {
    const plan = planOf([customProject('a'), customProject('b'),
      customProject('c', ['a', 'b'])]);
    const runner = new ControlledRunner();
    const done = buildProjects(plan, { ...(await setUp(plan)), runner });

    await runner.waitForRunning('a', 'b');
    runner.finish('a');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runner.started).not.toContain('c');

    runner.finish('b');
    await runner.waitForRunning('c');
    runner.finish('c');
    const summary = await done;
    expect(summary.ok).toBe(true);
    expect(statuses(summary)).toEqual({ a: 'built', b: 'built', c: 'built' });
  });

  it('splits the job budget between running builds and never exceeds it', async () => {
    const plan = planOf([customProject('root'),
      ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p) => customProject(p, ['root'])),
      customProject('last', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'])]);
    const runner = new TimedRunner(() => 15);
    const summary = await buildProjects(plan, { ...(await setUp(plan)), runner, jobs: 4 });

    expect(summary.ok).toBe(true);
    expect(runner.maxJobsInUse).toBeLessThanOrEqual(4);
    expect(runner.maxConcurrent).toBeGreaterThan(1);
    // Alone, a build gets the whole budget.
    expect(runner.events.find((e) => e.project === 'root')?.jobs).toBe(4);
    expect(runner.events.find((e) => e.project === 'last')?.jobs).toBe(4);
  });

  it('never starts a project before every dependency has finished', async () => {
    const plan = planOf([customProject('a'), customProject('b', ['a']),
      customProject('c', ['a']), customProject('d', ['b', 'c']), customProject('e'),
      customProject('f', ['e', 'd'])]);
    const runner = new TimedRunner((p) => (p.charCodeAt(0) % 3) * 5 + 5);
    await buildProjects(plan, { ...(await setUp(plan)), runner, jobs: 3 });

    for (const project of plan.projects) {
      for (const dep of project.dependencies) {
        expect(runner.indexOf(dep, 'end')).toBeLessThan(runner.indexOf(project.path, 'start'));
      }
    }
  });

  it('starts the longest chain first when the budget allows one build', async () => {
    const plan = planOf([customProject('s1'), customProject('s2'), customProject('x1'),
      customProject('x2', ['x1']), customProject('x3', ['x2'])]);
    const runner = new TimedRunner(() => 2);
    await buildProjects(plan, { ...(await setUp(plan)), runner, jobs: 1 });

    expect(runner.startOrder()[0]).toBe('x1');
  });

  it('respects a project\'s own jobs cap', async () => {
    const plan = planOf([customProject('capped', [], { jobs: 2 })]);
    const runner = new TimedRunner(() => 1);
    await buildProjects(plan, { ...(await setUp(plan)), runner, jobs: 8 });
    expect(runner.events[0]?.jobs).toBe(2);
  });
});

describe('failure policy', () => {
  it('continue: blocks every dependent of a failure, directly or not, and builds the rest',
    async () => {
      const plan = planOf([customProject('a'), customProject('b', ['a']),
        customProject('c', ['b']), customProject('d'), customProject('e', ['d'])]);
      const runner = new TimedRunner(() => 2, new Set(['a']));
      const summary = await buildProjects(plan, { ...(await setUp(plan)), runner });

      expect(summary.ok).toBe(false);
      expect(statuses(summary)).toEqual({ a: 'failed', b: 'blocked', c: 'blocked',
        d: 'built', e: 'built' });
      const blocked = summary.results.filter((r) => r.status === 'blocked');
      expect(blocked.map((r) => r.blockedBy)).toEqual(['a', 'a']);
      expect(summary.results[0]?.phase).toBe('build');
    });

  it('stop: lets running builds finish and starts nothing new', async () => {
    const plan = planOf([customProject('a'), customProject('d'), customProject('e', ['d']),
      customProject('f', ['a'])]);
    const runner = new ControlledRunner();
    const done = buildProjects(plan, { ...(await setUp(plan)), runner, jobs: 2,
      onFailure: 'stop' });

    await runner.waitForRunning('a', 'd');
    runner.finish('a', 1);
    runner.finish('d');
    const summary = await done;
    expect(statuses(summary)).toEqual({ a: 'failed', d: 'built', e: 'skipped',
      f: 'blocked' });
    expect(runner.started).toEqual(expect.arrayContaining(['a', 'd']));
    expect(runner.started).toHaveLength(2);
  });
});

describe('interrupt and resume', () => {
  it('records the running project as interrupted and resumes exactly the unfinished ones',
    async () => {
      const plan = planOf([customProject('a'), customProject('b', ['a']),
        customProject('c', ['b']), customProject('d', ['a'])]);
      const options = await setUp(plan);
      const abort = new AbortController();
      const runner = new ControlledRunner();
      const done = buildProjects(plan, { ...options, runner, jobs: 1, signal: abort.signal });

      await runner.waitForRunning('a');
      runner.finish('a');
      await runner.waitForRunning('b');
      abort.abort();
      const interrupted = await done;
      expect(interrupted.interrupted).toBe(true);
      expect(statuses(interrupted)).toEqual({ a: 'built', b: 'interrupted', c: 'skipped',
        d: 'skipped' });

      const resumeRunner = new TimedRunner(() => 1);
      const resumed = await buildProjects(plan, { ...options, runner: resumeRunner,
        resume: true });
      expect(resumeRunner.startOrder().sort()).toEqual(['b', 'c', 'd']);
      expect(resumed.ok).toBe(true);
    });

  it('keeps --force for what a forced run left unfinished', async () => {
    const plan = planOf([customProject('a'), customProject('b', ['a']),
      customProject('c', ['b'])]);
    const options = await setUp(plan);
    await buildProjects(plan, { ...options, runner: new TimedRunner(() => 1) });

    const abort = new AbortController();
    const runner = new ControlledRunner();
    const done = buildProjects(plan, { ...options, runner, force: true, signal: abort.signal });
    await runner.waitForRunning('a');
    runner.finish('a');
    await runner.waitForRunning('b');
    abort.abort();
    await done;

    const resumeRunner = new TimedRunner(() => 1);
    await buildProjects(plan, { ...options, runner: resumeRunner, resume: true });
    expect(resumeRunner.startOrder()).toEqual(['b', 'c']);
  });
});

describe('slices and sources', () => {
  it('--resume-from and --stop-after cut the order', async () => {
    const plan = planOf(['a', 'b', 'c', 'd', 'e'].map((p) => customProject(p)));
    const runner = new TimedRunner(() => 1);
    const summary = await buildProjects(plan, { ...(await setUp(plan)), runner,
      resumeFrom: 'b', stopAfter: 'd' });
    expect(runner.startOrder().sort()).toEqual(['b', 'c', 'd']);
    expect(statuses(summary)).toMatchObject({ a: 'skipped', e: 'skipped' });
    expect(summary.ok).toBe(true);
  });

  it('fails a project missing from the cache and blocks its dependents', async () => {
    const plan = planOf([customProject('here'), customProject('kde/gone'),
      customProject('after', ['kde/gone'])]);
    const options = await setUp(planOf([plan.projects[0]!]));
    const summary = await buildProjects(plan, { ...options, runner: new TimedRunner(() => 1) });

    const gone = summary.results.find((r) => r.project === 'kde/gone');
    expect(gone?.status).toBe('failed');
    expect(gone?.message).toContain('not in the cache');
    expect(gone?.message).toContain('kappy sync gone');
    expect(statuses(summary)).toMatchObject({ here: 'built', after: 'blocked' });
  });

  it('waits for each source and fails the projects whose sync failed', async () => {
    const plan = planOf([customProject('a'), customProject('b'), customProject('c', ['b'])]);
    const waited: string[] = [];
    const summary = await buildProjects(plan, { ...(await setUp(plan)),
      runner: new TimedRunner(() => 1),
      waitForSource: async (project) => {
        waited.push(project.path);
        return project.path !== 'b';
      } });
    expect(statuses(summary)).toEqual({ a: 'built', b: 'failed', c: 'blocked' });
    expect(waited.sort()).toEqual(['a', 'b']);
  });

  it('rejects a bad budget and an unknown slice with a usage error', async () => {
    const plan = planOf([customProject('a')]);
    const options = await setUp(plan);
    await expect(buildProjects(plan, { ...options, jobs: 0 })).rejects.toThrow(/--jobs/);
    await expect(buildProjects(plan, { ...options, stopAfter: 'zzz' }))
      .rejects.toThrow(/--stop-after: "zzz"/);
  });
});
