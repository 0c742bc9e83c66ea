import { describe, expect, it } from 'vitest';

import {
  findCommitRefusal, findPathRefusal, findRefRefusal, findRefusal, findUrlRefusal,
} from '../../src/sync/find-refusal.js';
import { checkoutPath } from '../../src/sync/checkout-path.js';
import { planned } from './git-fixtures.js';

describe('findUrlRefusal', () => {
  it.each([
    'https://invent.kde.org/frameworks/kcoreaddons.git',
    'http://example.org/x.git',
    'git://anongit.kde.org/kcoreaddons',
    'ssh://git@invent.kde.org/frameworks/kcoreaddons.git',
    'file:///srv/git/kcoreaddons.git',
    'git@invent.kde.org:frameworks/kcoreaddons.git',
    'invent.kde.org:frameworks/kcoreaddons.git',
  ])('accepts %s', (url) => {
    expect(findUrlRefusal(url)).toBeUndefined();
  });

  it.each([
    ['ext::sh -c touch% /tmp/pwned', 'transport "ext"'],
    ['fd::1', 'transport "fd"'],
    ['-oProxyCommand=touch /tmp/pwned', 'starts with "-"'],
    ['--upload-pack=touch /tmp/pwned', 'starts with "-"'],
    ['ssh://-oProxyCommand=touch/x', 'user or host starting with "-"'],
    ['-oProxyCommand=x@host:path', 'starts with "-"'],
    ['user@-oProxyCommand=x:path', 'user or host starting with "-"'],
    ['ftp://example.org/x.git', 'transport "ftp"'],
    ['git+ssh://host/x.git', 'transport "git+ssh"'],
    ['/srv/git/x.git', 'file:// URL'],
    ['https://example.org/x\n.git', 'whitespace or control'],
    ['', 'empty'],
  ])('refuses %j (%s)', (url, why) => {
    expect(findUrlRefusal(url)).toContain(why);
  });
});

describe('findPathRefusal', () => {
  it('accepts KDE project paths', () => {
    expect(findPathRefusal('frameworks/kcoreaddons')).toBeUndefined();
    expect(findPathRefusal('kde/workspace/plasma-workspace')).toBeUndefined();
  });

  it.each([
    ['../evil', '".."'],
    ['frameworks/../../evil', '".."'],
    ['/abs/path', 'absolute'],
    ['frameworks//kcoreaddons', 'empty segment'],
    ['frameworks/', 'empty segment'],
    ['', 'empty'],
    ['frameworks/kcoreaddons/.git/hooks', 'starting with "."'],
    ['-rf', 'starting with "-"'],
    ['a\\b', 'backslash'],
  ])('refuses %j (%s)', (projectPath, why) => {
    expect(findPathRefusal(projectPath)).toContain(why);
  });

  it('keeps checkoutPath inside the cache', () => {
    expect(checkoutPath('/cache', 'frameworks/kcoreaddons')).toBe('/cache/frameworks/kcoreaddons');
    expect(() => checkoutPath('/cache', '../evil')).toThrow(/"\.\.\/evil"/);
  });
});

describe('refs and commits', () => {
  it('refuses option-like and malformed names', () => {
    expect(findRefRefusal('branch', '-D')).toContain('starts with "-"');
    expect(findRefRefusal('tag', 'v1..2')).toContain('not a valid git ref name');
    expect(findRefRefusal('branch', 'kf5')).toBeUndefined();
    expect(findRefRefusal('branch', 'release/24.02')).toBeUndefined();
    expect(findCommitRefusal('--help')).toContain('not a hexadecimal commit id');
    expect(findCommitRefusal('1234abcd')).toBeUndefined();
  });

  it('checks every field of a planned project', () => {
    const url = 'https://example.org/x.git';
    expect(findRefusal(planned('a/b', url))).toBeUndefined();
    expect(findRefusal(planned('a/b', url, { name: '-x' }))).toContain('project name "-x"');
    expect(findRefusal(planned('a/b', url, { branch: '--orphan' }))).toContain('branch');
    expect(findRefusal(planned('a/b', url, { settings: { tag: '-t' } }))).toContain('tag');
  });
});
