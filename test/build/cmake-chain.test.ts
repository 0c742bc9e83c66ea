import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInstallRoot } from '../../src/build/build-environment.js';
import { buildProjects, installTreeOf } from '../../src/build/build-projects.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import { makeWorkspace } from './build-fixtures.js';
import { writeCMakeChain } from './cmake-projects.js';

async function libraryPath(roots: string[]): Promise<string> {
  const found = await Promise.all(roots.map((root) => findInstallRoot(root)));
  return found.flatMap((r) => r.libDirs.map((lib) => path.join(r.root, lib))).join(':');
}

function runApp(app: string, libraryDirs: string): string {
  return execFileSync(app, { env: { LD_LIBRARY_PATH: libraryDirs }, encoding: 'utf8' });
}

describe('a real CMake chain (alpha ← beta ← app)', () => {
  it('builds in order into a user prefix; the installed app runs', async () => {
    const paths = await makeWorkspace();
    const plan = await writeCMakeChain(paths);
    const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter: new MemoryReporter() });

    expect(summary.results.map((r) => `${r.project}:${r.status}`)).toEqual(
      ['libs/alpha:built', 'libs/beta:built', 'apps/app:built']);
    const app = path.join(paths.install, 'bin/app');
    expect(runApp(app, await libraryPath([paths.install]))).toBe('beta says 42\n');
    expect(existsSync(path.join(installTreeOf(paths, 'apps/app'), paths.install, 'bin/app')))
      .toBe(true);
  });

  it('with prefix /usr, builds against staged trees and writes nothing to /usr', async () => {
    const paths = await makeWorkspace('/usr');
    const plan = await writeCMakeChain(paths);
    const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter: new MemoryReporter() });

    expect(summary.ok, JSON.stringify(summary.results, null, 1)).toBe(true);
    for (const file of ['bin/app', 'include/alpha.h', 'include/beta.h', 'lib/libalpha.so',
      'lib/x86_64-linux-gnu/libalpha.so', 'lib/x86_64-linux-gnu/cmake/Alpha']) {
      expect(existsSync(path.join('/usr', file)), file).toBe(false);
    }
    const trees = plan.projects.map((p) => path.join(installTreeOf(paths, p.path), 'usr'));
    const app = path.join(trees[2]!, 'bin/app');
    expect(runApp(app, await libraryPath(trees))).toBe('beta says 42\n');
  });
});
