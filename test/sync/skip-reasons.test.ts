import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listUncommitted } from '../../src/sync/git-queries.js';
import { openGit } from '../../src/sync/open-git.js';
import { describeUncommitted, plural, skipped } from '../../src/sync/skip-reasons.js';
import { Sandbox, git, planned } from './git-fixtures.js';

const ADVICE = 'commit or stash them yourself, then sync again';

function modified(count: number): string[] {
  return Array.from({ length: count }, (_, index) => ` M src/file${index + 1}.cpp`);
}

describe('describeUncommitted', () => {
  it('names a single changed file and says what to do', () => {
    expect(describeUncommitted([' M CMakeLists.txt']))
      .toBe(`uncommitted changes (CMakeLists.txt); ${ADVICE}`);
  });

  it('drops the status columns, staged or not', () => {
    expect(describeUncommitted(['M  staged.cpp', ' M unstaged.cpp', 'MM both.cpp',
      'D  gone.h', 'R  old.h -> new.h']))
      .toBe(`uncommitted changes (staged.cpp, unstaged.cpp, both.cpp, gone.h, old.h -> new.h); ` +
        ADVICE);
  });

  it('names all of exactly five files with no "more"', () => {
    const reason = describeUncommitted(modified(5));
    expect(reason).toContain('(src/file1.cpp, src/file2.cpp, src/file3.cpp, src/file4.cpp, ' +
      'src/file5.cpp)');
    expect(reason).not.toContain('more');
  });

  it.each([[6, 1], [12, 7], [1000, 995]])('names five of %i files and counts the other %i',
    (count, rest) => {
      const reason = describeUncommitted(modified(count));
      expect(reason).toBe('uncommitted changes (src/file1.cpp, src/file2.cpp, src/file3.cpp, ' +
        `src/file4.cpp, src/file5.cpp, and ${rest} more); ${ADVICE}`);
    });

  it('keeps git\'s quoting of unusual file names', () => {
    expect(describeUncommitted([' M "with space.txt"']))
      .toContain('("with space.txt")');
  });
});

describe('describeUncommitted on a real checkout', () => {
  let box: Sandbox;

  beforeAll(async () => {
    box = await Sandbox.create();
  });
  afterAll(async () => box.dispose());

  it('names the tracked files git reports, not untracked ones', async () => {
    const remote = await box.remote('dirty');
    await writeFile(path.join(remote.work, 'README'), 'edited\n');
    await writeFile(path.join(remote.work, 'notes.txt'), 'untracked\n');
    await writeFile(path.join(remote.work, 'added.txt'), 'staged\n');
    git(remote.work, 'add', 'added.txt');

    const lines = await listUncommitted(openGit(remote.work));
    const reason = describeUncommitted(lines);
    expect(reason).toMatch(/^uncommitted changes \((README, added\.txt|added\.txt, README)\); /);
    expect(reason).not.toContain('notes.txt');
  });
});

describe('plural', () => {
  it.each([
    [0, 'local commits'], [1, 'local commit'], [2, 'local commits'], [31, 'local commits'],
  ])('says "%i %s"', (count, noun) => {
    expect(plural(count, 'local commit')).toBe(`${count} ${noun}`);
  });
});

describe('skipped', () => {
  it('keeps the project path, the commit left checked out and the reason', () => {
    const project = planned('frameworks/kcoreaddons', 'file:///x.git');
    const reason = describeUncommitted([' M a.cpp']);
    expect(skipped(project, { commit: 'abc123', ref: 'refs/heads/master' }, reason)).toEqual({
      project: 'frameworks/kcoreaddons', status: 'skipped', commit: 'abc123', reason,
    });
  });
});
