import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Paths } from '../config/settings.js';

/** What kappy remembers about one project between runs. */
export interface ProjectState {
  fingerprint: string;
  /** Short hash per fingerprint input, to say what changed next time. */
  inputs: Record<string, string>;
  status: 'built' | 'failed' | 'interrupted';
  commit?: string;
  finishedAt: string;
  durationMs?: number;
}

/** The last run, for `--resume`. */
export interface LastRun {
  runId: string;
  startedAt: string;
  /** The run ignored fingerprints; a resume keeps doing so for what is left. */
  force: boolean;
  /** The projects the run meant to build, in order. */
  projects: string[];
  /** The projects it finished (built or up to date). */
  completed: string[];
  interrupted: boolean;
}

export interface BuildState {
  version: 1;
  projects: Record<string, ProjectState>;
  lastRun?: LastRun;
}

export function stateFileOf(paths: Paths): string {
  return path.join(paths.build, '.kappy-state.json');
}

export function emptyBuildState(): BuildState {
  return { version: 1, projects: {} };
}

/**
 * Reads the state; a missing file is a first run. An unreadable one is
 * reported as `problem` and treated as empty: the cost is a full rebuild,
 * never a wrong skip.
 */
export async function readBuildState(file: string):
  Promise<{ state: BuildState; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { state: emptyBuildState() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<BuildState>;
    if (parsed.version !== 1 || typeof parsed.projects !== 'object') throw new Error('version');
    return { state: parsed as BuildState };
  } catch {
    return { state: emptyBuildState(),
      problem: `build state ${file} is unreadable; rebuilding everything` };
  }
}

/**
 * Holds the state of a run and writes it after every change, atomically
 * (temporary file, then rename), one write at a time, so an interrupted run
 * leaves the last complete state behind.
 */
export class BuildStateStore {
  private pending: Promise<void> = Promise.resolve();

  constructor(readonly file: string, readonly state: BuildState) {}

  update(change: (state: BuildState) => void): Promise<void> {
    change(this.state);
    const text = JSON.stringify(this.state, null, 2) + '\n';
    // A failed write must not stop the ones after it.
    this.pending = this.pending.catch(() => undefined).then(() => this.write(text));
    return this.pending;
  }

  flush(): Promise<void> {
    return this.pending;
  }

  private async write(text: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, this.file);
  }
}

/**
 * The projects the last run meant to build, in order: what `kappy build
 * --resume` without selectors should plan again. Undefined before any run.
 */
export async function lastRunProjects(paths: Paths): Promise<string[] | undefined> {
  const { state } = await readBuildState(stateFileOf(paths));
  return state.lastRun?.projects;
}
