// AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs.
//
// Reads a legacy kde_projects.xml (the bytes of the file) into JSON: one
// object per element that has a <repo> child, with what kde-projects-xml.ts
// needs. The checks and the reading follow XML as the rest of kappy reads
// it: strict well-formedness (names, attribute syntax, nesting, a single
// root, terminated comments, CDATA and processing instructions), entity and
// character references decoded, line ends normalized, values trimmed.
//
// Why WebAssembly: `kappy list` on the 1.4 MB file must beat a Python script
// whose expat parser is C, in a fresh process where JavaScript is still
// interpreted. There fast-xml-parser takes ~200 ms, the npm parsers that
// serve (htmlparser2, saxes, txml, ltx, sax-wasm) 45-80 ms, the same scanner
// in JavaScript ~45 ms, and this one 10-15 ms (the first call runs V8's
// baseline code; ~4 ms once optimized). bench/list.bench.mjs measures it.
//
// The module allocates nothing: prepare() lays out fixed regions in linear
// memory sized from the input, and scan() walks the bytes once, keeping a
// stack of open elements and a stack of <url>/<branch>/<active> records for
// the projects still open. On an error it stops with a code and offsets;
// kde-projects-wasm.ts turns those into the message.

// ---- error codes (kde-projects-wasm.ts has the messages) -------------------
const OK = 0;
const SECOND_ROOT = 1;
const UNCLOSED = 2;
const NO_ROOT = 3;
const NAME = 4;
const TAG_END = 5;
const ATTRIBUTES = 6;
const CLOSE_GT = 7;
const NO_START = 8;
const MISMATCH = 9;
const COMMENT = 10;
const CDATA = 11;
const CDATA_OUTSIDE = 12;
const DECLARATION = 13;
const PI = 14;
const STRAY = 15;
const NO_PATH = 16;
const DEPTH = 17;
const DOCTYPE = 18;
const OVERFLOW = 19;

// ---- what an element means to the reader -----------------------------------
const OTHER: u32 = 0;
const REPO: u32 = 1;
const PATH: u32 = 2;
const DESCRIPTION: u32 = 3;
const URL: u32 = 4;
const BRANCH: u32 = 5;
const ACTIVE: u32 = 6;

// ---- layout ----------------------------------------------------------------
const MAX_DEPTH: usize = 4096;
const FRAME: usize = 64;
const RECORD: usize = 20;
const PAD: usize = 16;

// One open element, FRAME bytes (offsets of the u32 fields):
const F_NAME = 0;
const F_NAME_LEN = 4;
const F_OPEN = 8;
const F_LINE = 12;
const F_KIND = 16;
const F_CONTENT = 20;
const F_ARENA = 24;
const F_HAS_REPO = 28;
const F_REPO_MARK = 32;
const F_PATH = 36;
const F_PATH_END = 40;
const F_DESC = 44;
const F_DESC_END = 48;
const F_ATTR = 52;
const F_ATTR_END = 56;
const F_FIELDS = 60; // bit 1: has <path>, bit 2: has <description>, bit 4: has attr

let input: usize = 0;
let inputEnd: usize = 0;
let temp: usize = 0;
let frames: usize = 0;
let depth: usize = 0;
let arena: usize = 0;
let arenaTop: usize = 0;
let out: usize = 0;
let outPos: usize = 0;
let outEnd: usize = 0;

let lineAt: usize = 0;
let line: u32 = 1;

/** Where the scan goes on after the construct just read. */
let resume: usize = 0;

let errorAt: usize = 0;
let errorRelated: usize = 0;
let errorEnd: usize = 0;

