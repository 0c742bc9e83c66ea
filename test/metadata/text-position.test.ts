import { describe, expect, it } from 'vitest';
import { locateOffset } from '../../src/metadata/text-position.js';

describe('locateOffset', () => {
  const text = 'ab\ncd\n\nef';

  it('gives 1-based lines and columns', () => {
    expect(locateOffset(text, 0)).toEqual({ line: 1, column: 1 });
    expect(locateOffset(text, 4)).toEqual({ line: 2, column: 2 });
    expect(locateOffset(text, text.length)).toEqual({ line: 4, column: 3 });
  });

});
