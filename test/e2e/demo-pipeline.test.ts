import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runKappy, tempDir } from '../helpers/run-kappy.js';

interface DemoProject { path: string; name: string; commit: string; version: string }
interface DemoModule {
  setupDemo(root: string): Promise<{ projects: DemoProject[] }>;
}
interface ResultsModule {
  findPackages(root: string): string[];
  findStagedProgram(root: string):
    { program: string; libraryDirs: string[]; configDir: string } | undefined;
}

const selectors = ['kdemo-app', 'kdemo-info'];

/** Files and symlinks below `dir`, relative, sorted (directories left out). */
function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return listTree(path.join(dir, entry.name), relative + '/');
    return [relative];
  }).sort();
}

// The whole pipeline through the real CLI on the bundled example: real git
// remotes, real CMake builds, real Slackware packages.
describe('sync, build and package the bundled demo', () => {
  const root = tempDir('kappy-e2e-');
  let projects: DemoProject[] = [];
  let results: ResultsModule;

  beforeAll(async () => {
    const demo = await import(path.join(repoRoot, 'demo/setup.mjs')) as DemoModule;
    results = await import(path.join(repoRoot, 'demo/results.mjs')) as ResultsModule;
    projects = (await demo.setupDemo(root)).projects;
  });

  it('syncs every checkout to the commit its remote has', () => {
    const run = runKappy(['sync', ...selectors], { cwd: root });
    expect(run.stderr + run.stdout).not.toMatch(/FAILED/);
    expect(run.code).toBe(0);

    for (const project of projects) {
      const checkout = path.join(root, 'checkouts', project.path);
      const head = execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'],
        { encoding: 'utf8' }).trim();
      expect(head.startsWith(project.commit) || project.commit.startsWith(head)).toBe(true);
    }
  });

  it('builds in dependency order into install trees, and the program runs', () => {
    const run = runKappy(['build', '--json', ...selectors], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { results: { project: string;
      status: string }[] };
    expect(summary.results.map((r) => r.status)).toEqual(projects.map(() => 'built'));

    const order = summary.results.map((r) => r.project);
    expect(order.indexOf('demo/frameworks/libkdemo-core'))
      .toBeLessThan(order.indexOf('demo/frameworks/libkdemo-widgets'));
    expect(order.indexOf('demo/frameworks/libkdemo-widgets'))
      .toBeLessThan(order.indexOf('demo/apps/kdemo-app'));

    const staged = results.findStagedProgram(root);
    expect(staged).toBeDefined();
    const output = execFileSync(staged!.program, [], { encoding: 'utf8', env: {
      ...process.env,
      LD_LIBRARY_PATH: staged!.libraryDirs.join(':'),
      XDG_CONFIG_DIRS: staged!.configDir,
    } });
    expect(output).toContain('kdemo 1.2.0: core 1.2.0, widgets 0.9.0');
  });

  it('writes one build log per phase and a latest link', () => {
    const latest = path.join(root, 'logs', 'latest');
    expect(lstatSync(latest).isSymbolicLink()).toBe(true);
    const logs = listTree(path.join(latest, 'demo/apps/kdemo-app'));
    expect(logs).toEqual(expect.arrayContaining(['build.log', 'configure.log',
      'install.log']));
  });

  it('packages each install tree as a Slackware package with the same files', () => {
    const run = runKappy(['package', '--distro', 'slackware', ...selectors], { cwd: root });
    expect(run.code, run.stderr).toBe(0);

    const packages = results.findPackages(root).map((p) => path.basename(p));
    expect(packages).toHaveLength(projects.length);
    // Each checkout sits on its release tag, so the version is the tag's.
    expect(packages).toContainEqual(
      expect.stringMatching(/^libkdemo-core-1\.2\.0-[^-]+-1_kappy\.txz$/));
    expect(packages).toContain('kdemo-ecm-1.2.0-noarch-1_kappy.txz');

    const core = results.findPackages(root).find((p) => p.includes('libkdemo-core-'))!;
    const listing = execFileSync('tar', ['-tJf', core], { encoding: 'utf8' })
      .split('\n').filter((line) => line && !line.endsWith('/'));
    const tree = path.join(root, 'build/demo/frameworks/libkdemo-core/install-tree');
    const regular = listTree(tree).filter((f) => !lstatSync(path.join(tree, f))
      .isSymbolicLink());
    // Besides the install tree: install/ and the checkout's docs, as a SlackBuild copies.
    const docs = 'usr/doc/libkdemo-core-1.2.0/';
    expect(listing).toContain(`${docs}README.md`);
    expect(listing.filter((f) => !f.startsWith('install/') && !f.startsWith(docs)).sort())
      .toEqual(regular);

    const doinst = execFileSync('tar', ['-xJOf', core, 'install/doinst.sh'],
      { encoding: 'utf8' });
    expect(doinst).toMatch(/ln -sf libkdemocore\.so\.1\.2\.0 libkdemocore\.so\.1 \)/);
    const slackDesc = execFileSync('tar', ['-xJOf', core, 'install/slack-desc'],
      { encoding: 'utf8' }).trimEnd().split('\n');
    expect(slackDesc.filter((l) => l.startsWith('libkdemo-core:'))).toHaveLength(11);
  });

  it('installs the packages into a scratch root the way installpkg does', () => {
    const scratch = tempDir('kappy-slackroot-');
    for (const file of results.findPackages(root)) {
      // installpkg (Slackware 15): extract keeping existing directories, then run
      // install/doinst.sh from the root and drop install/.
      execFileSync('tar', ['--no-overwrite-dir', '-xpJf', file, '-C', scratch]);
      if (existsSync(path.join(scratch, 'install/doinst.sh'))) {
        execFileSync('sh', ['install/doinst.sh', '-install'], { cwd: scratch });
      }
      rmSync(path.join(scratch, 'install'), { recursive: true, force: true });
    }

    const libDir = readdirSync(path.join(scratch, 'usr/lib'), { withFileTypes: true })
      .find((e) => e.isDirectory() && readdirSync(path.join(scratch, 'usr/lib', e.name))
        .some((f) => f.startsWith('libkdemocore')));
    const libs = libDir ? path.join(scratch, 'usr/lib', libDir.name) : path.join(scratch,
      'usr/lib');
    expect(lstatSync(path.join(libs, 'libkdemocore.so.1')).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(scratch, 'etc/xdg'))).toContain('kdemorc');
    const output = execFileSync(path.join(scratch, 'usr/bin/kdemo'), [], { encoding: 'utf8',
      env: { ...process.env, LD_LIBRARY_PATH: libs,
        XDG_CONFIG_DIRS: path.join(scratch, 'etc/xdg') } });
    expect(output).toContain('kdemo 1.2.0: core 1.2.0, widgets 0.9.0');
  });

  it('finds everything up to date on a second build', () => {
    const run = runKappy(['build', '--json', ...selectors], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { results: { status: string }[] };
    expect(summary.results.map((r) => r.status)).toEqual(projects.map(() => 'up-to-date'));
    expect(readFileSync(path.join(root, 'kappy.toml'), 'utf8')).toContain('[paths]');
  });
});