/** Lays out memory for a document of `length` bytes; returns where to put it. */
export function prepare(length: usize): usize {
  input = align(__heap_base);
  inputEnd = input + length;
  temp = align(inputEnd + PAD);
  frames = align(temp + length + PAD);
  arena = frames + MAX_DEPTH * FRAME;
  // A record needs an element of at least 6 bytes (`<url/>`).
  out = align(arena + (length / 6 + 1) * RECORD);
  outEnd = out + length * 8 + 65536;

  const pages = i32((outEnd + 0xffff) >> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  // Lookahead past the end reads zeros.
  memory.fill(inputEnd, 0, PAD);
  return input;
}

export function outputStart(): usize { return out; }
export function outputEnd(): usize { return outPos; }
export function errorOffset(): usize { return errorAt - input; }
export function errorRelatedOffset(): usize { return errorRelated - input; }
export function errorEndOffset(): usize { return errorEnd - input; }

/** Scans the document; 0 when it is well-formed, else an error code. */
export function scan(): i32 {
  depth = 0;
  arenaTop = arena;
  outPos = out;
  lineAt = input;
  line = 1;
  put(0x5b); // [

  let sawRoot = false;
  let pos = input;
  while (pos < inputEnd) {
    if (depth == 0) {
      pos = skipOutside(pos);
      if (pos >= inputEnd) break;
      if (at(pos) != 0x3c) return fail(STRAY, pos, 0, 0);
    } else {
      pos = findLt(pos);
      if (pos >= inputEnd) break;
    }

    const lt = pos;
    const next = at(lt + 1);
    let code = OK;
    if (next == 0x2f) {
      code = closeTag(lt);
    } else if (next == 0x21) {
      code = declaration(lt);
    } else if (next == 0x3f) {
      const end = find3(lt + 2, 0x3f, 0x3e, 0);
      if (end == 0) return fail(PI, inputEnd, lt, 0);
      resume = end + 2;
    } else {
      if (depth == 0 && sawRoot) return fail(SECOND_ROOT, lt, 0, 0);
      sawRoot = true;
      code = openTag(lt);
    }
    if (code != OK) return code;
    pos = resume;
  }

  if (depth > 0) {
    const top = frameAt(depth - 1);
    return fail(UNCLOSED, inputEnd, load<u32>(top + F_OPEN), 0);
  }
  if (!sawRoot) return fail(NO_ROOT, inputEnd, 0, 0);

  if (outPos > out + 1) outPos--; // the last comma
  put(0x5d); // ]
  return outPos > outEnd ? OVERFLOW : OK;
}

// ---- tags ------------------------------------------------------------------

function openTag(lt: usize): i32 {
  let p = lt + 1;
  if (!isNameStart(at(p))) return fail(NAME, p, 0, 0);
  while (isNameChar(at(p))) p++;
  const nameLen = p - lt - 1;
  if (depth >= MAX_DEPTH) return fail(DEPTH, lt, 0, 0);

  const parent = depth > 0 ? frameAt(depth - 1) : 0;
  const kind = kindOf(lt + 1, nameLen, parent);
  const frame = frameAt(depth);
  store<u32>(frame + F_FIELDS, 0);

  // Attributes: (\s+ name \s* = \s* quoted)* \s* /? >
  let selfClosing = false;
  while (true) {
    const start = p;
    while (isSpace(at(p))) p++;
    const c = at(p);
    if (c == 0x3e) break;
    if (c == 0x2f && at(p + 1) == 0x3e) {
      selfClosing = true;
      p++;
      break;
    }
    if (p == start || !isNameStart(c)) return attributeError(lt, lt + 1 + nameLen);
    p = attribute(p, kind, frame);
    if (p == 0) return attributeError(lt, lt + 1 + nameLen);
  }
  const gt = p;

  countLinesTo(lt);
  store<u32>(frame + F_NAME, lt + 1);
  store<u32>(frame + F_NAME_LEN, nameLen);
  store<u32>(frame + F_OPEN, lt);
  store<u32>(frame + F_LINE, line);
  store<u32>(frame + F_KIND, kind);
  store<u32>(frame + F_CONTENT, gt + 1);
  store<u32>(frame + F_ARENA, arenaTop);
  store<u32>(frame + F_HAS_REPO, 0);
  if (kind == REPO && parent != 0) {
    store<u32>(parent + F_HAS_REPO, 1);
    store<u32>(parent + F_REPO_MARK, arenaTop);
  }
  depth++;

  resume = gt + 1;
  return selfClosing ? closeElement(gt + 1) : OK;
}

/** One `name = "value"`; returns the offset after it, 0 when malformed. */
function attribute(p: usize, kind: u32, frame: usize): usize {
  const name = p;
  while (isNameChar(at(p))) p++;
  const nameLen = p - name;
  while (isSpace(at(p))) p++;
  if (at(p) != 0x3d) return 0;
  p++;
  while (isSpace(at(p))) p++;
  const quote = at(p);
  if (quote != 0x22 && quote != 0x27) return 0;
  const value = p + 1;
  p = value;
  while (p < inputEnd && at(p) != quote) {
    if (at(p) == 0x3c) return 0;
    p++;
  }
  if (p >= inputEnd) return 0;

  // <url protocol=…> and <branch i18n=…>: the first one counts.
  const wanted = kind == URL ? isWord(name, nameLen, "protocol")
    : kind == BRANCH && isWord(name, nameLen, "i18n");
  if (wanted && (load<u32>(frame + F_FIELDS) & 4) == 0) {
    store<u32>(frame + F_ATTR, value);
    store<u32>(frame + F_ATTR_END, p);
    store<u32>(frame + F_FIELDS, load<u32>(frame + F_FIELDS) | 4);
  }
  return p + 1;
}

/** A malformed start tag: an unterminated one, else bad attributes. */
function attributeError(lt: usize, nameEnd: usize): i32 {
  let quote: u32 = 0;
  for (let i = lt + 1; i < inputEnd; i++) {
    const c = at(i);
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == 0x22 || c == 0x27) {
      quote = c;
    } else if (c == 0x3e) {
      return fail(ATTRIBUTES, nameEnd, lt, 0);
    } else if (c == 0x3c) {
      return fail(TAG_END, i, lt, 0);
    }
  }
  return fail(TAG_END, inputEnd, lt, 0);
}

