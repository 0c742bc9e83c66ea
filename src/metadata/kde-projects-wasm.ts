import { readFileSync } from 'node:fs';
import { MetadataError } from '../core/errors.js';
import { locateOffset } from './text-position.js';

/**
 * Runs the WebAssembly scanner (assembly/scan-kde-projects.ts) over the
 * bytes of a kde_projects.xml: its answer is the JSON text of the projects
 * it found (an array of ScannedProject, see kde-projects-xml.ts), or a
 * MetadataError naming file, line and column.
 */

/** The document uses a construct the scanner leaves to a full parser. */
export class UnsupportedXmlError extends Error {}

interface ScannerExports {
  memory: WebAssembly.Memory;
  prepare(length: number): number;
  scan(): number;
  outputStart(): number;
  outputEnd(): number;
  errorOffset(): number;
  errorRelatedOffset(): number;
  errorEndOffset(): number;
}

/**
 * src/metadata, dist/metadata and dist/bin all sit two levels below the
 * package root, so one relative URL finds the module from source, compiled
 * and bundled code alike.
 */
const WASM_URL = new URL('../../dist/wasm/scan-kde-projects.wasm', import.meta.url);

let scanner: ScannerExports | undefined;

export function scanKdeProjects(bytes: Uint8Array, file: string): string {
  const wasm = loadScanner();
  const at = wasm.prepare(bytes.length);
  new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);

  const code = wasm.scan();
  if (code !== 0) {
    throw scanError(code, bytes, file, wasm.errorOffset(), wasm.errorRelatedOffset(),
      wasm.errorEndOffset());
  }
  return Buffer.from(wasm.memory.buffer, wasm.outputStart(),
    wasm.outputEnd() - wasm.outputStart()).toString('utf8');
}

function loadScanner(): ScannerExports {
  if (scanner) return scanner;
  let code: Buffer;
  try {
    code = readFileSync(WASM_URL);
  } catch {
    throw new Error(`${WASM_URL.pathname} is missing: run \`npm run build\``);
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(code), {});
  scanner = instance.exports as unknown as ScannerExports;
  return scanner;
}

/** The codes scan() returns, in the order the AssemblyScript source lists them. */
const enum Code {
  SecondRoot = 1, Unclosed, NoRoot, Name, TagEnd, Attributes, CloseGt, NoStart, Mismatch,
  Comment, Cdata, CdataOutside, Declaration, Pi, Stray, NoPath, Depth, Doctype, Overflow,
}

function scanError(code: Code, bytes: Uint8Array, file: string, at: number,
  related: number, end: number): Error {
  if (code === Code.Doctype) {
    return new UnsupportedXmlError('DOCTYPE declarations are left to the full parser');
  }
  if (code === Code.Overflow) return new Error('XML scanner output overflowed its buffer');

  const doc = new ByteDocument(bytes);
  if (code === Code.NoPath) {
    const name = doc.nameAt(at + 1);
    return new MetadataError(`<${name}> has a <repo> but no <path>; every project needs ` +
      'a path', { location: { file, ...doc.locate(at) } });
  }
  const found = end > 0 ? JSON.stringify(doc.text(at, end)) : undefined;
  return doc.malformed(file, at, expectation(code, doc, related), found);
}

/** What the scanner expected where it stopped, in words. */
function expectation(code: Code, doc: ByteDocument, related: number): string {
  switch (code) {
    case Code.SecondRoot: return 'a single root element';
    case Code.Unclosed: {
      const name = doc.nameAt(related + 1);
      return `</${name}> to close <${name}> from line ${doc.locate(related).line} ` +
        '(is the file truncated?)';
    }
    case Code.NoRoot: return 'an XML root element';
    case Code.Name: return 'an element name after "<"';
    case Code.TagEnd:
    case Code.CloseGt: return `">" to end the tag started at ${doc.where(related)}`;
    case Code.Attributes: return `attributes like name="value" in <${doc.nameAt(related + 1)}>`;
    case Code.NoStart: return 'a start tag';
    case Code.Mismatch: {
      const name = doc.nameAt(related + 1);
      return `</${name}> to close <${name}> from ${doc.where(related)}`;
    }
    case Code.Comment: return `"-->" to end the comment from ${doc.where(related)}`;
    case Code.Cdata: return `"]]>" to end the CDATA section from ${doc.where(related)}`;
    case Code.CdataOutside: return 'an element before a CDATA section';
    case Code.Declaration: return 'a comment, CDATA section or element after "<!"';
    case Code.Pi: return `"?>" to end the processing instruction from ${doc.where(related)}`;
    case Code.Stray: return 'an XML element ("<")';
    case Code.Depth: return 'elements nested at most 4096 deep';
    default: return `well-formed XML (scanner code ${String(code)})`;
  }
}

/** As the scanner reads names: ASCII name characters, anything beyond ASCII. */
const ELEMENT_NAME = /^[A-Za-z_:\u0080-\uffff][\w.:\u0080-\uffff-]*/;

/** Byte offsets from the scanner turned into text, lines and columns. */
class ByteDocument {
  readonly #bytes: Uint8Array;
  #decoded: string | undefined;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  text(start: number, end: number): string {
    return Buffer.from(this.#bytes.buffer, this.#bytes.byteOffset + start, end - start)
      .toString('utf8');
  }

  nameAt(offset: number): string {
    const text = this.text(offset, Math.min(offset + 200, this.#bytes.length));
    return ELEMENT_NAME.exec(text)?.[0] ?? '';
  }

  locate(offset: number): { line: number; column: number } {
    this.#decoded ??= this.text(0, this.#bytes.length);
    return locateOffset(this.#decoded, this.text(0, offset).length);
  }

  where(offset: number): string {
    const at = this.locate(offset);
    return `line ${at.line}, column ${at.column}`;
  }

  malformed(file: string, offset: number, expected: string, found?: string): MetadataError {
    const actual = found ?? (offset >= this.#bytes.length ? 'the end of the file'
      : JSON.stringify(this.text(offset, Math.min(offset + 48, this.#bytes.length))
        .slice(0, 12)));
    return new MetadataError(`malformed XML: expected ${expected}, found ${actual}`,
      { location: { file, ...this.locate(offset) } });
  }
}
