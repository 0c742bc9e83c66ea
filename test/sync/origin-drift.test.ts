import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryReporter } from '../../src/core/reporter.js';
import { emptySettings } from '../../src/config/settings.js';
import { describeOriginDrift, repositoryIdentity } from '../../src/sync/origin-drift.js';
import { syncProjects } from '../../src/sync/sync-projects.js';

describe('repositoryIdentity', () => {
  it('ignores protocol, user, port and .git', () => {
    const same = ['https://invent.kde.org/frameworks/kio.git',
      'git@invent.kde.org:frameworks/kio.git', 'ssh://git@invent.kde.org:22/frameworks/kio',
      'git://invent.kde.org/frameworks/kio/'];
    expect(new Set(same.map(repositoryIdentity)))
      .toEqual(new Set(['invent.kde.org/frameworks/kio']));
  });

  it('has none for a local path', () => {
    expect(repositoryIdentity('/srv/git/kio.git')).toBeUndefined();
  });
});

describe('describeOriginDrift', () => {
  it('says nothing when only the protocol differs', () => {
    expect(describeOriginDrift('git@invent.kde.org:frameworks/kio.git',
      'https://invent.kde.org/frameworks/kio.git')).toBeUndefined();
  });

  it('names both URLs and the command when the repository moved', () => {
    expect(describeOriginDrift('git://anongit.kde.org/kio',
      'https://invent.kde.org/frameworks/kio.git')).toBe(
      'origin is git://anongit.kde.org/kio but the metadata says ' +
      'https://invent.kde.org/frameworks/kio.git; to follow it: ' +
      'git remote set-url origin https://invent.kde.org/frameworks/kio.git');
  });
});

describe('sync on a checkout whose origin moved', () => {
  it('warns and leaves origin as it was', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'kappy-drift-'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 'K', GIT_AUTHOR_EMAIL: 'k@e.org',
      GIT_COMMITTER_NAME: 'K', GIT_COMMITTER_EMAIL: 'k@e.org' };
    const git = (cwd: string, ...args: string[]): string =>
      execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
    const work = path.join(root, 'work');
    execFileSync('mkdir', ['-p', work]);
    git(work, 'init', '-q', '-b', 'master');
    git(work, 'commit', '-q', '--allow-empty', '-m', 'one');
    const old = path.join(root, 'old.git');
    git(root, 'clone', '-q', '--bare', work, old);
    const checkout = path.join(root, 'cache/test/kio');
    git(root, 'clone', '-q', `file://${old}`, checkout);
    const moved = `file://${path.join(root, 'new.git')}`;

    const reporter = new MemoryReporter();
    const summary = await syncProjects([{ path: 'test/kio', name: 'kio', repository: moved,
      branch: 'master', dependencies: [], externalDependencies: [],
      settings: emptySettings() }], { cacheDir: path.join(root, 'cache'), jobs: 1, reporter });

    expect(summary.results[0]?.status).toBe('unchanged');
    expect(git(checkout, 'remote', 'get-url', 'origin')).toBe(`file://${old}`);
    const warnings = reporter.events.filter((e) => e.kind === 'warn');
    expect(warnings.map((e) => e.project)).toEqual(['test/kio']);
    expect(warnings[0]?.message).toContain(`git remote set-url origin ${moved}`);
  });
});