function closeTag(lt: usize): i32 {
  let gt = lt;
  while (gt < inputEnd && at(gt) != 0x3e) gt++;
  if (gt >= inputEnd) return fail(CLOSE_GT, inputEnd, lt, 0);
  if (depth == 0) return fail(NO_START, lt, 0, gt + 1);

  const top = frameAt(depth - 1);
  const name = load<u32>(top + F_NAME);
  const nameLen = load<u32>(top + F_NAME_LEN);
  let p = lt + 2;
  let same = gt - p >= nameLen && memory.compare(p, name, nameLen) == 0;
  if (same) {
    p += nameLen;
    while (p < gt && isSpace(at(p))) p++;
    same = p == gt;
  }
  if (!same) return fail(MISMATCH, lt, load<u32>(top + F_OPEN), gt + 1);

  resume = gt + 1;
  return closeElement(lt);
}

/** Pops the top element, whose content ends at `contentEnd`. */
function closeElement(contentEnd: usize): i32 {
  depth--;
  const frame = frameAt(depth);
  if (depth == 0) return OK; // the root is never a project
  const owner = frameAt(depth - 1);
  const content = load<u32>(frame + F_CONTENT);

  const kind = load<u32>(frame + F_KIND);
  if (kind == PATH) {
    store<u32>(owner + F_PATH, content);
    store<u32>(owner + F_PATH_END, contentEnd);
    store<u32>(owner + F_FIELDS, load<u32>(owner + F_FIELDS) | 1);
  } else if (kind == DESCRIPTION) {
    store<u32>(owner + F_DESC, content);
    store<u32>(owner + F_DESC_END, contentEnd);
    store<u32>(owner + F_FIELDS, load<u32>(owner + F_FIELDS) | 2);
  } else if (kind >= URL) {
    const hasAttr = (load<u32>(frame + F_FIELDS) & 4) != 0;
    store<u32>(arenaTop, kind);
    store<u32>(arenaTop + 4, hasAttr ? load<u32>(frame + F_ATTR) : 0);
    store<u32>(arenaTop + 8, hasAttr ? load<u32>(frame + F_ATTR_END) : 0);
    store<u32>(arenaTop + 12, content);
    store<u32>(arenaTop + 16, contentEnd);
    arenaTop += RECORD;
  }

  if (load<u32>(frame + F_HAS_REPO) != 0) {
    const code = writeProject(frame);
    if (code != OK) return code;
    arenaTop = load<u32>(frame + F_ARENA);
  }
  return OK;
}

/** What an element is, from its name and its parent's kind. */
function kindOf(name: usize, len: usize, parent: usize): u32 {
  if (isWord(name, len, "repo")) return REPO;
  if (parent != 0 && load<u32>(parent + F_KIND) == REPO) {
    if (isWord(name, len, "url")) return URL;
    if (isWord(name, len, "branch")) return BRANCH;
    if (isWord(name, len, "active")) return ACTIVE;
    return OTHER;
  }
  if (isWord(name, len, "path")) return PATH;
  if (isWord(name, len, "description")) return DESCRIPTION;
  return OTHER;
}

