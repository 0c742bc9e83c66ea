import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project, ProjectIndex } from './project.js';

/**
 * A parsed copy of a large metadata file (kde_projects.xml), so that a warm
 * run skips parsing. The cache file name carries the source's path, size,
 * mtime, ctime and inode: any edit, copy or touch makes a new name and the
 * source is parsed again. Bump FORMAT when the Project shape changes.
 *
 * JSON rather than v8.serialize: both load the 863-project index in ~8 ms
 * (bench/list.bench.mjs), and JSON stays readable across Node versions.
 */
const FORMAT = 1;

export async function readCachedIndex(source: string, cacheDir: string):
  Promise<ProjectIndex | undefined> {
  try {
    const file = await cacheFileFor(source, cacheDir);
    const projects = JSON.parse(await readFile(file, 'utf8')) as Project[];
    return { projects: new Map(projects.map((project) => [project.path, project])) };
  } catch {
    // No cache yet, or an unreadable one: parse the source instead.
    return undefined;
  }
}

/** Stores the index; never fails (a cache that cannot be written is skipped). */
export async function writeCachedIndex(source: string, cacheDir: string,
  index: ProjectIndex): Promise<void> {
  try {
    const file = await cacheFileFor(source, cacheDir);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify([...index.projects.values()]));
    await rename(temp, file);
    await removeStaleCopies(file);
  } catch {
    // A read-only or full cache directory must not break a run.
  }
}

async function cacheFileFor(source: string, cacheDir: string): Promise<string> {
  const absolute = path.resolve(source);
  const info = await stat(absolute);
  const state = [FORMAT, info.size, info.mtimeMs, info.ctimeMs, info.ino].join(':');
  return path.join(cacheDir, 'metadata', `parsed-${hash(absolute)}-${hash(state)}.json`);
}

/** Older parses of the same source are dead weight once a new one is written. */
async function removeStaleCopies(current: string): Promise<void> {
  const dir = path.dirname(current);
  const name = path.basename(current);
  const prefix = name.slice(0, name.lastIndexOf('-') + 1);
  for (const entry of await readdir(dir)) {
    if (!entry.startsWith(prefix) || entry === name) continue;
    await rm(path.join(dir, entry), { force: true });
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
