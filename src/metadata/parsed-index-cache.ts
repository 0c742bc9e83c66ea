import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync,
  writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashText } from '../core/hash-text.js';

/**
 * A parsed copy of a large metadata file (kde_projects.xml), so that a warm
 * run skips parsing. The copy is the reader's own output text (see
 * scanKdeProjectsXml), stored as it came. Its file name carries a hash of
 * the source's path, then its size, mtime, ctime and inode: any edit, copy
 * or touch makes a new name and the source is parsed again. Bump FORMAT
 * when the text's shape changes.
 *
 * Synchronous on purpose: these are a few small local calls at the start of
 * a command, and each await on the thread pool left the process idle.
 */
const FORMAT = 2;
const PREFIX = 'parsed-';

/** The copy's file for the source as it is now; undefined if the source is gone. */
export function parsedCopyPath(source: string, cacheDir: string): string | undefined {
  const absolute = path.resolve(source);
  let state: string;
  try {
    const info = statSync(absolute);
    state = [FORMAT, info.size, info.mtimeMs, info.ctimeMs, info.ino].join('-');
  } catch {
    return undefined;
  }
  return path.join(cacheDir, 'metadata', `${copyPrefix(absolute)}${state}.json`);
}

/**
 * What every copy of one source starts with. The state in the rest of the
 * name is what must never be confused; two paths sharing a hash only make
 * each other's copies look stale.
 */
function copyPrefix(absolute: string): string {
  return `${PREFIX}${hashText(absolute)}-`;
}

/** The stored text, or undefined when there is none (yet). */
export function readParsedCopy(copy: string): string | undefined {
  try {
    return readFileSync(copy, 'utf8');
  } catch {
    return undefined;
  }
}

/** Stores the text; never fails (a cache that cannot be written is skipped). */
export function writeParsedCopy(copy: string, text: string): void {
  try {
    mkdirSync(path.dirname(copy), { recursive: true });
    const temp = `${copy}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, copy);
    removeStaleCopies(copy);
  } catch {
    // A read-only or full cache directory must not break a run.
  }
}

/** Older parses of the same source are dead weight once a new one is written. */
function removeStaleCopies(current: string): void {
  const dir = path.dirname(current);
  const name = path.basename(current);
  const prefix = name.slice(0, name.indexOf('-', PREFIX.length) + 1);
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix) || entry === name) continue;
    rmSync(path.join(dir, entry), { force: true });
  }
}
