/**
 * Runs a graph of tasks under one CPU budget: a task starts when its
 * dependencies are done, takes a share of the budget as its `-j`, and gives
 * it back when it ends. Among ready tasks the highest priority (longest
 * remaining chain) starts first. Knows nothing of processes or files.
 */

export interface ScheduleTask {
  id: string;
  /** Ids of tasks in this schedule; anything else counts as done. */
  dependencies: readonly string[];
  /** Cap on this task's share (a project's own `jobs`). */
  maxJobs?: number;
  /** Higher starts first. */
  priority: number;
}

export type TaskOutcome = 'succeeded' | 'failed' | 'interrupted';

export interface ScheduleHooks {
  /**
   * Awaited first, once the dependencies are done, for something outside
   * the build (the sync of the task's source); false fails the task.
   */
  waitFor?(id: string): Promise<boolean>;
  /**
   * Awaited next, before any budget is taken; should be quick (it holds
   * back lower-priority tasks): `done` ends the task without running it.
   */
  prepare?(id: string): Promise<'run' | 'done' | 'failed'>;
  run(id: string, jobs: number): Promise<TaskOutcome>;
}

/**
 * - `succeeded`, `failed`, `interrupted`: what `run` said.
 * - `done`: `prepare` found nothing to do.
 * - `blocked`: a dependency failed; `by` is that failure, not an
 *   intermediate blocked task.
 * - `not-started`: the run stopped (`stop` policy after a failure, or an
 *   abort) before this task could start.
 */
export type TaskEnd =
  | { state: 'succeeded' | 'done' | 'failed' | 'interrupted' }
  | { state: 'blocked'; by: string }
  | { state: 'not-started' };

export interface ScheduleOptions {
  /** The global budget, in jobs. */
  jobs: number;
  onFailure: 'continue' | 'stop';
  signal?: AbortSignal;
}

type Phase = 'waiting' | 'gated' | 'preparing' | 'ready' | 'running';

export function runSchedule(tasks: readonly ScheduleTask[], hooks: ScheduleHooks,
  options: ScheduleOptions): Promise<Map<string, TaskEnd>> {
  return new Promise((resolve) => new Schedule(tasks, hooks, options, resolve).pump());
}

class Schedule {
  private readonly phases = new Map<string, Phase>();
  private readonly ends = new Map<string, TaskEnd>();
  private readonly order: Map<string, number>;
  private freeJobs: number;
  private failed = false;

  constructor(private readonly tasks: readonly ScheduleTask[],
    private readonly hooks: ScheduleHooks, private readonly options: ScheduleOptions,
    private readonly resolve: (ends: Map<string, TaskEnd>) => void) {
    this.freeJobs = Math.max(1, Math.floor(options.jobs));
    this.order = new Map(tasks.map((task, index) => [task.id, index]));
    for (const task of tasks) this.phases.set(task.id, 'waiting');
    options.signal?.addEventListener('abort', () => this.pump(), { once: true });
  }

  pump(): void {
    this.releaseWaiting();
    if (this.stopping()) this.dropReady();
    else this.startReady();
    if (this.ends.size === this.tasks.length) this.resolve(this.ends);
  }

  private stopping(): boolean {
    return this.options.signal?.aborted === true ||
      (this.failed && this.options.onFailure === 'stop');
  }

  /** Moves tasks whose dependencies ended to preparing, blocked or not-started. */
  private releaseWaiting(): void {
    for (const task of this.tasks) {
      if (this.phases.get(task.id) !== 'waiting') continue;
      const deps = task.dependencies.filter((id) => this.order.has(id));
      if (!deps.every((id) => this.ends.has(id))) continue;

      const blocker = this.blockerOf(deps);
      if (blocker) this.end(task.id, { state: 'blocked', by: blocker });
      else if (this.stopping() || deps.some((id) => !this.isDone(id))) {
        this.end(task.id, { state: 'not-started' });
      } else this.open(task.id);
    }
  }

  private open(id: string): void {
    if (!this.hooks.waitFor) {
      this.prepare(id);
      return;
    }
    this.phases.set(id, 'gated');
    void this.hooks.waitFor(id).catch(() => false).then((open) => {
      if (!open) this.end(id, { state: 'failed' });
      else if (this.stopping()) this.end(id, { state: 'not-started' });
      else this.prepare(id);
      this.pump();
    });
  }

  private blockerOf(deps: readonly string[]): string | undefined {
    for (const id of deps) {
      const end = this.ends.get(id);
      if (end?.state === 'failed') return id;
      if (end?.state === 'blocked') return end.by;
    }
    return undefined;
  }

  private isDone(id: string): boolean {
    const state = this.ends.get(id)?.state;
    return state === 'succeeded' || state === 'done';
  }

  private prepare(id: string): void {
    this.phases.set(id, 'preparing');
    const prepared = this.hooks.prepare ? this.hooks.prepare(id) : Promise.resolve('run' as const);
    void prepared.catch(() => 'failed' as const).then((verdict) => {
      if (verdict === 'run' && this.stopping()) this.end(id, { state: 'not-started' });
      else if (verdict === 'run') this.phases.set(id, 'ready');
      else this.end(id, { state: verdict === 'done' ? 'done' : 'failed' });
      this.pump();
    });
  }

  private dropReady(): void {
    for (const [id, phase] of this.phases) {
      if (phase === 'ready') this.end(id, { state: 'not-started' });
    }
  }

  private startReady(): void {
    while (this.freeJobs > 0) {
      const next = this.nextReady();
      if (!next) return;
      const jobs = this.shareFor(next);
      this.freeJobs -= jobs;
      this.phases.set(next.id, 'running');
      void this.hooks.run(next.id, jobs).catch(() => 'failed' as const).then((outcome) => {
        this.freeJobs += jobs;
        if (outcome === 'failed') this.failed = true;
        this.end(next.id, { state: outcome });
        this.pump();
      });
    }
  }

  /**
   * The ready task with the highest priority, unless a task still being
   * prepared outranks it: preparing takes milliseconds, and the first task
   * to be ready should not take the budget from the critical path.
   */
  private nextReady(): ScheduleTask | undefined {
    let best: ScheduleTask | undefined;
    let bestPreparing = -Infinity;
    for (const task of this.tasks) {
      const phase = this.phases.get(task.id);
      if (phase === 'preparing') bestPreparing = Math.max(bestPreparing, task.priority);
      if (phase === 'ready' && (!best || task.priority > best.priority)) best = task;
    }
    return best && best.priority >= bestPreparing ? best : undefined;
  }

  /**
   * An even split of the free budget among the tasks about to start
   * (ready, or preparing and likely to be ready soon), at least 1.
   */
  private shareFor(task: ScheduleTask): number {
    let contenders = 0;
    for (const phase of this.phases.values()) {
      if (phase === 'ready' || phase === 'preparing') contenders++;
    }
    const even = Math.max(1, Math.floor(this.freeJobs / Math.max(1, contenders)));
    return Math.max(1, Math.min(even, task.maxJobs ?? Infinity));
  }

  private end(id: string, end: TaskEnd): void {
    this.phases.delete(id);
    this.ends.set(id, end);
  }
}
