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
// kde-projects-wasm.ts turns those into the message. Beside this file:
// bytes.ts (searches and character classes), xml-text.ts (decoding values),
// json-writer.ts (the output).

import { align, at, find3, findLt, isNameChar, isNameStart, isSpace, isWord,
  startsWith } from './bytes';
import { endOutput, put, putNumber, putString, putText, startOutput } from './json-writer';
import { decode, decodeTrimmed } from './xml-text';

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
let output: usize = 0;
let outputLimit: usize = 0;

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
  output = align(arena + (length / 6 + 1) * RECORD);
  outputLimit = output + length * 8 + 65536;

  const pages = i32((outputLimit + 0xffff) >> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  // Lookahead past the end reads zeros.
  memory.fill(inputEnd, 0, PAD);
  return input;
}

export { outputStart, outputEnd } from './json-writer';
export function errorOffset(): usize { return errorAt - input; }
export function errorRelatedOffset(): usize { return errorRelated - input; }
export function errorEndOffset(): usize { return errorEnd - input; }

/** Scans the document; 0 when it is well-formed, else an error code. */
export function scan(): i32 {
  depth = 0;
  arenaTop = arena;
  lineAt = input;
  line = 1;
  startOutput(output, outputLimit);

  let sawRoot = false;
  let pos = input;
  while (pos < inputEnd) {
    if (depth == 0) {
      pos = skipOutside(pos);
      if (pos >= inputEnd) break;
      if (at(pos) != 0x3c) return fail(STRAY, pos, 0, 0);
    } else {
      pos = findLt(pos, inputEnd);
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
      const end = find3(lt + 2, inputEnd, 0x3f, 0x3e, 0);
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

  return endOutput() ? OK : OVERFLOW;
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
    const end = find3(lt + 2, inputEnd, 0x2d, 0x2d, 0x3e);
    if (end == 0) return fail(COMMENT, inputEnd, lt, 0);
    resume = end + 3;
    return OK;
  }
  if (startsWith(lt, "<![CDATA[")) {
    const end = find3(lt + 2, inputEnd, 0x5d, 0x5d, 0x3e);
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

// ---- bytes -----------------------------------------------------------------

@inline
function frameAt(index: usize): usize {
  return frames + index * FRAME;
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
