// AssemblyScript: byte-level helpers the scanner (scan-kde-projects.ts) and
// the value decoding (xml-text.ts) share. Each search takes the end it may
// not pass; bytes past the input read as zeros (see prepare()).

@inline
export function at(p: usize): u32 {
  return load<u8>(p);
}

@inline
export function align(p: usize): usize {
  return (p + 15) & ~15;
}

/** The first `<` at or after p, else `end`. SIMD: it sees most bytes of a document. */
export function findLt(p: usize, end: usize): usize {
  const lt = i8x16.splat(0x3c);
  for (; p + 16 <= end; p += 16) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(p), lt));
    if (mask != 0) return p + ctz<u32>(mask);
  }
  while (p < end && at(p) != 0x3c) p++;
  return p;
}

/** Offset of the first `a b c` (or `a b` when c is 0) in [p, end); 0 if none. */
export function find3(p: usize, end: usize, a: u32, b: u32, c: u32): usize {
  const last = c == 0 ? end - 1 : end - 2;
  for (; p < last; p++) {
    if (at(p) == a && at(p + 1) == b && (c == 0 || at(p + 2) == c)) return p;
  }
  return 0;
}

/** The `>` ending the (checked) tag at p, skipping quoted values; else `end`. */
export function tagEnd(p: usize, end: usize): usize {
  let quote: u32 = 0;
  for (; p < end; p++) {
    const c = at(p);
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == 0x22 || c == 0x27) {
      quote = c;
    } else if (c == 0x3e) {
      return p;
    }
  }
  return p;
}

export function startsWith(p: usize, text: string): bool {
  for (let i = 0; i < text.length; i++) {
    if (at(p + i) != u32(text.charCodeAt(i))) return false;
  }
  return true;
}

export function isWord(p: usize, len: usize, word: string): bool {
  return len == usize(word.length) && startsWith(p, word);
}

@inline
export function isSpace(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** ASCII letters, `_` and `:`; any byte of a UTF-8 sequence (XML allows most letters). */
@inline
export function isNameStart(c: u32): bool {
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || c == 0x5f || c == 0x3a || c >= 0x80;
}

@inline
export function isNameChar(c: u32): bool {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2e || c == 0x2d;
}
