import { existsSync } from 'node:fs';
import { mkdir, readFile, readlink, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildLockedError } from '../../src/build/build-lock.js';
import { buildProjects, installTreeOf } from '../../src/build/build-projects.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import { customProject, makeWorkspace, planOf, writeCheckouts } from './build-fixtures.js';

const reporter = new MemoryReporter();

describe('logs', () => {
  it('writes one log per phase, env.txt, commands.txt and a latest link', async () => {
    const plan = planOf([customProject('kde/ok', [], { buildCommand: 'echo compiling' }),
      customProject('kde/broken', [], { buildCommand: 'for i in $(seq 1 40); do ' +
        'echo line $i; done; echo boom >&2; exit 2' })]);
    const paths = await makeWorkspace();
    await writeCheckouts(paths, plan);
    const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter });

    const runDir = path.join(paths.logs, summary.runId);
    expect(await readlink(path.join(paths.logs, 'latest'))).toBe(summary.runId);
    expect((await readdir(path.join(runDir, 'kde/ok'))).sort()).toEqual(['build.log',
      'commands.txt', 'configure.log', 'env.txt', 'install.log']);
    expect(await readFile(path.join(runDir, 'kde/ok/build.log'), 'utf8')).toContain('compiling');
    expect(await readFile(path.join(runDir, 'kde/ok/env.txt'), 'utf8'))
      .toMatch(/^PATH=/m);
    expect(await readFile(path.join(runDir, 'kde/ok/commands.txt'), 'utf8'))
      .toContain("build: KAPPY_SOURCE_DIR=");

    const broken = summary.results.find((r) => r.project === 'kde/broken');
    expect(broken).toMatchObject({ status: 'failed', phase: 'build',
      logPath: path.join(runDir, 'kde/broken/build.log') });
    expect(broken?.logTail).toHaveLength(30);
    expect(broken?.logTail?.join('\n')).toContain('boom');
    expect(broken?.message).toMatch(/^Command failed with exit code 2: sh -c/);

    const second = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter });
    expect(await readlink(path.join(paths.logs, 'latest'))).toBe(second.runId);
    expect(second.runId).not.toBe(summary.runId);
  });
});

const INSTALL_TOOL = 'mkdir -p "$DESTDIR$KAPPY_PREFIX/bin" ' +
  '"$DESTDIR$KAPPY_PREFIX/lib/pkgconfig" && ' +
  'printf "#!/bin/sh\\necho alpha-tool ran\\n" > "$DESTDIR$KAPPY_PREFIX/bin/alpha-tool" && ' +
  'chmod +x "$DESTDIR$KAPPY_PREFIX/bin/alpha-tool" && ' +
  'printf "prefix=$KAPPY_PREFIX\\nincludedir=\\${prefix}/include/alpha\\n' +
  'Name: alpha\\nDescription: a\\nVersion: 1\\nCflags: -I\\${includedir}\\n" ' +
  '> "$DESTDIR$KAPPY_PREFIX/lib/pkgconfig/alpha.pc"';
const USE_TOOL = 'alpha-tool > used.txt && pkg-config --cflags alpha >> used.txt';

