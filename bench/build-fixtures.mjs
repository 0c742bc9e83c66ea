// Shared helpers for bench/build.bench.mjs: workspaces, plans, timing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK = path.join(path.dirname(fileURLToPath(import.meta.url)), '.work');

export function workspace(name) {
  const root = path.join(WORK, name);
  return {
    cache: path.join(root, 'cache'), build: path.join(root, 'build'),
    install: path.join(root, 'prefix'), logs: path.join(root, 'logs'),
    packages: path.join(root, 'packages'),
  };
}

export function settings(overrides = {}) {
  return { cmakeOptions: [], mesonOptions: [], configureFlags: [], qmakeOptions: [],
    env: {}, package: {}, ...overrides };
}

export function project(projectPath, dependencies, overrides) {
  return { path: projectPath, name: path.basename(projectPath), dependencies,
    externalDependencies: [], settings: settings(overrides) };
}

export function writeFiles(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.org',
  GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.org' };

export function commitAll(dir) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'pipe' });
  git('init', '-q', '-b', 'master');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
}

export async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export const silent = { emit: () => undefined };

export function printTable(title, rows) {
  console.log(`\n${title}`);
  const header = ['measurement', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => `${r[i]}`.length)));
  const line = (cells) => cells.map((c, i) => `${c}`.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
