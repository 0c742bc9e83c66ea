import { ConfigError } from '../core/errors.js';
import { suggestKey } from './suggest-key.js';
import type { TomlDocument, TomlTable } from './toml-document.js';

/** One thing wrong with a config or recipe file. */
export interface ConfigProblem {
  file: string;
  line?: number;
  /** Dotted path of the key, e.g. `build.cmake-options`. */
  key: string;
  /** The message without its `file:line: ` prefix. */
  message: string;
}

/**
 * A config or recipe file with one or more bad keys. The message lists every
 * problem on its own `file:line: ` line, so a user fixes them in one go.
 */
export class ConfigValidationError extends ConfigError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const [first, ...rest] = problems;
    if (!first) throw new Error('ConfigValidationError needs at least one problem');
    const more = rest.map((problem) => `\n${formatProblem(problem)}`).join('');
    super(first.message + more, { location: { file: first.file, line: first.line,
      key: first.key } });
    this.problems = problems;
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const line = problem.line === undefined ? '' : `:${problem.line}`;
  return `${problem.file}${line}: ${problem.message}`;
}

export type KeyPath = readonly string[];

/**
 * Typed reads of TOML values that record a problem, naming the key, its line
 * and the bad value, instead of throwing at the first one. Readers return
 * undefined for a missing or bad value.
 */
export class TomlChecker {
  readonly problems: ConfigProblem[] = [];

  constructor(readonly document: TomlDocument) {}

  /** Records a problem with the value at `path`. */
  report(path: KeyPath, message: string): void {
    this.problems.push({
      file: this.document.file,
      line: this.document.lineOf(path),
      key: path.join('.'),
      message: `${describeKey(path)}: ${message}`,
    });
  }

  /** Records every key of `table` that is not in `known`, with a suggestion. */
  checkKeys(path: KeyPath, table: TomlTable, known: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (known.includes(key)) continue;
      const suggestion = suggestKey(key, known);
      const hint = suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : '';
      const where = path.length > 0 ? `${describeTable(path)} ` : '';
      this.problems.push({
        file: this.document.file,
        line: this.document.lineOf([...path, key]),
        key: [...path, key].join('.'),
        message: `${where}unknown key ${JSON.stringify(key)}${hint}`,
      });
    }
  }

  /** Throws a ConfigValidationError when anything was reported. */
  throwIfProblems(): void {
    if (this.problems.length === 0) return;
    // Checks run section by section; a user reads the file top to bottom.
    const byLine = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ConfigValidationError(byLine);
  }

  table(path: KeyPath, value: unknown): TomlTable | undefined {
    if (value === undefined) return undefined;
    if (isTable(value)) return value;
    this.report(path, `expected a table, got ${describeValue(value)}`);
    return undefined;
  }

  string(path: KeyPath, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.report(path, `expected a non-empty string, got ${describeValue(value)}`);
    return undefined;
  }

  /** A string with no whitespace: branch names, versions, selectors. */
  word(path: KeyPath, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && /^\S+$/.test(value)) return value;
    this.report(path, `expected a string without whitespace, got ${describeValue(value)}`);
    return undefined;
  }

  boolean(path: KeyPath, value: unknown): boolean | undefined {
    if (value === undefined || typeof value === 'boolean') return value;
    this.report(path, `expected true or false, got ${describeValue(value)}`);
    return undefined;
  }

  integer(path: KeyPath, value: unknown, minimum: number): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= minimum) return value;
    this.report(path, `expected an integer >= ${minimum}, got ${describeValue(value)}`);
    return undefined;
  }

  oneOf<T extends string>(path: KeyPath, value: unknown, choices: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
      return value as T;
    }
    const expected = choices.map((choice) => JSON.stringify(choice)).join(', ');
    this.report(path, `expected one of ${expected}, got ${describeValue(value)}`);
    return undefined;
  }

  /** An array of strings; a single string is accepted as a one-element list. */
  strings(path: KeyPath, value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return [value];
    if (isStringArray(value)) return value;
    this.report(path, `expected a string or an array of strings, got ${describeValue(value)}`);
    return undefined;
  }

  /** An array of strings only: selector lists. */
  stringArray(path: KeyPath, value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (isStringArray(value)) return value;
    this.report(path, `expected an array of strings, got ${describeValue(value)}`);
    return undefined;
  }
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && !(value instanceof Date);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** `[build] cmake-options`, `[project."frameworks/*"] branch`, `recipes-dirs`. */
export function describeKey(path: KeyPath): string {
  if (path.length <= 1) return path[0] ?? '';
  return `${describeTable(path.slice(0, -1))} ${path[path.length - 1] ?? ''}`;
}

function describeTable(path: KeyPath): string {
  const parts = path.map((part) => (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)));
  return `[${parts.join('.')}]`;
}

/** Quotes a bad value the way it would look in TOML, shortened if long. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (isTable(value)) return 'a table';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
