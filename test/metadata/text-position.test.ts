import { describe, expect, it } from 'vitest';
import { LineCounter, locateOffset } from '../../src/metadata/text-position.js';

describe('locateOffset and LineCounter', () => {
  const text = 'ab\ncd\n\nef';

  it('gives 1-based lines and columns', () => {
    expect(locateOffset(text, 0)).toEqual({ line: 1, column: 1 });
    expect(locateOffset(text, 4)).toEqual({ line: 2, column: 2 });
    expect(locateOffset(text, text.length)).toEqual({ line: 4, column: 3 });
  });

  it('agrees with locateOffset for increasing and decreasing offsets', () => {
    const counter = new LineCounter(text);
    for (const offset of [0, 2, 3, 6, 7, 9, 1, 8]) {
      expect(counter.lineAt(offset)).toBe(locateOffset(text, offset).line);
    }
  });
});
