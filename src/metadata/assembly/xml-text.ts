// AssemblyScript: the text of element content and attribute values, as the
// scanner (scan-kde-projects.ts) reports it: references decoded, line ends
// normalized, CDATA as written, trimmed as JavaScript's trim() does.

import { at, find3, isWord, startsWith, tagEnd } from './bytes';

/** decode() then trim whitespace as JavaScript's String.prototype.trim does. */
export function decodeTrimmed(start: usize, end: usize, into: usize): usize {
  let last = decode(start, end, into);
  let first = into;
  while (first < last) {
    const n = spaceAt(first, last);
    if (n == 0) break;
    first += n;
  }
  while (last > first) {
    const n = spaceBefore(first, last);
    if (n == 0) break;
    last -= n;
  }
  if (first > into) memory.copy(into, first, last - first);
  return last - first;
}

/**
 * The text of an element's content: character data with references decoded
 * and line ends normalized, CDATA as written; comments, processing
 * instructions and child elements (with their text) left out. The content
 * was checked by scan() already. Returns the end of the decoded bytes.
 */
export function decode(p: usize, end: usize, into: usize): usize {
  let nested = 0;
  while (p < end) {
    const c = at(p);
    if (c == 0x3c) {
      const next = at(p + 1);
      if (startsWith(p, "<![CDATA[")) {
        const close = find3(p + 2, end, 0x5d, 0x5d, 0x3e);
        if (nested == 0) into = copyNormalized(p + 9, close, into);
        p = close + 3;
      } else if (next == 0x21) {
        p = find3(p + 2, end, 0x2d, 0x2d, 0x3e) + 3;
      } else if (next == 0x3f) {
        p = find3(p + 2, end, 0x3f, 0x3e, 0) + 2;
      } else {
        const gt = tagEnd(p, end);
        if (next == 0x2f) nested--;
        else if (at(gt - 1) != 0x2f) nested++;
        p = gt + 1;
      }
    } else if (nested > 0) {
      p++;
    } else if (c == 0x26) {
      const after = reference(p, end, into);
      if (after != 0) {
        p = after;
        into = decodedEnd;
      } else {
        store<u8>(into++, c);
        p++;
      }
    } else {
      // Plain text up to the next markup or reference.
      let stop = p + 1;
      while (stop < end && at(stop) != 0x3c && at(stop) != 0x26) stop++;
      into = copyNormalized(p, stop, into);
      p = stop;
    }
  }
  return into;
}

/** Copies [p, end) with CR LF and lone CR turned into LF. */
function copyNormalized(p: usize, end: usize, into: usize): usize {
  while (p < end) {
    const c = at(p);
    if (c == 0x0d) {
      store<u8>(into++, 0x0a);
      p += at(p + 1) == 0x0a ? 2 : 1;
    } else {
      store<u8>(into++, c);
      p++;
    }
  }
  return into;
}

let decodedEnd: usize = 0;

/**
 * `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` at p: writes the
 * character, sets decodedEnd and returns the offset after `;`. Anything else
 * (and code points Unicode does not have) stays as written: returns 0.
 */
function reference(p: usize, end: usize, into: usize): usize {
  let cp: u32 = 0;
  let q = p + 1;
  if (at(q) == 0x23) {
    q++;
    const hex = at(q) == 0x78;
    if (hex) q++;
    const digits = q;
    while (q < end) {
      const d = digitValue(at(q), hex);
      if (d < 0) break;
      // Past U+10FFFF the value only needs to stay too large.
      if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + u32(d);
      q++;
    }
    if (q == digits || q >= end || at(q) != 0x3b) return 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  } else {
    const start = q;
    while (q < end && q - start < 5 && at(q) != 0x3b) q++;
    if (q >= end || at(q) != 0x3b) return 0;
    const len = q - start;
    if (isWord(start, len, "lt")) cp = 0x3c;
    else if (isWord(start, len, "gt")) cp = 0x3e;
    else if (isWord(start, len, "amp")) cp = 0x26;
    else if (isWord(start, len, "quot")) cp = 0x22;
    else if (isWord(start, len, "apos")) cp = 0x27;
    else return 0;
  }
  decodedEnd = encodeUtf8(cp, into);
  return q + 1;
}

function digitValue(c: u32, hex: bool): i32 {
  if (c >= 0x30 && c <= 0x39) return i32(c - 0x30);
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return i32(c - 0x61 + 10);
  if (c >= 0x41 && c <= 0x46) return i32(c - 0x41 + 10);
  return -1;
}

function encodeUtf8(cp: u32, into: usize): usize {
  if (cp < 0x80) {
    store<u8>(into++, cp);
  } else if (cp < 0x800) {
    store<u8>(into++, 0xc0 | (cp >> 6));
    store<u8>(into++, 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    store<u8>(into++, 0xe0 | (cp >> 12));
    store<u8>(into++, 0x80 | ((cp >> 6) & 0x3f));
    store<u8>(into++, 0x80 | (cp & 0x3f));
  } else {
    store<u8>(into++, 0xf0 | (cp >> 18));
    store<u8>(into++, 0x80 | ((cp >> 12) & 0x3f));
    store<u8>(into++, 0x80 | ((cp >> 6) & 0x3f));
    store<u8>(into++, 0x80 | (cp & 0x3f));
  }
  return into;
}

/**
 * Bytes of the whitespace character starting at p, else 0. JavaScript's
 * trim() set: ASCII \t \n \v \f \r and space, U+00A0, U+1680, U+2000–200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
 */
function spaceAt(p: usize, end: usize): usize {
  const c = at(p);
  if (c == 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  if (c == 0xc2) return p + 1 < end && at(p + 1) == 0xa0 ? 2 : 0;
  if (c < 0xe1 || p + 2 >= end) return 0;
  return isWideSpace(c, at(p + 1), at(p + 2)) ? 3 : 0;
}

/** Bytes of the whitespace character ending just before `end`, else 0. */
function spaceBefore(start: usize, end: usize): usize {
  const c = at(end - 1);
  if (c == 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  if (end - start >= 2 && c == 0xa0 && at(end - 2) == 0xc2) return 2;
  if (end - start < 3) return 0;
  return isWideSpace(at(end - 3), at(end - 2), c) ? 3 : 0;
}

function isWideSpace(a: u32, b: u32, c: u32): bool {
  if (a == 0xe1) return b == 0x9a && c == 0x80;
  if (a == 0xe3) return b == 0x80 && c == 0x80;
  if (a == 0xef) return b == 0xbb && c == 0xbf;
  if (a != 0xe2) return false;
  if (b == 0x80) return c <= 0x8a && c >= 0x80 || c == 0xa8 || c == 0xa9 || c == 0xaf;
  return b == 0x81 && c == 0x9f;
}
