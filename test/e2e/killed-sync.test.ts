import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKappy, tempDir, writeConfig } from '../helpers/run-kappy.js';

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'K', GIT_AUTHOR_EMAIL: 'k@example.org',
  GIT_COMMITTER_NAME: 'K', GIT_COMMITTER_EMAIL: 'k@example.org' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
}

/** A remote big enough that its clone is still running when we kill kappy. */
function makeLargeRemote(root: string): { url: string; head: string } {
  const work = path.join(root, 'work');
  execFileSync('mkdir', ['-p', work]);
  git(work, 'init', '-q', '-b', 'master');
  execFileSync('sh', ['-c', 'head -c 48000000 /dev/urandom > blob'], { cwd: work });
  git(work, 'add', 'blob');
  git(work, 'commit', '-q', '-m', 'large');
  const bare = path.join(root, 'big.git');
  git(root, 'clone', '-q', '--bare', work, bare);
  return { url: `file://${bare}`, head: git(work, 'rev-parse', 'HEAD') };
}

function writeMetadata(dir: string, url: string): void {
  writeFileSync(path.join(dir, 'projects.xml'), `<?xml version="1.0"?>
<kdeprojects version="1"><component identifier="test"><path>test</path>
<project identifier="big"><path>test/big</path><repo>
<url protocol="file">${url}</url><branch i18n="trunk_kf5">master</branch>
<active>true</active></repo></project></component></kdeprojects>
`);
  writeConfig(`[metadata]\nprojects = "projects.xml"\nprotocols = ["file"]\n` +
    `[paths]\ncache = "cache"\n`, dir);
}

async function killWhenCloneStarts(cwd: string, parent: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/bin/kappy.js'), 'sync',
    'big'], { cwd, detached: true, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const entries = existsSync(parent) ? readdirSync(parent) : [];
    if (entries.some((e) => e.includes('.kappy-tmp-'))) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // SIGKILL the whole process group, git included: nothing gets to clean up.
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

describe('a sync killed mid-clone', () => {
  it('leaves no checkout at the target, and the next sync heals', async () => {
    const root = tempDir('kappy-killed-');
    const remote = makeLargeRemote(root);
    writeMetadata(root, remote.url);
    const parent = path.join(root, 'cache', 'test');
    const target = path.join(parent, 'big');

    await killWhenCloneStarts(root, parent);

    // What a killed clone leaves: a temp dir beside the target, never the target.
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent).some((e) => e.includes('.kappy-tmp-'))).toBe(true);

    const run = runKappy(['sync', 'big', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { results: { status: string }[] };
    expect(summary.results.map((r) => r.status)).toEqual(['cloned']);
    expect(git(target, 'rev-parse', 'HEAD')).toBe(remote.head);
    expect(git(target, 'status', '--porcelain')).toBe('');
    expect(readdirSync(parent)).toEqual(['big']);
  });
});
