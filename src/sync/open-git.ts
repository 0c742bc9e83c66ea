/**
 * Every git process sync starts goes through here, so the safety settings
 * cannot be forgotten on one call: only the transports kappy accepts, no
 * `ext::` even if a config file allows it, and no prompt that would block a
 * parallel run forever waiting for a password nobody sees.
 *
 * simple-git waits 50 ms after a command that printed nothing, so callers
 * prefer git commands that print something.
 */
import { simpleGit, type SimpleGit, type SimpleGitProgressEvent } from 'simple-git';

export const ALLOWED_PROTOCOLS = 'https:http:git:ssh:file';

// Variables we set ourselves, and the user's own ssh choice, which we keep.
const ALLOWED_ENVIRONMENT = [
  'GIT_ALLOW_PROTOCOL',
  'GIT_TERMINAL_PROMPT',
  'GIT_OPTIONAL_LOCKS',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
];

// simple-git refuses explicit values for these (they can run programs); it
// would strip the inherited ones anyway, so we drop them up front.
const GUARDED_NAMES = new Set([
  'editor', 'pager', 'prefix', 'ssh_askpass', 'visual',
]);

const IDLE_TIMEOUT_MS = 180_000;

export interface OpenGitOptions {
  signal?: AbortSignal;
  onProgress?: (event: SimpleGitProgressEvent) => void;
}

export function openGit(dir: string, options: OpenGitOptions = {}): SimpleGit {
  const git = simpleGit({
    baseDir: dir,
    config: ['protocol.ext.allow=never'],
    allowConfig: ['protocol.ext.allow'],
    allowEnvironment: ALLOWED_ENVIRONMENT,
    // A stalled connection is killed and then counts as a transient error.
    timeout: { block: IDLE_TIMEOUT_MS },
    ...(options.signal ? { abort: options.signal } : {}),
    ...(options.onProgress ? { progress: options.onProgress } : {}),
  });
  return git.env(buildGitEnvironment(process.env));
}

export function buildGitEnvironment(inherited: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value === undefined || isGuarded(key)) continue;
    env[key] = value;
  }

  env.GIT_ALLOW_PROTOCOL = ALLOWED_PROTOCOLS;
  env.GIT_TERMINAL_PROMPT = '0';
  // `git status` must not rewrite the index, so --pretend writes nothing.
  env.GIT_OPTIONAL_LOCKS = '0';
  keepSshChoice(env, inherited);
  return env;
}

function isGuarded(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith('git_') || GUARDED_NAMES.has(lower);
}

// ssh asks for passwords on the terminal, not through git: BatchMode makes it
// fail at once instead, unless the user chose their own ssh command.
function keepSshChoice(env: Record<string, string>, inherited: NodeJS.ProcessEnv): void {
  if (inherited.GIT_SSH_COMMAND !== undefined) {
    env.GIT_SSH_COMMAND = inherited.GIT_SSH_COMMAND;
  } else if (inherited.GIT_SSH !== undefined) {
    env.GIT_SSH = inherited.GIT_SSH;
  } else {
    env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  }
}

/** The text of a git failure: its stderr, trimmed, without blank lines. */
export function describeGitError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const joined = lines.join('; ');
  return joined.length > 600 ? `${joined.slice(0, 600)}…` : joined;
}
