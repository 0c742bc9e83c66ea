import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKappy, tempDir } from '../helpers/run-kappy.js';

interface DemoModule { setupDemo(root: string): Promise<unknown> }

describe('the demo through build --sync and the Debian packager', () => {
  it('syncs and builds in one go, then makes .deb files dpkg installs', async () => {
    const root = tempDir('kappy-e2e-deb-');
    const demo = await import(path.join(repoRoot, 'demo/setup.mjs')) as DemoModule;
    await demo.setupDemo(root);

    const build = runKappy(['build', '--sync', '--json', 'kdemo-info'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const summary = JSON.parse(build.stdout) as { results: { project: string;
      status: string }[] };
    expect(summary.results.map((r) => [r.project, r.status])).toEqual([
      ['demo/frameworks/kdemo-ecm', 'built'], ['demo/frameworks/libkdemo-core', 'built'],
      ['demo/utils/kdemo-info', 'built']]);

    const pack = runKappy(['package', '--distro', 'debian', 'kdemo-info'], { cwd: root });
    expect(pack.code, pack.stderr).toBe(0);
    const debs = readdirSync(path.join(root, 'packages/debian')).sort();
    expect(debs).toHaveLength(3);
    const core = path.join(root, 'packages/debian',
      debs.find((d) => d.startsWith('libkdemo-core'))!);
    expect(execFileSync('dpkg-deb', ['--field', core, 'Package', 'Version'],
      { encoding: 'utf8' })).toMatch(/^Package: libkdemo-core\nVersion: 1\.2\.0/);

    // A scratch dpkg database; no maintainer scripts, nothing outside the root.
    const scratch = tempDir('kappy-dpkgroot-');
    mkdirSync(path.join(scratch, 'var/lib/dpkg/info'), { recursive: true });
    mkdirSync(path.join(scratch, 'var/lib/dpkg/updates'), { recursive: true });
    writeFileSync(path.join(scratch, 'var/lib/dpkg/status'), '');
    const installed = spawnSync('dpkg', ['--root', scratch, '--force-not-root',
      '--force-script-chrootless', '--force-depends', '--log=/dev/null', '-i',
      ...debs.map((d) => path.join(root, 'packages/debian', d))], { encoding: 'utf8' });
    expect(installed.status, installed.stderr).toBe(0);

    const info = path.join(scratch, 'usr/bin/kdemo-info');
    const libDirs = readdirSync(path.join(scratch, 'usr/lib'), { withFileTypes: true })
      .filter((e) => e.isDirectory()).map((e) => path.join(scratch, 'usr/lib', e.name));
    const output = execFileSync(info, [], { encoding: 'utf8', env: { ...process.env,
      LD_LIBRARY_PATH: [path.join(scratch, 'usr/lib'), ...libDirs].join(':') } });
    expect(output).toContain('core 1.2.0');
  });
});

describe('the demo on a machine without the tools it needs', () => {
  it('names each missing tool and its Debian package, and stops', () => {
    // A PATH holding node alone: git, cmake, compilers and xz are all missing.
    const bin = tempDir('kappy-nopath-');
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = spawnSync(path.join(bin, 'node'), [path.join(repoRoot, 'demo/check-tools.mjs')],
      { encoding: 'utf8', env: { PATH: bin } });
    const said = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    for (const pkg of ['git', 'cmake', 'gcc', 'g++', 'xz-utils']) {
      expect(said).toContain(pkg);
    }
    expect(said).toMatch(/apt-get install/);
  });
});
