import { describe, expect, it } from 'vitest';

import {
  runSchedule, type ScheduleHooks, type ScheduleOptions, type ScheduleTask, type TaskEnd,
  type TaskOutcome,
} from '../../src/build/scheduler.js';

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function task(id: string, dependencies: string[] = [], extra: Partial<ScheduleTask> = {}):
  ScheduleTask {
  return { id, dependencies, priority: 0, ...extra };
}

/**
 * Hooks whose runs end only when the test says so, recording what started
 * with how many jobs and the most jobs ever held at once.
 */
class Runs {
  readonly started: { id: string; jobs: number }[] = [];
  readonly ended: string[] = [];
  private readonly finishers = new Map<string, (outcome: TaskOutcome) => void>();
  private held = 0;
  peak = 0;

  readonly hooks: ScheduleHooks = {
    run: (id, jobs) => {
      this.started.push({ id, jobs });
      this.held += jobs;
      this.peak = Math.max(this.peak, this.held);
      return new Promise((resolve) => {
        this.finishers.set(id, (outcome) => {
          this.held -= jobs;
          this.ended.push(id);
          resolve(outcome);
        });
      });
    },
  };

  get running(): string[] {
    return [...this.finishers.keys()];
  }

  async finish(id: string, outcome: TaskOutcome = 'succeeded'): Promise<void> {
    const finisher = this.finishers.get(id);
    if (!finisher) throw new Error(`${id} is not running (running: ${this.running.join(', ')})`);
    this.finishers.delete(id);
    finisher(outcome);
    await settle();
  }

  jobsOf(id: string): number | undefined {
    return this.started.find((start) => start.id === id)?.jobs;
  }
}

function start(tasks: ScheduleTask[], hooks: ScheduleHooks,
  options: Partial<ScheduleOptions> = {}): Promise<Map<string, TaskEnd>> {
  return runSchedule(tasks, hooks, { jobs: 4, onFailure: 'continue', ...options });
}

/** Runs that succeed at once, in start order. */
function instant(): { order: string[]; hooks: ScheduleHooks } {
  const order: string[] = [];
  return { order, hooks: { run: async (id) => { order.push(id); return 'succeeded'; } } };
}

