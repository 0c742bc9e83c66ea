import { describe, expect, it } from 'vitest';
import { hashText } from '../../src/core/hash-text.js';

describe('hashText', () => {
  it('is FNV-1a, 32 bits, as 8 hex digits (the published test vectors)', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('a')).toBe('e40c292c');
    expect(hashText('foobar')).toBe('bf9cf968');
  });

  it('tells apart paths that differ in one character', () => {
    expect(hashText('/home/dev/kde_projects.xml'))
      .not.toBe(hashText('/home/dev/kde_projects.xmm'));
  });
});
