/**
 * Bench data for sync.bench.mjs: bare repositories with some history, made
 * with one `git fast-import` per repository (fast, no work tree).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILES = 5;

export async function makeBareRepos(dir, { count, commits }) {
  const marker = path.join(dir, `.complete-${count}-${commits}`);
  if (existsSync(marker)) return names(count);

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of names(count)) {
    const bare = path.join(dir, name);
    run('git', ['init', '-q', '--bare', '-b', 'master', bare]);
    run('git', ['fast-import', '--quiet'], { cwd: bare, input: history(name, commits) });
  }
  await writeFile(marker, '');
  return names(count);
}

function names(count) {
  return Array.from({ length: count }, (_, i) => `project${String(i).padStart(2, '0')}.git`);
}

function history(name, commits) {
  const parts = [];
  for (let c = 1; c <= commits; c += 1) {
    const message = `${name}: change ${c}\n`;
    parts.push(`commit refs/heads/master\nmark :${c}\n`);
    parts.push(`committer Bench <bench@kappy.invalid> ${1_700_000_000 + c * 60} +0000\n`);
    parts.push(`data ${Buffer.byteLength(message)}\n${message}`);
    if (c > 1) parts.push(`from :${c - 1}\n`);
    // Every commit rewrites two of the files, so history has real deltas.
    for (let f = 0; f < FILES; f += 1) {
      if (c > 1 && (c + f) % FILES > 1) continue;
      const body = fileBody(name, f, c);
      parts.push(`M 100644 inline src/file${f}.cpp\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
  }
  return parts.join('');
}

function fileBody(name, file, commit) {
  const lines = [];
  for (let i = 0; i < 120; i += 1) {
    lines.push(`// ${name} file ${file} line ${i} revision ${i % 7 === 0 ? commit : 1}`);
  }
  return `${lines.join('\n')}\n`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  }
  return result.stdout;
}
