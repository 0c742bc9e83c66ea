// AssemblyScript: the JSON the scanner (scan-kde-projects.ts) writes, into a
// region of linear memory it lays out. Writing past the region only counts,
// so that the caller can tell the output overflowed.

import { at } from './bytes';

let out: usize = 0;
let outPos: usize = 0;
let outEnd: usize = 0;

/** Starts the output at `start`, `[` written; it may not pass `end`. */
export function startOutput(start: usize, end: usize): void {
  out = start;
  outPos = start;
  outEnd = end;
  put(0x5b); // [
}

/** Ends the array (the last element's comma dropped); false if it overflowed. */
export function endOutput(): bool {
  if (outPos > out + 1) outPos--;
  put(0x5d); // ]
  return outPos <= outEnd;
}

export function outputStart(): usize { return out; }
export function outputEnd(): usize { return outPos; }

export function putString(p: usize, len: usize): void {
  put(0x22);
  const end = p + len;
  for (; p < end; p++) {
    const c = at(p);
    if (c == 0x22 || c == 0x5c) {
      put(0x5c);
      put(c);
    } else if (c < 0x20) {
      putText("\\u00");
      put(hexDigit(c >> 4));
      put(hexDigit(c & 15));
    } else {
      put(c);
    }
  }
  put(0x22);
}

export function putNumber(value: u32): void {
  let divisor: u32 = 1;
  while (value / divisor >= 10) divisor *= 10;
  for (; divisor > 0; divisor /= 10) put(0x30 + (value / divisor) % 10);
}

export function putText(text: string): void {
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
}

@inline
export function put(c: u32): void {
  if (outPos < outEnd) store<u8>(outPos, c);
  outPos++;
}

function hexDigit(n: u32): u32 {
  return n < 10 ? 0x30 + n : 0x61 + n - 10;
}