describe('runSchedule budget', () => {
  it('splits the budget evenly among the tasks ready together', async () => {
    const runs = new Runs();
    const done = start([task('a'), task('b'), task('c')], runs.hooks, { jobs: 6 });
    await settle();

    expect(runs.started).toEqual(['a', 'b', 'c'].map((id) => ({ id, jobs: 2 })));
    for (const id of ['a', 'b', 'c']) await runs.finish(id);
    await done;
  });

  it('gives a lone task the whole budget, but no more than its own cap', async () => {
    const alone = new Runs();
    const first = start([task('a')], alone.hooks, { jobs: 8 });
    await settle();
    expect(alone.started).toEqual([{ id: 'a', jobs: 8 }]);
    await alone.finish('a');
    await first;

    const capped = new Runs();
    const second = start([task('a', [], { maxJobs: 3 })], capped.hooks, { jobs: 8 });
    await settle();
    expect(capped.started).toEqual([{ id: 'a', jobs: 3 }]);
    await capped.finish('a');
    await second;
  });

  it('gives each task at least one job and starts no more than the budget allows', async () => {
    const runs = new Runs();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const done = start(ids.map((id) => task(id)), runs.hooks, { jobs: 4 });
    await settle();

    expect(runs.started).toEqual(['a', 'b', 'c', 'd'].map((id) => ({ id, jobs: 1 })));
    await runs.finish('b');
    expect(runs.started.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const id of ['a', 'c', 'd', 'e', 'f']) await runs.finish(id);
    expect(runs.peak).toBe(4);
    await done;
  });

  it('hands the jobs a task gives back to the tasks that were waiting for it', async () => {
    const runs = new Runs();
    const done = start([task('lib'), task('app1', ['lib']), task('app2', ['lib'])], runs.hooks,
      { jobs: 6 });
    await settle();
    expect(runs.started).toEqual([{ id: 'lib', jobs: 6 }]);

    await runs.finish('lib');
    expect(runs.started.slice(1)).toEqual([{ id: 'app1', jobs: 3 }, { id: 'app2', jobs: 3 }]);
    await runs.finish('app1');
    await runs.finish('app2');
    expect([...(await done).values()].every((end) => end.state === 'succeeded')).toBe(true);
  });

  it('treats a budget below one as one, and a fraction as its whole part', async () => {
    const jobs: number[] = [];
    const hooks: ScheduleHooks = { run: async (_, j) => { jobs.push(j); return 'succeeded'; } };
    await start([task('a')], hooks, { jobs: 0 });
    await start([task('a')], hooks, { jobs: 2.7 });
    expect(jobs).toEqual([1, 2]);
  });

  it('never holds more than the budget on a large graph finishing in any order', async () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const tasks = Array.from({ length: 40 }, (_, index) => task(`t${index}`,
      Array.from({ length: index }, (__, dep) => `t${dep}`).filter(() => random() < 0.08),
      { priority: Math.floor(random() * 10), ...(random() < 0.3 ? { maxJobs: 2 } : {}) }));
    const runs = new Runs();
    const done = start(tasks, runs.hooks, { jobs: 7 });
    await settle();

    while (runs.ended.length < tasks.length) {
      const running = runs.running;
      expect(running.length).toBeGreaterThan(0);
      await runs.finish(running[Math.floor(random() * running.length)]!);
    }

    const ends = await done;
    expect(runs.peak).toBeLessThanOrEqual(7);
    expect(runs.peak).toBeGreaterThan(2);
    expect([...ends.values()].every((end) => end.state === 'succeeded')).toBe(true);
    for (const t of tasks) {
      const startedAt = runs.started.findIndex((s) => s.id === t.id);
      for (const dep of t.dependencies) {
        const depStarted = runs.started.findIndex((s) => s.id === dep);
        expect(depStarted).toBeLessThan(startedAt);
      }
      if (t.maxJobs !== undefined) expect(runs.jobsOf(t.id)).toBeLessThanOrEqual(t.maxJobs);
    }
  });
});

describe('runSchedule order', () => {
  it('starts the ready task with the longest remaining chain first', async () => {
    const { order, hooks } = instant();
    await start([task('short', [], { priority: 1 }), task('critical', [], { priority: 5 }),
      task('middle', [], { priority: 3 })], hooks, { jobs: 1 });
    expect(order).toEqual(['critical', 'middle', 'short']);
  });

  it('keeps the table order among equal priorities', async () => {
    const { order, hooks } = instant();
    await start([task('x'), task('y'), task('z')], hooks, { jobs: 1 });
    expect(order).toEqual(['x', 'y', 'z']);
  });

  it('holds the budget for a higher-priority task still preparing', async () => {
    const runs = new Runs();
    let releaseCritical: (verdict: 'run') => void = () => undefined;
    const hooks: ScheduleHooks = {
      ...runs.hooks,
      prepare: (id) => (id === 'critical'
        ? new Promise((resolve) => { releaseCritical = resolve; })
        : Promise.resolve('run')),
    };
    const done = start([task('small', [], { priority: 1 }),
      task('critical', [], { priority: 9 })], hooks, { jobs: 4 });
    await settle();
    expect(runs.started).toEqual([]);

    releaseCritical('run');
    await settle();
    expect(runs.started).toEqual([{ id: 'critical', jobs: 2 }, { id: 'small', jobs: 2 }]);
    await runs.finish('critical');
    await runs.finish('small');
    await done;
  });

  it('starts a task only after its dependencies, ignoring ids outside the schedule', async () => {
    const { order, hooks } = instant();
    const ends = await start([task('app', ['lib', 'qt6/qtbase']), task('lib', ['extra-cmake'])],
      hooks, { jobs: 8 });
    expect(order).toEqual(['lib', 'app']);
    expect(ends.get('app')).toEqual({ state: 'succeeded' });
  });

  it('resolves at once with nothing to do', async () => {
    expect(await start([], instant().hooks)).toEqual(new Map());
  });
});

