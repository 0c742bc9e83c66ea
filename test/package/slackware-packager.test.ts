import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { slackwarePackager } from '../../src/package/slackware/slackware-packager.js';
import type { PackageInput } from '../../src/package/packager.js';
import { createFixtureTree, describeTree, installSlackwarePackage, makeTempDir, NASTY_NAMES,
  run } from './fixture-tree.js';

describe('slackware packager', () => {
  let work: string;
  let tree: string;
  let input: PackageInput;
  let packageFile: string;

  beforeAll(async () => {
    work = await makeTempDir();
    tree = path.join(work, 'install-tree');
    await mkdir(tree);
    await createFixtureTree(tree);
    input = {
      project: { path: 'kde/demo', name: 'demo', description: 'A demo application. It ' +
        'shows what kappy does with an install tree, in enough words to need wrapping ' +
        'over more than one line of a slack-desc file.' },
      installTree: tree,
      version: 'v5.103.0-12-gabc1234',
      settings: { tag: '_kappy', arch: 'x86_64', conventions: false, strip: false },
      outputDir: path.join(work, 'packages'),
    };
    [packageFile = ''] = await slackwarePackager.createPackage(input);
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('names the package name-version-arch-build<tag>.txz', () => {
    expect(path.basename(packageFile)).toBe('demo-5.103.0_12_gabc1234-x86_64-1_kappy.txz');
    expect(run('xz', ['-t', packageFile])).toBe('');
  });

  it('lays the archive out as makepkg does', () => {
    const lines = run('tar', ['-tvvf', packageFile]).trim().split('\n');
    const names = run('tar', ['-tf', packageFile]).trim().split('\n');

    expect(names[0]).toBe('./');
    expect(lines[0]).toMatch(/^drwxr-xr-x root\/root /);
    expect(names.slice(1).some((name) => name.startsWith('./'))).toBe(false);
    expect(lines.every((line) => line.includes(' root/root '))).toBe(true);
    const sorted = [...names.slice(1)].sort((a, b) =>
      Buffer.compare(Buffer.from(a.replace(/\/$/, '')), Buffer.from(b.replace(/\/$/, ''))));
    expect(names.slice(1)).toEqual(sorted);
    expect(names).toContain('usr/share/demo/empty/');
    expect(names).toContain('install/slack-desc');
    expect(names).toContain('install/doinst.sh');
    expect(lines.some((line) => line.startsWith('h') && line.endsWith(
      'usr/share/demo/data.txt link to usr/share/demo/data-hardlink.txt'))).toBe(true);
    expect(lines.some((line) => line.startsWith('l'))).toBe(false);
    expect(lines.find((line) => line.endsWith(' usr/share/demo/private.key')))
      .toMatch(/^-rw------- /);
  });

  it('uses numeric owner 0/0', () => {
    const lines = run('tar', ['--numeric-owner', '-tvf', packageFile]).trim().split('\n');
    expect(lines.every((line) => line.includes(' 0/0 '))).toBe(true);
  });

  it('writes an 11-line slack-desc within 71 columns', () => {
    const desc = run('tar', ['-xOf', packageFile, 'install/slack-desc']);
    const lines = desc.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('demo: demo (A demo application)');
    expect(lines[1]).toBe('demo:');
    expect(lines[2]).toMatch(/^demo: A demo application\. It shows/);
    expect(lines.every((line) => line.startsWith('demo:') && line.length - 5 <= 71)).toBe(true);
  });

  it('turns symlinks into makepkg doinst.sh lines with names quoted', () => {
    const doinst = run('tar', ['-xOf', packageFile, 'install/doinst.sh']);
    expect(doinst).toContain('( cd usr/lib64 ; rm -rf libdemo.so )\n' +
      '( cd usr/lib64 ; ln -sf libdemo.so.1 libdemo.so )\n');
    expect(doinst).toContain("( cd usr/share/demo/odd ; ln -sf '$(touch pwned)' " +
      "'$(touch pwned).link' )");
    expect(doinst).toContain('ln -sf /usr/bin/demo absolute-link');
    expect(doinst).toContain('rm -rf ./-dash.link');
  });

  it('installs like installpkg into the same tree, running no file name', async () => {
    for (const shell of ['bash', 'sh']) {
      const root = await installSlackwarePackage(packageFile, shell);
      const installed = await describeTree(root, ['install']);
      expect(installed).toEqual(await describeTree(tree));
      const odd = await readdir(path.join(root, 'usr/share/demo/odd'));
      expect(odd.sort()).toEqual(NASTY_NAMES.flatMap((name) => [name, `${name}.link`]).sort());
      expect(run('find', [root, '-name', 'pwned'])).toBe('');
      await rm(root, { recursive: true, force: true });
    }
  });

  it('replaces an existing package atomically and leaves no temp files', async () => {
    await writeFile(packageFile, 'stale');
    const [again = ''] = await slackwarePackager.createPackage(input);
    expect(again).toBe(packageFile);
    expect((await stat(packageFile)).size).toBeGreaterThan(100);
    expect(await readdir(input.outputDir)).toEqual([path.basename(packageFile)]);
  });

  it('writes .tgz, .tbz and .tlz on request', async () => {
    for (const compression of ['tgz', 'tbz', 'tlz']) {
      const [file = ''] = await slackwarePackager.createPackage({ ...input,
        settings: { ...input.settings, compression } });
      expect(file.endsWith(`-x86_64-1_kappy.${compression}`)).toBe(true);
      expect(run('tar', ['-tf', file]).split('\n')[0]).toBe('./');
    }
  });

  it('appends symlink lines after a supplied doinst.sh', async () => {
    const [file = ''] = await slackwarePackager.createPackage({ ...input, outputDir:
      path.join(work, 'doinst'), settings: { ...input.settings, doinst: 'echo hello' } });
    const doinst = run('tar', ['-xOf', file, 'install/doinst.sh']);
    expect(doinst.startsWith('echo hello\n\n( cd ')).toBe(true);
  });

  it('never modifies the install tree', async () => {
    expect(await readFile(path.join(tree, 'etc/demo.conf'), 'utf8')).toBe('setting = 1\n');
    expect(await readdir(path.join(tree, 'usr/share/man/man1'))).toEqual(
      ['demo-alias.1', 'demo.1']);
  });
});

describe('slackware package names', () => {
  let work: string;
  beforeAll(async () => {
    work = await makeTempDir();
    await mkdir(path.join(work, 'tree/usr'), { recursive: true });
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  const attempt = (name: string, version: string, settings: Record<string, unknown> = {}) =>
    slackwarePackager.createPackage({
      project: { path: `kde/${name}`, name }, installTree: path.join(work, 'tree'), version,
      settings: { arch: 'x86_64', ...settings }, outputDir: path.join(work, 'out'),
    });

  it('refuses whitespace and dashes that installpkg cannot parse, naming the field', async () => {
    await expect(attempt('demo', '1.0 beta')).rejects
      .toThrow(/version "1.0 beta" contains whitespace/);
    await expect(attempt('my demo', '1.0')).rejects.toThrow(/name "my demo" contains whitespace/);
    await expect(attempt('demo', '1.0', { arch: 'x86-64' })).rejects.toThrow(
      /arch "x86-64" contains "-"/);
    await expect(attempt('demo', '1.0', { build: '1-2' })).rejects.toThrow(/build "1-2"/);
    await expect(attempt('demo', '1.0', { compression: 'zip' })).rejects.toThrow(
      /compression = "zip": expected one of txz, tgz, tbz, tlz/);
  });

  it('refuses a file name with a newline, naming the file', async () => {
    await writeFile(path.join(work, 'tree/usr/bad\nname'), 'x');
    await expect(attempt('demo', '1.0')).rejects.toThrow(/bad\\nname.*newline/);
    await rm(path.join(work, 'tree/usr/bad\nname'));
  });

  it('keeps a dash in the name and allows noarch', async () => {
    const [file = ''] = await attempt('kde-cli-tools', 'v6.1.0', { arch: 'noarch' });
    expect(path.basename(file)).toBe('kde-cli-tools-6.1.0-noarch-1.txz');
  });
});
