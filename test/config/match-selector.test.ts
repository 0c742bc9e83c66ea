import { describe, expect, it } from 'vitest';

import { matchesSelector } from '../../src/config/match-selector.js';
import { splitWords } from '../../src/config/split-words.js';

describe('matchesSelector', () => {
  const kcoreaddons = { path: 'frameworks/kcoreaddons', name: 'kcoreaddons' };

  it('matches by full path, by name and by prefix pattern', () => {
    expect(matchesSelector('frameworks/kcoreaddons', kcoreaddons)).toBe(true);
    expect(matchesSelector('kcoreaddons', kcoreaddons)).toBe(true);
    expect(matchesSelector('frameworks/*', kcoreaddons)).toBe(true);
    expect(matchesSelector('*', kcoreaddons)).toBe(true);
  });

  it('does not match other projects', () => {
    expect(matchesSelector('frameworks', kcoreaddons)).toBe(false);
    expect(matchesSelector('kde/*', kcoreaddons)).toBe(false);
    expect(matchesSelector('kcore', kcoreaddons)).toBe(false);
    expect(matchesSelector('other/kcoreaddons', kcoreaddons)).toBe(false);
  });
});

describe('splitWords', () => {
  it('splits option strings on whitespace, honouring quotes like kdesrc-build', () => {
    expect(splitWords('  -DA=1\t-DB="x y"  -DC=\'p q\' ')).toEqual(['-DA=1', '-DB=x y',
      '-DC=p q']);
    expect(splitWords('-DE=a\\ b ""')).toEqual(['-DE=a b', '']);
    expect(splitWords('')).toEqual([]);
  });
});
