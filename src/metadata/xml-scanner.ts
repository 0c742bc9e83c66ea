import { MetadataError } from '../core/errors.js';
import { locateOffset } from './text-position.js';

/**
 * A small, strict, single-pass XML scanner for metadata files.
 *
 * Why not a full parser: a general parser (fast-xml-parser) spends 0.3-0.5 s
 * of a cold process building an object tree for the 1.4 MB kde_projects.xml,
 * most of it for elements we never read (`member`, `web`, `icon`, …); this
 * scanner takes about a fifth of that (bench/list.bench.mjs). This scanner walks the
 * text with `indexOf`, reports element boundaries, and collects text only
 * where the handler asks for it. It checks well-formedness as it goes (tag
 * nesting, names, attribute syntax, unterminated constructs) and reports
 * errors with file, line and column.
 *
 * It does not handle DOCTYPE declarations (custom entities); it throws
 * `UnsupportedXmlError` so the caller can fall back to a full parser.
 */
export interface XmlHandler {
  /** Called for every start tag; return true to collect the element's text. */
  open(name: string, attributes: string, offset: number): boolean;
  /** Called for every end (or self-closing) tag, with the collected text. */
  close(name: string, text: string): void;
}

/** The document uses a construct the scanner leaves to a full parser. */
export class UnsupportedXmlError extends Error {}

interface OpenElement {
  name: string;
  offset: number;
  capture: boolean;
  text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTES = /(?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;
const ENTITY = /&(?:#(\d+)|#x([0-9A-Fa-f]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function scanXml(text: string, file: string, handler: XmlHandler): void {
  const stack: OpenElement[] = [];
  let sawRoot = false;
  let pos = 0;

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    if (end > pos) addText(text, pos, end, stack, file);
    if (lt < 0) break;

    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      pos = closeTag(text, lt, stack, handler, file);
    } else if (next === 0x21 /* ! */) {
      pos = skipDeclaration(text, lt, stack, file);
    } else if (next === 0x3f /* ? */) {
      pos = findEnd(text, '?>', lt, file, 'processing instruction', '?>');
    } else {
      if (stack.length === 0 && sawRoot) fail(file, text, lt, 'a single root element');
      sawRoot = true;
      pos = openTag(text, lt, stack, handler, file);
    }
  }

  const open = stack.at(-1);
  if (open) {
    const at = locateOffset(text, open.offset);
    fail(file, text, text.length,
      `</${open.name}> to close <${open.name}> from line ${at.line} (is the file truncated?)`);
  }
  if (!sawRoot) fail(file, text, text.length, 'an XML root element');
}

function openTag(text: string, lt: number, stack: OpenElement[], handler: XmlHandler,
  file: string): number {
  NAME.lastIndex = lt + 1;
  if (!NAME.test(text)) fail(file, text, lt + 1, 'an element name after "<"');
  const nameEnd = NAME.lastIndex;
  const name = text.slice(lt + 1, nameEnd);

  // One sticky match checks the attribute syntax and finds the end of the tag.
  ATTRIBUTES.lastIndex = nameEnd;
  const match = ATTRIBUTES.exec(text);
  if (!match) {
    findTagEnd(text, lt, file);
    fail(file, text, nameEnd, `attributes like name="value" in <${name}>`);
  }
  const selfClosing = match[1] === '/';
  const gt = ATTRIBUTES.lastIndex - 1;
  const attributes = text.slice(nameEnd, selfClosing ? gt - 1 : gt);

  const capture = handler.open(name, attributes, lt);
  if (selfClosing) handler.close(name, '');
  else stack.push({ name, offset: lt, capture, text: '' });
  return gt + 1;
}

function closeTag(text: string, lt: number, stack: OpenElement[], handler: XmlHandler,
  file: string): number {
  const gt = text.indexOf('>', lt);
  if (gt < 0) fail(file, text, text.length, `">" to end the tag started at ${where(text, lt)}`);

  const open = stack.pop();
  if (!open) fail(file, text, lt, 'a start tag', quoteTag(text, lt, gt));
  const nameEnd = lt + 2 + open.name.length;
  const matches = text.startsWith(open.name, lt + 2) &&
    (nameEnd === gt || text.slice(nameEnd, gt).trim() === '');
  if (!matches) {
    fail(file, text, lt, `</${open.name}> to close <${open.name}> from ` +
      `${where(text, open.offset)}`, quoteTag(text, lt, gt));
  }

  handler.close(open.name, open.capture ? decodeEntities(open.text) : '');
  return gt + 1;
}

function quoteTag(text: string, lt: number, gt: number): string {
  return JSON.stringify(text.slice(lt, gt + 1));
}

function skipDeclaration(text: string, lt: number, stack: OpenElement[], file: string): number {
  if (text.startsWith('<!--', lt)) {
    return findEnd(text, '-->', lt, file, 'comment', '-->');
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const end = findEnd(text, ']]>', lt, file, 'CDATA section', ']]>');
    const top = stack.at(-1);
    if (!top) fail(file, text, lt, 'an element before a CDATA section');
    if (top.capture) top.text += text.slice(lt + 9, end - 3).replace(/&/g, '&amp;');
    return end;
  }
  if (text.startsWith('<!DOCTYPE', lt)) {
    throw new UnsupportedXmlError('DOCTYPE declarations are left to the full parser');
  }
  return fail(file, text, lt, 'a comment, CDATA section or element after "<!"');
}

function addText(text: string, start: number, end: number, stack: OpenElement[],
  file: string): void {
  const top = stack.at(-1);
  if (top) {
    if (top.capture) top.text += text.slice(start, end);
    return;
  }

  // Outside the root only whitespace (and a byte-order mark) may appear.
  const stray = text.slice(start, end).search(/[^\s\uFEFF]/);
  if (stray >= 0) fail(file, text, start + stray, 'an XML element ("<")');
}

/** Finds the `>` ending a start tag, skipping `>` inside quoted values. */
function findTagEnd(text: string, lt: number, file: string): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    } else if (c === 0x3c) {
      fail(file, text, i, `">" to end the tag started at ${where(text, lt)}`);
    }
  }
  return fail(file, text, text.length, `">" to end the tag started at ${where(text, lt)}`);
}

function findEnd(text: string, marker: string, from: number, file: string, what: string,
  expected: string): number {
  const at = text.indexOf(marker, from + 2);
  if (at < 0) {
    fail(file, text, text.length, `"${expected}" to end the ${what} from ${where(text, from)}`);
  }
  return at + marker.length;
}

/**
 * Element text as XML defines it: line ends normalized to `\n`, `&…;`
 * references decoded (CDATA text was pre-escaped for this step).
 */
export function decodeEntities(raw: string): string {
  const value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (_match, dec?: string, hex?: string, named?: string) => {
    if (named) return NAMED[named] ?? '';
    return String.fromCodePoint(parseInt(dec ?? hex ?? '0', dec ? 10 : 16));
  });
}

function where(text: string, offset: number): string {
  const at = locateOffset(text, offset);
  return `line ${at.line}, column ${at.column}`;
}

function fail(file: string, text: string, offset: number, expected: string,
  found?: string): never {
  const at = locateOffset(text, offset);
  const actual = found ?? (offset >= text.length ? 'the end of the file'
    : JSON.stringify(text.slice(offset, offset + 12)));
  throw new MetadataError(`malformed XML: expected ${expected}, found ${actual}`,
    { location: { file, line: at.line, column: at.column } });
}
