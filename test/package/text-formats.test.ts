import { describe, expect, it } from 'vitest';

import { debianPackageName, debianVersion } from '../../src/package/debian/debian-fields.js';
import { createSymlinkLines } from '../../src/package/slackware/doinst.js';
import { slackwareVersion } from '../../src/package/slackware/package-name.js';
import { createSlackDesc } from '../../src/package/slackware/slack-desc.js';

describe('versions', () => {
  it('makes git describe output safe for Slackware and Debian', () => {
    expect(slackwareVersion('v5.103.0-12-gabc1234')).toBe('5.103.0_12_gabc1234');
    expect(slackwareVersion('0.0.0-gabc1234')).toBe('0.0.0_gabc1234');
    expect(debianVersion('v5.103.0-12-gabc1234')).toBe('5.103.0+12+gabc1234');
    expect(debianVersion('master_1')).toBe('0~master+1');
    expect(debianPackageName('KCoreAddons')).toBe('kcoreaddons');
    expect(debianPackageName('kde_cli tools')).toBe('kde-cli-tools');
  });
});

describe('createSlackDesc', () => {
  it('wraps a long description into 11 lines of at most 71 columns', () => {
    const text = 'Word '.repeat(300);
    const lines = createSlackDesc('pkg', `Short summary. ${text}`).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('pkg: pkg (Short summary)');
    expect(lines.every((line) => line.length - 'pkg:'.length <= 71)).toBe(true);
    expect(lines[10]?.endsWith('...')).toBe(true);
  });

  it('uses a complete override as given and checks it', () => {
    const override = ['# comment', ...Array.from({ length: 11 }, (_, i) => `pkg: line ${i}`)]
      .join('\n');
    expect(createSlackDesc('pkg', 'ignored', override).split('\n')[0]).toBe('pkg: line 0');
    expect(() => createSlackDesc('pkg', undefined, 'pkg: one\npkg: two'))
      .toThrow(/has 2 lines starting with "pkg:"; installpkg expects exactly 11/);
  });
});

describe('createSymlinkLines', () => {
  it('writes makepkg lines, quoting only what needs it', () => {
    const link = (file: string, target: string) => ({ path: file, kind: 'symlink' as const,
      mode: 0o777, mtime: 0, size: 0, linkTarget: target });
    expect(createSymlinkLines([link('top', 'x'), link("a b/it's", '-weird target')])).toBe(
      '( cd . ; rm -rf top )\n( cd . ; ln -sf x top )\n' +
      "( cd 'a b' ; rm -rf 'it'\\''s' )\n( cd 'a b' ; ln -sf -- '-weird target' 'it'\\''s' )\n");
  });
});