function declaration(lt: usize): i32 {
  if (startsWith(lt, "<!--")) {
    const end = find3(lt + 2, 0x2d, 0x2d, 0x3e);
    if (end == 0) return fail(COMMENT, inputEnd, lt, 0);
    resume = end + 3;
    return OK;
  }
  if (startsWith(lt, "<![CDATA[")) {
    const end = find3(lt + 2, 0x5d, 0x5d, 0x3e);
    if (end == 0) return fail(CDATA, inputEnd, lt, 0);
    if (depth == 0) return fail(CDATA_OUTSIDE, lt, 0, 0);
    resume = end + 3;
    return OK;
  }
  if (startsWith(lt, "<!DOCTYPE")) return DOCTYPE;
  return fail(DECLARATION, lt, 0, 0);
}

/** Outside the root only whitespace and byte-order marks may appear. */
function skipOutside(p: usize): usize {
  while (p < inputEnd) {
    const c = at(p);
    if (isSpace(c)) {
      p++;
    } else if (c == 0xef && at(p + 1) == 0xbb && at(p + 2) == 0xbf) {
      p += 3;
    } else {
      break;
    }
  }
  return p;
}

// ---- output ----------------------------------------------------------------

/**
 * {"order":…,"line":…,"path":…,"repositories":{…},"branches":{…},
 *  "active":…,"description":…}, — values decoded and trimmed, empty
 * URLs, branches and descriptions left out as kde-projects-xml.ts documents.
 */
function writeProject(frame: usize): i32 {
  const fields = load<u32>(frame + F_FIELDS);
  const pathLen = (fields & 1) != 0
    ? decodeTrimmed(load<u32>(frame + F_PATH), load<u32>(frame + F_PATH_END), temp) : 0;
  if (pathLen == 0) return fail(NO_PATH, load<u32>(frame + F_OPEN), 0, 0);

  putText("{\"order\":");
  putNumber(load<u32>(frame + F_OPEN) - <u32>input);
  putText(",\"line\":");
  putNumber(load<u32>(frame + F_LINE));
  putText(",\"path\":");
  putString(temp, pathLen);

  const records = load<u32>(frame + F_REPO_MARK);
  putText(",\"repositories\":{");
  writeRecords(records, URL);
  putText("},\"branches\":{");
  writeRecords(records, BRANCH);
  putText("},\"active\":");
  putText(isActive(records) ? "true" : "false");

  if ((fields & 2) != 0) {
    const len = decodeTrimmed(load<u32>(frame + F_DESC), load<u32>(frame + F_DESC_END), temp);
    if (len > 0) {
      putText(",\"description\":");
      putString(temp, len);
    }
  }
  putText("},");
  return OK;
}

/** `"key":"value",` for each <url> or <branch> with a key and a value. */
function writeRecords(from: usize, kind: u32): void {
  let first = true;
  for (let r = from; r < arenaTop; r += RECORD) {
    if (load<u32>(r) != kind || load<u32>(r + 4) == 0) continue;
    const keyLen = decode(load<u32>(r + 4), load<u32>(r + 8), temp) - temp;
    if (keyLen == 0 || (kind == URL && isWord(temp, keyLen, "tarball"))) continue;
    const value = temp + keyLen;
    const valueLen = decodeTrimmed(load<u32>(r + 12), load<u32>(r + 16), value);
    if (valueLen == 0) continue;

    if (!first) put(0x2c);
    first = false;
    putString(temp, keyLen);
    put(0x3a);
    putString(value, valueLen);
  }
}

/** The last <active> decides; a project without one is active. */
function isActive(from: usize): bool {
  let active = true;
  for (let r = from; r < arenaTop; r += RECORD) {
    if (load<u32>(r) != ACTIVE) continue;
    const len = decodeTrimmed(load<u32>(r + 12), load<u32>(r + 16), temp);
    active = !isWord(temp, len, "false");
  }
  return active;
}

