import { existsSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildGitEnvironment, openGit } from '../../src/sync/open-git.js';
import { readHeadFiles } from '../../src/sync/read-head-files.js';
import { Sandbox, git } from './git-fixtures.js';

let box: Sandbox;

beforeEach(async () => {
  box = await Sandbox.create();
});

afterEach(async () => {
  await box.dispose();
});

describe('openGit', () => {
  it('blocks the ext:: transport even when validation is bypassed', async () => {
    const marker = path.join(box.root, 'pwned');
    await expect(openGit(box.root).raw(['ls-remote', `ext::sh -c touch% ${marker}`]))
      .rejects.toThrow(/not allowed/);
    expect(existsSync(marker)).toBe(false);
  });

  it('never prompts and keeps only the transports kappy allows', () => {
    const env = buildGitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/elsewhere', EDITOR: 'vi' });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      GIT_ALLOW_PROTOCOL: 'https:http:git:ssh:file',
      GIT_TERMINAL_PROMPT: '0',
      GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
    });
    expect(env.GIT_DIR).toBeUndefined();
    expect(env.EDITOR).toBeUndefined();
    const own = buildGitEnvironment({ GIT_SSH_COMMAND: 'ssh -i key' });
    expect(own.GIT_SSH_COMMAND).toBe('ssh -i key');
  });
});

describe('readHeadFiles', () => {
  it('agrees with git for loose, packed and detached HEADs', async () => {
    const repo = await box.remote('kauth').then((remote) => remote.work);
    const branchHead = { commit: git(repo, 'rev-parse', 'HEAD'), ref: 'refs/heads/master' };

    expect(await readHeadFiles(repo)).toEqual(branchHead);
    git(repo, 'pack-refs', '--all');
    expect(await readHeadFiles(repo)).toEqual(branchHead);
    git(repo, 'checkout', '-q', '--detach');
    expect(await readHeadFiles(repo)).toEqual({ commit: branchHead.commit });
    expect(await readHeadFiles(path.join(box.root, 'nowhere'))).toBeUndefined();
  });
});
