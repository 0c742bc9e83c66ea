import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { quoteShellWord } from '../../src/package/shell-quote.js';

const SHELLS = ['/bin/sh', 'bash'];

/** What `printf %s <quoted>` prints in a real shell: the word the shell saw. */
function echoed(shell: string, quoted: string, cwd?: string): string {
  return execFileSync(shell, ['-c', `printf %s ${quoted}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent-home' },
    ...(cwd === undefined ? {} : { cwd }),
  });
}

const SPECIAL_WORDS = [
  'usr/share/doc/my file.txt',
  'it\'s',
  '\'',
  '\'\'',
  'say "hi"',
  '$(touch pwned)',
  '`touch pwned`',
  '$HOME',
  '${HOME}',
  'back\\slash',
  '\\',
  'a;touch pwned',
  'a&touch pwned',
  'a&&b',
  'a|cat',
  'a||b',
  '*',
  'etc/*.conf',
  '?',
  '[ab]',
  '~',
  '~/x',
  '~root',
  '#comment',
  '!history',
  '{a,b}',
  'a>b',
  '<in',
  '(sub)',
  'tab\there',
  'new\nline',
  'trailing space ',
  ' ',
  '',
  'usr/share/caf\u00e9',
  '-rf',
  '--',
  '-n',
];

describe('quoteShellWord', () => {
  it.each(['usr/lib64/libKF6CoreAddons.so.6', 'etc/xdg/kdeglobals.new',
    'a_b-c+d=e:f,g@h%i', '-rf'])('leaves the plain word %j as it is', (word) => {
    expect(quoteShellWord(word)).toBe(word);
  });

  it.each(SPECIAL_WORDS.filter((word) => !/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)))(
    'puts %j in single quotes', (word) => {
      const quoted = quoteShellWord(word);
      expect(quoted.startsWith('\'')).toBe(true);
      expect(quoted.endsWith('\'')).toBe(true);
    });

  for (const shell of SHELLS) {
    it.each(SPECIAL_WORDS)(`${shell} reads %j back exactly`, (word) => {
      expect(echoed(shell, quoteShellWord(word))).toBe(word);
    });

    it(`${shell} sees every quoted word as exactly one word`, () => {
      const words = SPECIAL_WORDS.filter((word) => word !== '');
      const script = `printf '%s\\0' ${words.map(quoteShellWord).join(' ')}`;
      const out = execFileSync(shell, ['-c', script], { encoding: 'utf8' });
      expect(out.split('\0').slice(0, -1)).toEqual(words);
    });
  }

  it('runs nothing hidden in a file name', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kappy-quote-'));
    try {
      for (const shell of SHELLS) {
        for (const word of SPECIAL_WORDS.filter((w) => w.includes('pwned'))) {
          echoed(shell, quoteShellWord(word), dir);
        }
      }
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
