import { createRequire } from 'node:module';

import { ConfigError } from '../core/errors.js';
import { findKeyLines, type KeyLines } from './key-lines.js';

export type TomlTable = Record<string, unknown>;

interface TomlParser {
  parse(text: string): TomlTable;
}

let toml: TomlParser | undefined;

/**
 * toml, loaded on first use: compiling its 110 kB generated parser is a few
 * milliseconds that a run answered from a TomlMemo never pays. CommonJS, so
 * `require` skips the export scan an ESM import would do.
 */
function loadToml(): TomlParser {
  toml ??= createRequire(import.meta.url)('toml') as TomlParser;
  return toml;
}

/** Parse results kept by text (see toml-memo.ts); the parser is pure, so is this. */
export interface TomlMemo {
  recall(text: string): TomlTable | undefined;
  remember(text: string, data: TomlTable): void;
}

/** A parsed TOML file that still knows where each of its keys was written. */
export interface TomlDocument extends KeyLines {
  /** The name used in messages. */
  file: string;
  data: TomlTable;
}

interface PegSyntaxError {
  message: string;
  expected?: unknown[];
  found?: string | null;
  location: { start: { line: number; column: number } };
}

interface CompileError {
  message: string;
  line: number;
  column: number;
}

/**
 * Parses `text`, or takes what `memo` kept for this text; a syntax error
 * becomes a ConfigError at its file:line:column.
 */
export function parseTomlDocument(text: string, file: string, memo?: TomlMemo): TomlDocument {
  let data = memo?.recall(text);
  if (data === undefined) {
    try {
      data = loadToml().parse(text);
    } catch (error) {
      throw toConfigError(error, file);
    }
    memo?.remember(text, data);
  }

  return { file, data, ...findKeyLines(text) };
}

function toConfigError(error: unknown, file: string): Error {
  if (isSyntaxError(error)) {
    const { line, column } = error.location.start;
    return new ConfigError(`invalid TOML: ${describeSyntaxError(error)}`,
      { location: { file, line, column }, cause: error });
  }

  // Semantic errors (a key defined twice) carry the position directly.
  if (isCompileError(error)) {
    const { line, column } = error;
    return new ConfigError(`invalid TOML: ${error.message}`,
      { location: { file, line, column }, cause: error });
  }
  return new ConfigError(`invalid TOML: ${String(error)}`, { location: { file }, cause: error });
}

/** The parser lists every token it could take; past a few, only "found" helps. */
function describeSyntaxError(error: PegSyntaxError): string {
  if ((error.expected?.length ?? 0) <= 4 || error.found === undefined) return error.message;
  if (error.found === null) return 'unexpected end of file';
  if (error.found === '\n' || error.found === '\r') return 'unexpected end of line';
  return `unexpected ${JSON.stringify(error.found)}`;
}

function isSyntaxError(error: unknown): error is PegSyntaxError {
  const location = (error as { location?: { start?: { line?: unknown } } } | null)?.location;
  return typeof location?.start?.line === 'number';
}

function isCompileError(error: unknown): error is CompileError {
  const candidate = error as { line?: unknown; column?: unknown } | null;
  return typeof candidate?.line === 'number' && typeof candidate.column === 'number';
}