describe('install trees', () => {
  it('installs into a user prefix and stages an install tree', async () => {
    const plan = planOf([customProject('alpha', [], { installCommand: INSTALL_TOOL }),
      customProject('beta', ['alpha'], { buildCommand: USE_TOOL })]);
    const paths = await makeWorkspace();
    await writeCheckouts(paths, plan);
    const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter });

    expect(summary.ok).toBe(true);
    expect(existsSync(path.join(paths.install, 'bin/alpha-tool'))).toBe(true);
    const tree = installTreeOf(paths, 'alpha');
    expect(existsSync(path.join(tree, paths.install, 'bin/alpha-tool'))).toBe(true);
    const used = (await readFile(path.join(paths.build, 'beta/used.txt'), 'utf8'))
      .replace(/ +\n/g, '\n');
    expect(used).toBe(`alpha-tool ran\n-I${paths.install}/include/alpha\n`);
  });

  it('with /usr as prefix, writes nothing there and builds against the staged trees',
    async () => {
      const plan = planOf([customProject('alpha', [], { installCommand: INSTALL_TOOL }),
        customProject('beta', ['alpha'], { buildCommand: USE_TOOL })]);
      const paths = await makeWorkspace('/usr');
      await writeCheckouts(paths, plan);
      const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
        reporter });

      expect(summary.ok).toBe(true);
      expect(existsSync('/usr/bin/alpha-tool')).toBe(false);
      expect(existsSync('/usr/lib/pkgconfig/alpha.pc')).toBe(false);
      const tree = installTreeOf(paths, 'alpha');
      expect(existsSync(path.join(tree, 'usr/bin/alpha-tool'))).toBe(true);
      // The packager's copy keeps the real prefix.
      expect(await readFile(path.join(tree, 'usr/lib/pkgconfig/alpha.pc'), 'utf8'))
        .toContain('prefix=/usr\n');
      const used = (await readFile(path.join(paths.build, 'beta/used.txt'), 'utf8'))
      .replace(/ +\n/g, '\n');
      expect(used).toBe(`alpha-tool ran\n-I${tree}/usr/include/alpha\n`);
    });

  it('wipes the install tree so it holds exactly the latest build', async () => {
    const install = (file: string) => `mkdir -p "$DESTDIR/x" && touch "$DESTDIR/x/${file}"`;
    const paths = await makeWorkspace();
    const first = planOf([customProject('p', [], { installCommand: install('old') })]);
    await writeCheckouts(paths, first);
    await buildProjects(first, { paths, jobs: 1, onFailure: 'continue', reporter });
    const second = planOf([customProject('p', [], { installCommand: install('new') })]);
    await buildProjects(second, { paths, jobs: 1, onFailure: 'continue', reporter });

    expect(await readdir(path.join(installTreeOf(paths, 'p'), 'x'))).toEqual(['new']);
  });
});

describe('pretend and lock', () => {
  it('--pretend runs and writes nothing and returns the command lines', async () => {
    const plan = planOf([customProject('a', [], { buildCommand: 'touch built' })]);
    const paths = await makeWorkspace();
    await writeCheckouts(paths, plan);
    const summary = await buildProjects(plan, { paths, jobs: 3, onFailure: 'continue',
      reporter, pretend: true });

    expect(summary.results[0]?.status).toBe('pretend');
    const commands = summary.results[0]?.commands ?? [];
    expect(commands.map((c) => c.slice(-3))).toEqual([['sh', '-c', 'true'],
      ['sh', '-c', 'touch built'], ['sh', '-c', 'true'], ['sh', '-c', 'true']]);
    expect(commands[1]).toContain('KAPPY_JOBS=3');
    expect(existsSync(paths.build)).toBe(false);
    expect(existsSync(paths.logs)).toBe(false);
  });

  it('--pretend detects each checkout\'s build system', async () => {
    const paths = await makeWorkspace();
    const files = { 'm': 'meson.build', 'q': 'app.pro', 'a': 'configure.ac' };
    for (const [name, file] of Object.entries(files)) {
      await mkdir(path.join(paths.cache, name), { recursive: true });
      await writeFile(path.join(paths.cache, name, file), '');
    }
    const plan = planOf(Object.keys(files).map((name) => ({ ...customProject(name),
      settings: { ...customProject(name).settings, buildSystem: undefined } })));
    const summary = await buildProjects(plan, { paths, jobs: 1, onFailure: 'continue',
      reporter, pretend: true });
    expect(summary.results.map((r) => r.commands?.[0]?.slice(0, 2).join(' '))).toEqual([
      'meson setup', `qmake ${path.join(paths.cache, 'q')}`, 'autoreconf --install']);
  });

  it('refuses to share the build directory with a running build', async () => {
    const plan = planOf([customProject('a')]);
    const paths = await makeWorkspace();
    await writeCheckouts(paths, plan);
    await mkdir(paths.build, { recursive: true });
    const lock = path.join(paths.build, '.kappy-build.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, since: 'noon' }));

    const build = buildProjects(plan, { paths, jobs: 1, onFailure: 'continue', reporter });
    await expect(build).rejects.toBeInstanceOf(BuildLockedError);
    await expect(build).rejects.toThrow(`pid ${process.pid}, started noon`);

    // A lock left by a process that is gone is taken over.
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 1, since: 'noon' }));
    const summary = await buildProjects(plan, { paths, jobs: 1, onFailure: 'continue',
      reporter });
    expect(summary.ok).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});