describe('runSchedule failures', () => {
  const chain = [task('base'), task('mid', ['base']), task('top', ['mid']), task('other')];

  it('blocks everything above a failure, naming the failure itself', async () => {
    const ran: string[] = [];
    const ends = await start(chain, {
      run: async (id) => { ran.push(id); return id === 'base' ? 'failed' : 'succeeded'; },
    });
    expect(ran.sort()).toEqual(['base', 'other']);
    expect(Object.fromEntries(ends)).toEqual({
      base: { state: 'failed' },
      mid: { state: 'blocked', by: 'base' },
      top: { state: 'blocked', by: 'base' },
      other: { state: 'succeeded' },
    });
  });

  it('counts a run that throws as failed', async () => {
    const ends = await start([task('a'), task('b', ['a'])], {
      run: async () => { throw new Error('spawn ENOENT'); },
    });
    expect(Object.fromEntries(ends)).toEqual({
      a: { state: 'failed' }, b: { state: 'blocked', by: 'a' },
    });
  });

  it('starts nothing new after a failure with onFailure stop, and lets running tasks end',
    async () => {
      const runs = new Runs();
      const done = start([task('a'), task('b'), task('c'), task('d', ['b'])], runs.hooks,
        { jobs: 2, onFailure: 'stop' });
      await settle();
      expect(runs.running).toEqual(['a', 'b']);

      await runs.finish('a', 'failed');
      expect(runs.running).toEqual(['b']);
      await runs.finish('b');
      expect(Object.fromEntries(await done)).toEqual({
        a: { state: 'failed' }, b: { state: 'succeeded' },
        c: { state: 'not-started' }, d: { state: 'not-started' },
      });
    });

  it('ends a task prepare finds up to date as done, and builds its dependents', async () => {
    const { order, hooks } = instant();
    const ends = await start([task('lib'), task('app', ['lib'])], {
      ...hooks, prepare: async (id) => (id === 'lib' ? 'done' : 'run'),
    });
    expect(order).toEqual(['app']);
    expect(Object.fromEntries(ends)).toEqual({
      lib: { state: 'done' }, app: { state: 'succeeded' },
    });
  });

  it('fails a task whose prepare fails or throws, blocking its dependents', async () => {
    const { order, hooks } = instant();
    const ends = await start([task('a'), task('b'), task('c', ['a']), task('d', ['b'])], {
      ...hooks,
      prepare: async (id) => {
        if (id === 'a') return 'failed';
        if (id === 'b') throw new Error('cannot read build state');
        return 'run';
      },
    });
    expect(order).toEqual([]);
    expect(Object.fromEntries(ends)).toEqual({
      a: { state: 'failed' }, b: { state: 'failed' },
      c: { state: 'blocked', by: 'a' }, d: { state: 'blocked', by: 'b' },
    });
  });

  it('fails a task whose source never arrives, before taking any budget', async () => {
    const { order, hooks } = instant();
    const ends = await start([task('synced'), task('unsynced'), task('app', ['unsynced'])], {
      ...hooks,
      waitFor: async (id) => {
        if (id === 'unsynced') return false;
        return true;
      },
    });
    expect(order).toEqual(['synced']);
    expect(Object.fromEntries(ends)).toEqual({
      synced: { state: 'succeeded' }, unsynced: { state: 'failed' },
      app: { state: 'blocked', by: 'unsynced' },
    });
  });

  it('stops starting tasks on abort and reports what the running ones said', async () => {
    const controller = new AbortController();
    const runs = new Runs();
    const done = start([task('a'), task('b'), task('c', ['a'])], runs.hooks,
      { jobs: 1, signal: controller.signal });
    await settle();
    expect(runs.running).toEqual(['a']);

    controller.abort();
    await settle();
    await runs.finish('a', 'interrupted');
    expect(Object.fromEntries(await done)).toEqual({
      a: { state: 'interrupted' }, b: { state: 'not-started' }, c: { state: 'not-started' },
    });
    expect(runs.started.map((s) => s.id)).toEqual(['a']);
  });
});
