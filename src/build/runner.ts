import { spawn } from 'node:child_process';
import { open, type FileHandle } from 'node:fs/promises';
import type { Phase } from './build-types.js';

/** One command of one project's phase, with where its output goes. */
export interface RunRequest {
  project: string;
  phase: Phase;
  argv: string[];
  cwd: string;
  /** The complete environment (not merged with kappy's own). */
  env: Record<string, string>;
  /** Output (stdout and stderr, interleaved) is appended here. */
  logFile: string;
  /** The `-j` share this build got from the global budget. */
  jobs: number;
  signal?: AbortSignal;
}

export interface RunOutcome {
  /** null when the process was killed or could not start. */
  exitCode: number | null;
  signal?: NodeJS.Signals;
  /** Set on failure, phrased like execa: "Command failed with exit code 2: …". */
  failure?: string;
}

/** Runs commands; the default spawns processes, tests may pass their own. */
export interface Runner {
  run(request: RunRequest): Promise<RunOutcome>;
}

/** Time between SIGTERM and SIGKILL when a run is aborted. */
const DEFAULT_GRACE_MS = 3000;

/**
 * Spawns each command in its own process group so that an abort reaches
 * the whole tree (make → cc → cc1), not just the direct child.
 */
export function processRunner(options: { graceMs?: number } = {}): Runner {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  return {
    async run(request) {
      const log = await open(request.logFile, 'a');
      try {
        await log.write(`$ ${formatCommand(request.argv)}\n`);
        const outcome = await spawnLogged(request, log, graceMs);
        if (outcome.failure) await log.write(`\n${outcome.failure}\n`);
        return outcome;
      } finally {
        await log.close();
      }
    },
  };
}

function spawnLogged(request: RunRequest, log: FileHandle, graceMs: number): Promise<RunOutcome> {
  const command = formatCommand(request.argv);
  if (request.signal?.aborted) {
    return Promise.resolve({ exitCode: null, signal: 'SIGTERM',
      failure: `Command was killed with SIGTERM: ${command}` });
  }

  return new Promise((resolve) => {
    const [file = 'false', ...args] = request.argv;
    const child = spawn(file, args, { cwd: request.cwd, env: request.env, detached: true,
      stdio: ['ignore', log.fd, log.fd] });

    const onAbort = (): void => {
      killGroup(child.pid, 'SIGTERM');
      // Unref'd: the group is killed even if the direct child already left.
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs).unref();
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (outcome: RunOutcome): void => {
      request.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };

    child.once('error', (error: NodeJS.ErrnoException) => settle({ exitCode: null,
      failure: `Command failed with ${error.code ?? 'an error'}: ${command}\n${error.message}` }));
    child.once('close', (code, signal) => settle(outcomeOf(command, code, signal)));
  });
}

function outcomeOf(command: string, code: number | null,
  signal: NodeJS.Signals | null): RunOutcome {
  if (signal) {
    return { exitCode: null, signal, failure: `Command was killed with ${signal}: ${command}` };
  }
  if (code !== 0) {
    return { exitCode: code, failure: `Command failed with exit code ${code}: ${command}` };
  }
  return { exitCode: 0 };
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** A command line as a user would type it, quoting words with spaces or quotes. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((word) => /^[\w@%+=:,./-]+$/.test(word) ? word
    : `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
}
