/**
 * Read-only questions about a checkout. Each runs one git command that
 * prints something (see open-git.ts for why that matters).
 */
import type { SimpleGit } from 'simple-git';

import { readHeadFiles } from './read-head-files.js';

/** An existing checkout and the git that runs in it. */
export interface Checkout {
  git: SimpleGit;
  dir: string;
}

export interface Head {
  commit: string;
  /** `refs/heads/<branch>`, or undefined when HEAD is detached. */
  ref?: string;
}

/** HEAD of the checkout at `dir`, from its files when they are plain enough. */
export async function readHead(git: SimpleGit, dir: string): Promise<Head> {
  const fromFiles = await readHeadFiles(dir);
  if (fromFiles !== undefined) return fromFiles;

  const out = await git.raw(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD']);
  const [commit = '', ref = 'HEAD'] = out.trim().split('\n');
  return ref === 'HEAD' ? { commit } : { commit, ref };
}

export interface RemoteBranch {
  branch: string;
  commit: string;
}

/** The remote's commit for a branch (its default branch when undefined). */
export async function lsRemoteBranch(
  git: SimpleGit,
  branch: string | undefined,
): Promise<RemoteBranch | undefined> {
  if (branch === undefined) return lsRemoteDefault(git);

  const ref = `refs/heads/${branch}`;
  const out = await git.raw(['ls-remote', 'origin', ref]);
  const commit = parseLsRemote(out).get(ref);
  return commit === undefined ? undefined : { branch, commit };
}

async function lsRemoteDefault(git: SimpleGit): Promise<RemoteBranch | undefined> {
  const out = await git.raw(['ls-remote', '--symref', 'origin', 'HEAD']);
  const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
  const commit = parseLsRemote(out).get('HEAD');
  return symref === undefined || commit === undefined ? undefined : { branch: symref, commit };
}

function parseLsRemote(out: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const match = /^([0-9a-f]{40,64})\t(\S+)$/.exec(line);
    if (match?.[1] && match[2]) refs.set(match[2], match[1]);
  }
  return refs;
}

/** The commit `revision` names in this repository, or undefined if it has none. */
export async function resolveCommit(git: SimpleGit, revision: string): Promise<string | undefined> {
  try {
    // Callers pass checked names and ids only, never a value starting with "-".
    const out = await git.raw(['rev-parse', '--verify', `${revision}^{commit}`]);
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function mergeBase(git: SimpleGit, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git.raw(['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Commits reachable from `to` but not from `from`. */
export async function countCommits(git: SimpleGit, from: string, to: string): Promise<number> {
  const out = await git.raw(['rev-list', '--count', `${from}..${to}`]);
  return Number.parseInt(out.trim(), 10);
}

/**
 * Tracked files with changes, staged or not, as `git status` shows them.
 * Untracked files do not count: a fast-forward keeps them, and git itself
 * refuses to overwrite one.
 */
export async function listUncommitted(git: SimpleGit): Promise<string[]> {
  // `-b` adds a header line, so the command always prints something.
  const out = await git.raw(['status', '--porcelain', '-b', '--untracked-files=no']);
  return out.split('\n').filter((line) => line !== '' && !line.startsWith('## '));
}

/** Whether a branch, tag or remote-tracking ref holds `commit`. */
export async function isHeldByRef(git: SimpleGit, commit: string): Promise<boolean> {
  const out = await git.raw([
    'for-each-ref', '--count=1', '--format=held', `--contains=${commit}`,
    'refs/heads', 'refs/tags', 'refs/remotes',
  ]);
  return out.trim() === 'held';
}
