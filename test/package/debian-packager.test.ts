import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { debianPackager } from '../../src/package/debian/debian-packager.js';
import { createFixtureTree, describeTree, makeTempDir, run } from './fixture-tree.js';

describe('debian packager', () => {
  let work: string;
  let tree: string;
  let debFile: string;

  beforeAll(async () => {
    work = await makeTempDir();
    tree = path.join(work, 'install-tree');
    await mkdir(tree);
    await createFixtureTree(tree);
    [debFile = ''] = await debianPackager.createPackage({
      project: { path: 'kde/KDemo', name: 'KDemo', description: 'A demo application. ' +
        'It shows what kappy does with an install tree, in words enough to wrap.' },
      installTree: tree,
      version: 'v5.103.0-12-gabc1234',
      settings: { arch: 'amd64', maintainer: 'Jane <jane@example.org>' },
      outputDir: path.join(work, 'debian'),
    });
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('writes an ar archive dpkg-deb reads, members in order', () => {
    expect(path.basename(debFile)).toBe('kdemo_5.103.0+12+gabc1234_amd64.deb');
    expect(run('ar', ['t', debFile]).trim().split('\n'))
      .toEqual(['debian-binary', 'control.tar.xz', 'data.tar.xz']);

    const info = run('dpkg-deb', ['--info', debFile]);
    expect(info).toContain(' Package: kdemo\n');
    expect(info).toContain(' Version: 5.103.0+12+gabc1234\n');
    expect(info).toContain(' Architecture: amd64\n');
    expect(info).toContain(' Maintainer: Jane <jane@example.org>\n');
    expect(info).toMatch(/ Installed-Size: \d+\n/);
    expect(info).toContain(' Description: A demo application\n  A demo application. It shows');
    expect(run('dpkg-deb', ['--field', debFile, 'Package'])).toBe('kdemo\n');
  });

  it('archives ./-prefixed members, symlinks as symlinks, owned by root', () => {
    const lines = run('dpkg-deb', ['--contents', debFile]).trim().split('\n');
    expect(lines[0]).toMatch(/^drwxr-xr-x root\/root .* \.\/$/);
    expect(lines.slice(1).every((line) => / \.\/\S/.test(line))).toBe(true);
    expect(lines.some((line) => line.endsWith('./usr/lib64/libdemo.so -> libdemo.so.1')))
      .toBe(true);
    const md5sums = run('sh', ['-c',
      `dpkg-deb --ctrl-tarfile '${debFile}' | tar -xOf - ./md5sums`]);
    expect(md5sums).toMatch(/^[0-9a-f]{32} {2}usr\/bin\/demo$/m);
  });

  it('installs with dpkg into a scratch root, file for file', async () => {
    const root = path.join(work, 'root');
    await mkdir(path.join(root, 'var/lib/dpkg/info'), { recursive: true });
    await mkdir(path.join(root, 'var/lib/dpkg/updates'), { recursive: true });
    run('touch', [path.join(root, 'var/lib/dpkg/status')]);

    run('dpkg', [`--root=${root}`, '--force-not-root', '--force-script-chrootless',
      '--log=/dev/null', '-i', debFile]);
    expect(run('dpkg', [`--root=${root}`, '-s', 'kdemo']))
      .toContain('Status: install ok installed');
    expect(await describeTree(root, ['var'])).toEqual(await describeTree(tree));
    expect(await readdir(path.join(work, 'debian'))).toEqual([path.basename(debFile)]);
  });
});
