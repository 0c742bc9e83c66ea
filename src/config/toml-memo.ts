import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync,
  writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashText } from '../core/hash-text.js';
import { xdgDirectory, type Env } from './resolve-path.js';
import type { TomlMemo, TomlTable } from './toml-document.js';

/**
 * TOML parse results on disk, by content, in `$XDG_CACHE_HOME/kappy/toml/`
 * (default `~/.cache`): a command whose config and recipes did not change
 * never loads the `toml` parser, whose compiling and first use cost ~5 ms of
 * every run (bench/list.bench.mjs). The way .pyc files spare Python its
 * parser.
 *
 * An entry holds the text it was parsed from and answers for that exact
 * text only, so an edit can never be answered from an old parse. Values JSON
 * cannot carry as they are (dates, inf, nan, -0) are not kept. Undefined
 * when there is no cache home; any failure to read or write is a miss.
 */
export function openTomlMemo(env: Env): TomlMemo | undefined {
  const home = xdgDirectory(env, 'XDG_CACHE_HOME', '.cache');
  if (home === undefined) return undefined;
  const dir = path.join(home, 'kappy', 'toml');

  return {
    recall: (text) => recallEntry(entryFile(dir, text), text),
    remember: (text, data) => rememberEntry(dir, entryFile(dir, text), text, data),
  };
}

/** Bump when the kept shape changes. */
const FORMAT = 1;

/** Entries kept; past this the oldest go (a config edited often leaves many). */
const KEEP = 64;

interface Entry {
  format: number;
  text: string;
  data: TomlTable;
}

function recallEntry(file: string, text: string): TomlTable | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8'), asParsed) as Partial<Entry>;
    if (entry.format !== FORMAT || entry.text !== text) return undefined;
    return typeof entry.data === 'object' && entry.data !== null ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

function rememberEntry(dir: string, file: string, text: string, data: TomlTable): void {
  const json = toJson({ format: FORMAT, text, data });
  if (json === undefined) return;
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, json);
    renameSync(temp, file);
    removeOldest(dir);
  } catch {
    // A read-only or full cache must not break a run.
  }
}

/** Tables as toml makes them: without a prototype, so `data.toString` is no key. */
function asParsed(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as object, value);
}

function entryFile(dir: string, text: string): string {
  return path.join(dir, `${hashText(text)}-${text.length}.json`);
}

/** The entry as JSON, or undefined when a value would not come back the same. */
function toJson(entry: Entry): string | undefined {
  let faithful = true;
  const json = JSON.stringify(entry, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    if (original instanceof Date || (typeof original === 'number' &&
      (!Number.isFinite(original) || Object.is(original, -0)))) {
      faithful = false;
    }
    return value as unknown;
  });
  return faithful ? json : undefined;
}

function removeOldest(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= KEEP) return;

  const byAge = names
    .map((name) => ({ name, mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, names.length - KEEP)) {
    rmSync(path.join(dir, name), { force: true });
  }
}
