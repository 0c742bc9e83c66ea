// Generates a deterministic install tree for the package benchmark: many small
// text-like files (semi-compressible, random variation) plus copies of real
// shared libraries, which compress the way KDE binaries do.
import { mkdir, readdir, lstat, stat, copyFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';

const LIB_SOURCES = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/gcc', '/usr/libexec'];
const WORDS = ('include class public private return const void int bool QString KConfig '
  + 'emit signal slot connect widget layout model index data role value item list '
  + 'file path name size count error warning debug plugin service interface').split(' ');

/** Small, seeded PRNG so every run generates the same tree. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function makeText(random, bytes) {
  const lines = [];
  let length = 0;
  while (length < bytes) {
    const count = 3 + Math.floor(random() * 8);
    const words = [];
    for (let i = 0; i < count; i++) {
      words.push(WORDS[Math.floor(random() * WORDS.length)]);
    }
    const line = `    ${words.join(' ')}(${Math.floor(random() * 100000)});`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

async function listLibraries(limitBytes) {
  const found = [];
  const seen = new Set();
  let total = 0;
  async function walk(dir) {
    let names;
    try { names = (await readdir(dir)).sort(); } catch { return; }
    for (const name of names) {
      if (total >= limitBytes) return;
      const full = path.join(dir, name);
      // lstat and inode dedup: library symlinks would copy one file 3 times,
      // which xz's large dictionary would unfairly eat.
      const info = await lstat(full).catch(() => undefined);
      if (!info || seen.has(info.ino)) continue;
      seen.add(info.ino);
      if (info.isDirectory()) await walk(full);
      else if (info.isFile() && info.size > 64 * 1024 && info.size < 40 * 1024 * 1024) {
        found.push(full);
        total += info.size;
      }
    }
  }
  for (const dir of LIB_SOURCES) await walk(dir);
  return found;
}

/**
 * Writes the tree under `root` (replacing it) and returns its size in bytes.
 * `textBytes` of generated text in small files, `binaryBytes` of real libraries.
 */
export async function generateTree(root, { textBytes, binaryBytes }) {
  await rm(root, { recursive: true, force: true });
  const random = createRandom(42);
  let total = 0;

  let index = 0;
  while (total < textBytes) {
    const dir = path.join(root, 'usr/share/kappy-bench', `dir${Math.floor(index / 200)}`);
    if (index % 200 === 0) await mkdir(dir, { recursive: true });
    const text = makeText(random, 1024 + Math.floor(random() * 16 * 1024));
    await writeFile(path.join(dir, `file${index}.txt`), text);
    total += text.length;
    index++;
  }

  const libDir = path.join(root, 'usr/lib64');
  await mkdir(libDir, { recursive: true });
  const libraries = await listLibraries(binaryBytes);
  for (const [i, source] of libraries.entries()) {
    const target = path.join(libDir, `${i}-${path.basename(source)}`);
    await copyFile(source, target);
    total += (await stat(target)).size;
  }
  return { bytes: total, files: index + libraries.length };
}
