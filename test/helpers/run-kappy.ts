import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const kdeData = path.resolve(repoRoot, '../shared/data/kde');
const cliMain = path.join(repoRoot, 'dist/bin/kappy.js');

export interface KappyRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI as a user would (`npm test` compiles it first). */
export function runKappy(args: string[], options: { cwd?: string;
  env?: Record<string, string> } = {}): KappyRun {
  const result = spawnSync(process.execPath, [cliMain, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, CI: 'true', ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'kappy-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes a kappy.toml into a fresh temp dir and returns the dir. */
export function writeConfig(toml: string, dir = tempDir()): string {
  writeFileSync(path.join(dir, 'kappy.toml'), toml);
  return dir;
}

/** A config on the 2015 kde_projects.xml and its matching dependency data. */
export function kde2015Config(extra = ''): string {
  return writeConfig(`
[metadata]
projects = "${kdeData}/kde_projects-2015-12-27-wenzel-ba0a82a.xml"
dependencies = ["${kdeData}/dependency-data-common-2015-12-24-9d23f20",
  "${kdeData}/dependency-data-kf5-qt5-2015-12-24-9d23f20"]
branch-groups = "${kdeData}/logical-module-structure-2015-12-24-9d23f20.json"
branch-group = "kf5-qt5"
[paths]
cache = "cache"
${extra}`);
}
