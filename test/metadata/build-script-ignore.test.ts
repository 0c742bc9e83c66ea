import { describe, expect, it } from 'vitest';
import { parseIgnoreList } from '../../src/metadata/build-script-ignore.js';
import { KDE_DATA, readKdeFile } from './kde-data.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('parseIgnoreList', () => {
  it('reads the real build-script-ignore', () => {
    const ignore = parseIgnoreList(readKdeFile('build-script-ignore-2020-05-14-7477758'));
    expect(ignore).toHaveLength(14);
    expect(ignore[0]).toBe('extragear/kdevelop/kdev-www');
    expect(ignore).toContain('kde/kdemultimedia/strigi-multimedia');
    expect(ignore.some((entry) => entry.includes('#') || entry.includes(' '))).toBe(false);
  });

  it('drops a trailing comment (kde-builder repo-metadata fixture)', () => {
    const file = path.join(KDE_DATA, 'kde-builder-synthetic-fixtures/repo-metadata',
      'ignore-kde-projects');
    expect(parseIgnoreList(readFileSync(file, 'utf8'))).toEqual(['sdk/kde-ruleset']);
  });

  it('skips blank and comment lines and CRLF endings', () => {
    expect(parseIgnoreList('# c\r\n\r\n a/b \r\nc/d#x\n')).toEqual(['a/b', 'c/d']);
  });
});