function putString(p: usize, len: usize): void {
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

function putNumber(value: u32): void {
  let divisor: u32 = 1;
  while (value / divisor >= 10) divisor *= 10;
  for (; divisor > 0; divisor /= 10) put(0x30 + (value / divisor) % 10);
}

function putText(text: string): void {
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
}

@inline
function put(c: u32): void {
  if (outPos < outEnd) store<u8>(outPos, c);
  outPos++;
}

function hexDigit(n: u32): u32 {
  return n < 10 ? 0x30 + n : 0x61 + n - 10;
}

// ---- values ----------------------------------------------------------------

/** decode() then trim whitespace as JavaScript's String.prototype.trim does. */
function decodeTrimmed(start: usize, end: usize, into: usize): usize {
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
function decode(p: usize, end: usize, into: usize): usize {
  let nested = 0;
  while (p < end) {
    const c = at(p);
    if (c == 0x3c) {
      const next = at(p + 1);
      if (startsWith(p, "<![CDATA[")) {
        const close = find3(p + 2, 0x5d, 0x5d, 0x3e);
        if (nested == 0) into = copyNormalized(p + 9, close, into);
        p = close + 3;
      } else if (next == 0x21) {
        p = find3(p + 2, 0x2d, 0x2d, 0x3e) + 3;
      } else if (next == 0x3f) {
        p = find3(p + 2, 0x3f, 0x3e, 0) + 2;
      } else {
        const gt = tagEnd(p);
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
    } else if (c == 0x0d) {
      store<u8>(into++, 0x0a);
      p += at(p + 1) == 0x0a ? 2 : 1;
    } else {
      store<u8>(into++, c);
      p++;
    }
  }
  return into;
}

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

// ---- bytes -----------------------------------------------------------------

@inline
function at(p: usize): u32 {
  return load<u8>(p);
}

@inline
function frameAt(index: usize): usize {
  return frames + index * FRAME;
}

@inline
function align(p: usize): usize {
  return (p + 15) & ~15;
}

function fail(code: i32, where: usize, related: usize, end: usize): i32 {
  errorAt = where;
  errorRelated = related;
  errorEnd = end;
  return code;
}

/**
 * Counts line ends up to p (start tags come in document order). This and
 * findLt see every byte of the document: 16 at a time (SIMD) they take a
 * few milliseconds less of a cold run.
 */
function countLinesTo(p: usize): void {
  let n: u32 = 0;
  let i = lineAt;
  const newline = i8x16.splat(0x0a);
  for (; i + 16 <= p; i += 16) {
    n += popcnt<u32>(i8x16.bitmask(i8x16.eq(v128.load(i), newline)));
  }
  for (; i < p; i++) n += u32(at(i) == 0x0a);
  line += n;
  lineAt = p;
}

/** The first `<` at or after p, else inputEnd. */
function findLt(p: usize): usize {
  const lt = i8x16.splat(0x3c);
  for (; p + 16 <= inputEnd; p += 16) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(p), lt));
    if (mask != 0) return p + ctz<u32>(mask);
  }
  while (p < inputEnd && at(p) != 0x3c) p++;
  return p;
}

/** Offset of the first `a b c` (or `a b` when c is 0) at or after p; 0 if none. */
function find3(p: usize, a: u32, b: u32, c: u32): usize {
  const last = c == 0 ? inputEnd - 1 : inputEnd - 2;
  for (; p < last; p++) {
    if (at(p) == a && at(p + 1) == b && (c == 0 || at(p + 2) == c)) return p;
  }
  return 0;
}

/** The `>` ending the (checked) tag at p, skipping quoted values. */
function tagEnd(p: usize): usize {
  let quote: u32 = 0;
  for (; p < inputEnd; p++) {
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

function startsWith(p: usize, text: string): bool {
  for (let i = 0; i < text.length; i++) {
    if (at(p + i) != u32(text.charCodeAt(i))) return false;
  }
  return true;
}

function isWord(p: usize, len: usize, word: string): bool {
  return len == usize(word.length) && startsWith(p, word);
}

@inline
function isSpace(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** ASCII letters, `_` and `:`; any byte of a UTF-8 sequence (XML allows most letters). */
@inline
function isNameStart(c: u32): bool {
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || c == 0x5f || c == 0x3a || c >= 0x80;
}

@inline
function isNameChar(c: u32): bool {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2e || c == 0x2d;
}
