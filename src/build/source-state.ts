import { execFile } from 'node:child_process';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { hashText } from './fingerprint.js';

const run = promisify(execFile);

/** What the source of a checkout is: its commit and a digest of local changes. */
export interface SourceState {
  commit: string;
  /** Empty for a clean checkout. */
  localChanges: string;
}

/**
 * One `git status` tells the commit and whether anything changed; only a
 * dirty checkout pays for `git diff HEAD` and reading untracked files.
 * A directory that is not a git checkout is described by its file list,
 * sizes and modification times.
 */
export async function readSourceState(dir: string): Promise<SourceState> {
  // Without its own .git, git would describe an enclosing repository.
  const isCheckout = await access(path.join(dir, '.git')).then(() => true, () => false);
  const status = isCheckout ? await git(dir, ['status', '--porcelain=v2', '--branch', '-z',
    '--untracked-files=all']).catch(() => undefined) : undefined;
  if (status === undefined) {
    return { commit: 'not-a-git-checkout', localChanges: await statTree(dir) };
  }

  const records = status.split('\0').filter((r) => r.length > 0);
  const oid = records.find((r) => r.startsWith('# branch.oid '))?.slice(13) ?? 'unknown';
  const changes = records.filter((r) => !r.startsWith('#'));
  if (changes.length === 0) return { commit: oid, localChanges: '' };

  const diff = await git(dir, ['diff', 'HEAD', '--binary']).catch(() => '');
  const untracked = await hashUntracked(dir, changes);
  return { commit: oid, localChanges: hashText([...changes, diff, untracked].join('\0')) };
}

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: dir, maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return stdout;
}

/** `git diff HEAD` leaves untracked files out; their content counts too. */
async function hashUntracked(dir: string, records: string[]): Promise<string> {
  const files = records.filter((r) => r.startsWith('? ')).map((r) => r.slice(2));
  const parts: string[] = [];
  for (const file of files) {
    const content = await readFile(path.join(dir, file)).catch(() => Buffer.alloc(0));
    parts.push(`${file}\0${hashText(content)}`);
  }
  return hashText(parts.join('\0'));
}

async function statTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const parts: string[] = [];
  for (const entry of entries.sort()) {
    const info = await stat(path.join(dir, entry)).catch(() => undefined);
    if (info?.isFile()) parts.push(`${entry}\0${info.size}\0${info.mtimeMs}`);
  }
  return hashText(parts.join('\0'));
}
