import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryReporter } from '../../src/core/reporter.js';
import type { PlannedProject } from '../../src/graph/build-plan.js';
import {
  checkoutPath, syncProjects, type SyncOptions, type SyncResult,
} from '../../src/sync/sync-projects.js';
import { Sandbox, commit, git, planned, snapshot, type Remote } from './git-fixtures.js';

let box: Sandbox;
let reporter: MemoryReporter;

beforeEach(async () => {
  box = await Sandbox.create();
  reporter = new MemoryReporter();
});

afterEach(async () => {
  await box.dispose();
});

function sync(projects: PlannedProject[], options: Partial<SyncOptions> = {}) {
  return syncProjects(projects, { cacheDir: box.cache, jobs: 4, reporter, ...options });
}

function only(results: SyncResult[]): SyncResult {
  expect(results).toHaveLength(1);
  return results[0] as SyncResult;
}

function messages(kind: string, project: string): string[] {
  return reporter.events
    .filter((event) => event.kind === kind && event.project === project)
    .map((event) => event.message);
}

describe('syncProjects: clone and fast-forward', () => {
  let remote: Remote;
  let project: PlannedProject;
  let checkout: string;

  beforeEach(async () => {
    remote = await box.remote('kcoreaddons');
    project = planned('frameworks/kcoreaddons', remote.url, { branch: 'master' });
    checkout = checkoutPath(box.cache, project.path);
  });

  it('clones into the cache by project path, leaving no temp dir or lock', async () => {
    const summary = await sync([project]);

    const result = only(summary.results);
    expect(summary.ok).toBe(true);
    expect(result).toEqual({
      project: 'frameworks/kcoreaddons',
      status: 'cloned',
      commit: git(remote.bare, 'rev-parse', 'master'),
    });
    expect(await readFile(path.join(checkout, 'README'), 'utf8')).toBe('kcoreaddons\n');
    expect(git(checkout, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('master');
    expect(messages('start', project.path)).toEqual([`cloning ${remote.url}`]);
    expect(await readdir(path.dirname(checkout))).toEqual(['kcoreaddons']);
    expect(existsSync(path.join(box.cache, '.kappy-sync.lock'))).toBe(false);
  });

  it('fast-forwards with the commit count, then reports unchanged', async () => {
    await sync([project]);
    await commit(remote, 'a.txt', 'a\n', 'one');
    await commit(remote, 'b.txt', 'b\n', 'two');
    const head = await commit(remote, 'c.txt', 'c\n', 'three');

    const updated = only((await sync([project])).results);
    expect(updated).toEqual({
      project: project.path, status: 'updated', commit: head, newCommits: 3,
    });
    expect(messages('done', project.path)).toContain('updated (+3 commits)');
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(head);
    expect(await readFile(path.join(checkout, 'c.txt'), 'utf8')).toBe('c\n');

    const again = only((await sync([project])).results);
    expect(again).toEqual({ project: project.path, status: 'unchanged', commit: head });
  });

  it('follows the remote default branch when no branch is configured', async () => {
    const unbranched = planned('frameworks/kcoreaddons', remote.url);
    expect(only((await sync([unbranched])).results).status).toBe('cloned');
    const head = await commit(remote, 'a.txt', 'a\n', 'one');
    expect(only((await sync([unbranched])).results)).toMatchObject({
      status: 'updated', commit: head, newCommits: 1,
    });
  });

  it('calls onProjectDone once per project as each finishes', async () => {
    const other = await box.remote('ki18n');
    const done: string[] = [];
    await sync([project, planned('frameworks/ki18n', other.url)], {
      onProjectDone: (result) => done.push(`${result.project}:${result.status}`),
    });
    expect(done.sort()).toEqual(['frameworks/kcoreaddons:cloned', 'frameworks/ki18n:cloned']);
  });
});

describe('syncProjects: branch and pins', () => {
  let remote: Remote;

  beforeEach(async () => {
    remote = await box.remote('kio');
  });

  it('checks out and follows a configured branch', async () => {
    const kf5 = await commit(remote, 'VERSION', '5\n', 'kf5 line', 'kf5');
    await commit(remote, 'VERSION', '6\n', 'master moves on');
    const project = planned('frameworks/kio', remote.url, { branch: 'kf5' });
    const checkout = checkoutPath(box.cache, project.path);

    expect(only((await sync([project])).results)).toMatchObject({ status: 'cloned', commit: kf5 });
    expect(git(checkout, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('kf5');

    git(remote.work, 'checkout', '-q', kf5);
    const next = await commit(remote, 'VERSION', '5.1\n', 'kf5 fix', 'kf5');
    expect(only((await sync([project])).results)).toMatchObject({
      status: 'updated', commit: next, newCommits: 1,
    });
    expect(await readFile(path.join(checkout, 'VERSION'), 'utf8')).toBe('5.1\n');
  });

  it('checks out a pinned tag detached, and moves only when the pin moves', async () => {
    const v1 = git(remote.work, 'rev-parse', 'HEAD');
    git(remote.work, 'tag', 'v1');
    git(remote.work, 'push', '-q', 'origin', 'v1');
    const v2 = await commit(remote, 'NEWS', 'v2\n', 'release 2');
    git(remote.work, 'tag', 'v2');
    git(remote.work, 'push', '-q', 'origin', 'v2');
    const pinned = planned('frameworks/kio', remote.url, { settings: { tag: 'v1' } });
    const checkout = checkoutPath(box.cache, pinned.path);

    expect(only((await sync([pinned])).results)).toMatchObject({ status: 'cloned', commit: v1 });
    expect(git(checkout, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD');
    expect(existsSync(path.join(checkout, 'NEWS'))).toBe(false);

    await commit(remote, 'NEWS', 'later\n', 'after the tags');
    expect(only((await sync([pinned])).results)).toMatchObject({ status: 'unchanged', commit: v1 });

    const moved = planned('frameworks/kio', remote.url, { settings: { tag: 'v2' } });
    expect(only((await sync([moved])).results)).toMatchObject({ status: 'updated', commit: v2 });
    expect(await readFile(path.join(checkout, 'NEWS'), 'utf8')).toBe('v2\n');
  });

  it('checks out a pinned commit', async () => {
    const first = git(remote.work, 'rev-parse', 'HEAD');
    await commit(remote, 'later.txt', 'x\n', 'later');
    const pinned = planned('frameworks/kio', remote.url, { settings: { commit: first } });

    expect(only((await sync([pinned])).results)).toMatchObject({ status: 'cloned', commit: first });
    expect(git(checkoutPath(box.cache, pinned.path), 'rev-parse', 'HEAD')).toBe(first);
    expect(only((await sync([pinned])).results).status).toBe('unchanged');
  });

  it('fails a missing branch or tag without touching the checkout', async () => {
    const project = planned('frameworks/kio', remote.url, { branch: 'kf9' });
    const result = only((await sync([project])).results);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/kf9/);
    expect(existsSync(checkoutPath(box.cache, project.path))).toBe(false);
  });
});

describe('syncProjects: local work is never lost', () => {
  let remote: Remote;
  let project: PlannedProject;
  let checkout: string;

  beforeEach(async () => {
    remote = await box.remote('plasma-workspace');
    await commit(remote, 'CMakeLists.txt', 'project(pw)\n', 'cmake');
    project = planned('kde/workspace/plasma-workspace', remote.url, { branch: 'master' });
    checkout = checkoutPath(box.cache, project.path);
    await sync([project]);
  });

  it('skips a checkout with uncommitted changes, byte for byte intact', async () => {
    const edited = Buffer.from('project(pw)\r\n# local tweak \u00e9\u0000\n', 'latin1');
    await writeFile(path.join(checkout, 'CMakeLists.txt'), edited);
    await writeFile(path.join(checkout, 'README'), 'staged change\n');
    git(checkout, 'add', 'README');
    await writeFile(path.join(checkout, 'notes.txt'), 'untracked\n');
    const before = await snapshot(checkout, ['CMakeLists.txt', 'README', 'notes.txt']);
    await commit(remote, 'CMakeLists.txt', 'project(pw2)\n', 'upstream change');

    const result = only((await sync([project])).results);

    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/uncommitted changes \(.*CMakeLists\.txt/);
    expect(await snapshot(checkout, ['CMakeLists.txt', 'README', 'notes.txt'])).toEqual(before);
    expect(await readFile(path.join(checkout, 'CMakeLists.txt'))).toEqual(edited);
    expect(git(checkout, 'stash', 'list')).toBe('');
    expect(messages('skip', project.path)[0]).toMatch(/^skipped: uncommitted changes/);
  });

  it('keeps a local commit when upstream has nothing new', async () => {
    await writeFile(path.join(checkout, 'local.txt'), 'mine\n');
    git(checkout, 'add', 'local.txt');
    git(checkout, 'commit', '-q', '-m', 'local work');
    const mine = git(checkout, 'rev-parse', 'HEAD');

    const summary = await sync([project]);

    expect(only(summary.results)).toMatchObject({
      status: 'unchanged', commit: mine, reason: '1 local commit not on origin/master',
    });
    expect(summary.ok).toBe(true);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(mine);
  });

  it('skips a diverged branch and loses neither side', async () => {
    await writeFile(path.join(checkout, 'local.txt'), 'mine\n');
    git(checkout, 'add', 'local.txt');
    git(checkout, 'commit', '-q', '-m', 'local work');
    const mine = git(checkout, 'rev-parse', 'HEAD');
    const theirs = await commit(remote, 'upstream.txt', 'theirs\n', 'upstream work');
    const before = await snapshot(checkout, ['local.txt']);

    const summary = await sync([project]);

    const result = only(summary.results);
    expect(summary.ok).toBe(false);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/diverged.*1 local commit, 1 new upstream commit/);
    expect(await snapshot(checkout, ['local.txt'])).toEqual(before);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(mine);
    // Fetched, so the user can merge or rebase by hand.
    expect(git(checkout, 'rev-parse', 'origin/master')).toBe(theirs);
  });

  it('skips a checkout on another branch', async () => {
    git(checkout, 'switch', '-q', '-c', 'my-feature');
    await commit(remote, 'upstream.txt', 'theirs\n', 'upstream work');

    const result = only((await sync([project])).results);

    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/branch "my-feature" is checked out, not "master"/);
    expect(git(checkout, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('my-feature');
  });

  it('skips moving a dirty checkout to a new pin', async () => {
    git(remote.work, 'tag', 'v1');
    git(remote.work, 'push', '-q', 'origin', 'v1');
    await commit(remote, 'README', 'changed\n', 'readme');
    await writeFile(path.join(checkout, 'CMakeLists.txt'), 'local\n');
    const before = await snapshot(checkout, ['CMakeLists.txt']);
    git(remote.work, 'tag', 'v2');
    git(remote.work, 'push', '-q', 'origin', 'v2');

    const pinned = planned(project.path, remote.url, { settings: { tag: 'v2' } });
    const result = only((await sync([pinned])).results);

    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/uncommitted changes \(CMakeLists\.txt\)/);
    expect(await snapshot(checkout, ['CMakeLists.txt'])).toEqual(before);
  });
});

describe('syncProjects: failures and refusals', () => {
  it('fails a missing remote quickly while the others succeed', async () => {
    const good = await box.remote('karchive');
    const other = await box.remote('kconfig');
    const missingUrl = `file://${box.root}/remotes/nonexistent.git`;
    const projects = [
      planned('frameworks/karchive', good.url),
      planned('frameworks/missing', missingUrl),
      planned('frameworks/kconfig', other.url),
    ];

    const summary = await sync(projects, { retryDelayMs: 5_000 });

    expect(summary.results.map((r) => r.status)).toEqual(['cloned', 'failed', 'cloned']);
    expect(summary.ok).toBe(false);
    expect(summary.results[1]?.reason).toMatch(/does not appear to be a git repository/);
    // A permanent error is not retried.
    expect(messages('progress', 'frameworks/missing').filter((m) => m.startsWith('retry')))
      .toEqual([]);
    expect(messages('fail', 'frameworks/missing')[0]).toMatch(/^failed: .*nonexistent/);
    expect(existsSync(checkoutPath(box.cache, 'frameworks/missing'))).toBe(false);
  });

  it('refuses dangerous URLs and paths before git runs', async () => {
    const good = await box.remote('solid');
    const pwned = path.join(box.root, 'pwned');
    const projects = [
      planned('evil/ext', `ext::sh -c touch% ${pwned}`),
      planned('evil/option', `-oProxyCommand=touch ${pwned}`),
      planned('evil/ssh-option', 'ssh://-oProxyCommand=touch/x.git'),
      planned('evil/fd', 'fd::1'),
      planned('../evil', good.url, { name: 'evil' }),
      planned('/abs/evil', good.url, { name: 'evil' }),
      planned('frameworks/solid', good.url),
    ];

    const summary = await sync(projects);

    const byProject = new Map(summary.results.map((r) => [r.project, r]));
    const expectations: Array<[string, RegExp]> = [
      ['evil/ext', /refused: .*transport "ext"/],
      ['evil/option', /refused: .*starts with "-"/],
      ['evil/ssh-option', /refused: .*host starting with "-"/],
      ['evil/fd', /refused: .*transport "fd"/],
      ['../evil', /refused: project path "\.\.\/evil" contains "\.\."/],
      ['/abs/evil', /refused: project path "\/abs\/evil" is absolute/],
    ];
    for (const [project, reason] of expectations) {
      expect(byProject.get(project)?.status).toBe('failed');
      expect(byProject.get(project)?.reason).toMatch(reason);
      expect(messages('fail', project)).toHaveLength(1);
      expect(messages('start', project)).toEqual([]);
    }
    expect(byProject.get('frameworks/solid')?.status).toBe('cloned');
    expect(existsSync(pwned)).toBe(false);
    expect(existsSync(path.join(box.root, 'evil'))).toBe(false);
    expect(existsSync(path.join(box.cache, 'evil'))).toBe(false);
  });
});

describe('syncProjects: --offline and --pretend', () => {
  it('offline: reports what is missing and writes nothing', async () => {
    const present = await box.remote('kwidgetsaddons');
    const absent = await box.remote('kxmlgui');
    const projects = [
      planned('frameworks/kwidgetsaddons', present.url),
      planned('frameworks/kxmlgui', absent.url),
    ];
    await sync([projects[0] as PlannedProject]);
    await commit(present, 'new.txt', 'new\n', 'upstream');
    const kept = checkoutPath(box.cache, 'frameworks/kwidgetsaddons');
    const before = await snapshot(kept, []);

    const summary = await sync(projects, { offline: true });

    expect(summary.results.map((r) => r.status)).toEqual(['unchanged', 'missing']);
    expect(summary.ok).toBe(false);
    expect(summary.results[1]?.reason).toMatch(/not in the cache/);
    expect(existsSync(checkoutPath(box.cache, 'frameworks/kxmlgui'))).toBe(false);
    expect(await snapshot(kept, [])).toEqual(before);
  });

  it('pretend: says what would happen and changes nothing on disk', async () => {
    const remote = await box.remote('kbookmarks');
    const project = planned('frameworks/kbookmarks', remote.url, { branch: 'master' });

    expect(only((await sync([project], { pretend: true })).results).status).toBe('would-clone');
    expect(existsSync(box.cache)).toBe(false);

    await sync([project]);
    await commit(remote, 'new.txt', 'new\n', 'upstream');
    const checkout = checkoutPath(box.cache, project.path);
    const before = await snapshot(checkout, ['README']);
    const trackingBefore = git(checkout, 'rev-parse', 'origin/master');

    expect(only((await sync([project], { pretend: true })).results).status).toBe('would-update');
    expect(await snapshot(checkout, ['README'])).toEqual(before);
    expect(git(checkout, 'rev-parse', 'origin/master')).toBe(trackingBefore);
    expect(existsSync(path.join(checkout, 'new.txt'))).toBe(false);
  });
});
