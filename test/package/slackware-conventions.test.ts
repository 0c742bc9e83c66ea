import { chmod, link, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { slackwarePackager } from '../../src/package/slackware/slackware-packager.js';
import type { PackageInput } from '../../src/package/packager.js';
import { describeTree, installSlackwarePackage, makeTempDir, run } from './fixture-tree.js';

async function put(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

describe('slackware conventions', () => {
  let work: string;
  let tree: string;
  let input: PackageInput;
  let packageFile: string;
  let treeBefore: Awaited<ReturnType<typeof describeTree>>;

  beforeAll(async () => {
    work = await makeTempDir();
    tree = path.join(work, 'install-tree');
    await put(tree, 'src/main.c', 'int helper(int x) { return x + 1; }\n' +
      'int main(void) { return helper(-1); }\n');
    await mkdir(path.join(tree, 'usr/bin'), { recursive: true });
    run('gcc', ['-g', '-O0', '-o', path.join(tree, 'usr/bin/demo'), path.join(tree, 'src/main.c')]);
    await rm(path.join(tree, 'src'), { recursive: true });
    await link(path.join(tree, 'usr/bin/demo'), path.join(tree, 'usr/bin/demo-again'));
    await put(tree, 'usr/share/man/man1/demo.1', '.TH DEMO 1\n');
    await symlink('demo.1', path.join(tree, 'usr/share/man/man1/demo-alias.1'));
    await put(tree, 'usr/share/doc/demo/README', 'read me\n');
    await put(tree, 'usr/share/doc/HTML/en/demo/index.docbook', '<book/>\n');
    await put(tree, 'etc/xdg/demorc', 'a=1\n');
    await chmod(path.join(tree, 'etc/xdg/demorc'), 0o640);
    treeBefore = await describeTree(tree);
    const source = path.join(work, 'checkout');
    await put(source, 'README.md', 'about demo\n');
    await put(source, 'COPYING', 'GPL\n');
    await put(source, 'LICENSES/GPL-2.0-or-later.txt', 'GPL text\n');
    await put(source, 'main.c', 'int main(void) { return 0; }\n');

    input = {
      project: { path: 'kde/demo', name: 'demo' }, installTree: tree, version: 'v1.2.3',
      settings: { arch: 'x86_64' }, outputDir: path.join(work, 'out'), sourceDir: source,
    };
    [packageFile = ''] = await slackwarePackager.createPackage(input);
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('applies SlackBuild conventions by default to a /usr tree', async () => {
    const root = await installSlackwarePackage(packageFile);
    const names = run('tar', ['-tf', packageFile]).split('\n');

    expect(run('nm', [path.join(root, 'usr/bin/demo')]).includes('helper')).toBe(false);
    expect(run('sh', ['-c', `nm ${path.join(tree, 'usr/bin/demo')}`])).toContain('helper');
    expect(run('tar', ['-tvf', packageFile]))
      .toMatch(/^h.* usr\/bin\/demo-again link to usr\/bin\/demo$/m);
    expect(run('gzip', ['-dc', path.join(root, 'usr/share/man/man1/demo.1.gz')]))
      .toBe('.TH DEMO 1\n');
    expect(names).not.toContain('usr/share/man/man1/demo.1');
    expect(await readFile(path.join(root, 'usr/share/man/man1/demo-alias.1.gz'), 'utf8'))
      .toBe(await readFile(path.join(root, 'usr/share/man/man1/demo.1.gz'), 'utf8'));
    expect(await readFile(path.join(root, 'usr/doc/demo-1.2.3/README'), 'utf8')).toBe('read me\n');
    expect(names).toContain('usr/share/doc/HTML/en/demo/index.docbook');
    expect(names).toEqual(expect.arrayContaining(['usr/doc/demo-1.2.3/README.md',
      'usr/doc/demo-1.2.3/COPYING', 'usr/doc/demo-1.2.3/LICENSES/GPL-2.0-or-later.txt']));
    expect(names).not.toContain('usr/doc/demo-1.2.3/main.c');
    expect(names).toContain('etc/xdg/demorc.new');
    expect(await readFile(path.join(root, 'etc/xdg/demorc'), 'utf8')).toBe('a=1\n');
    await rm(root, { recursive: true, force: true });
  });

  it('keeps an edited config file and leaves the .new one beside it', async () => {
    const root = await makeTempDir();
    await put(root, 'etc/xdg/demorc', 'edited\n');
    run('tar', ['-xpf', packageFile, '-C', root]);
    run('bash', ['install/doinst.sh', '-install'], root);
    expect(await readFile(path.join(root, 'etc/xdg/demorc'), 'utf8')).toBe('edited\n');
    expect(await readFile(path.join(root, 'etc/xdg/demorc.new'), 'utf8')).toBe('a=1\n');
    await rm(root, { recursive: true, force: true });
  });

  it('leaves the install tree untouched', async () => {
    expect(await describeTree(tree)).toEqual(treeBefore);
  });

  it('turns conventions and strip off on request', async () => {
    const [file = ''] = await slackwarePackager.createPackage({ ...input,
      outputDir: path.join(work, 'plain'), settings: { ...input.settings, conventions: false } });
    const root = await installSlackwarePackage(file);
    expect(await describeTree(root, ['install'])).toEqual(treeBefore);
    await rm(root, { recursive: true, force: true });
  });

  it('leaves trees without usr/ alone by default', async () => {
    const bare = path.join(work, 'bare');
    await put(bare, 'etc/demo.conf', 'x\n');
    const [file = ''] = await slackwarePackager.createPackage({ ...input, installTree: bare,
      outputDir: path.join(work, 'bare-out') });
    expect(run('tar', ['-tf', file]).split('\n')).toContain('etc/demo.conf');
  });
});

describe('use-makepkg', () => {
  let work: string;
  let savedPath: string | undefined;

  beforeAll(async () => {
    work = await makeTempDir();
    savedPath = process.env['PATH'];
  });
  afterAll(async () => {
    process.env['PATH'] = savedPath;
    await rm(work, { recursive: true, force: true });
  });

  // Slackware's makepkg is not packaged for Debian: a stand-in records how
  // it was called and what it found in its working directory.
  it('runs makepkg -l y -c n in a prepared copy of the tree', async () => {
    const bin = path.join(work, 'bin');
    const log = path.join(work, 'makepkg.log');
    await put(bin, 'makepkg', `#!/bin/sh\n{ echo "args: $*"; ls -A; cat install/doinst.sh; ` +
      `cat install/slack-desc | head -1; } > ${log}\necho fake > "$5"\n`);
    await chmod(path.join(bin, 'makepkg'), 0o755);
    process.env['PATH'] = `${bin}:${savedPath ?? ''}`;

    const tree = path.join(work, 'tree');
    await put(tree, 'usr/lib/libx.so.1', 'lib\n');
    await symlink('libx.so.1', path.join(tree, 'usr/lib/libx.so'));
    await put(tree, 'etc/x.conf', 'x\n');
    const [file = ''] = await slackwarePackager.createPackage({
      project: { path: 'kde/x', name: 'x', description: 'X.' }, installTree: tree,
      version: '1.0', settings: { 'use-makepkg': true, arch: 'x86_64', strip: false },
      outputDir: path.join(work, 'out'),
    });

    const logged = await readFile(log, 'utf8');
    expect(logged).toMatch(/^args: -l y -c n \/.*\/x-1\.0-x86_64-1\.txz\n/);
    expect(logged).toContain('config etc/x.conf.new');
    expect(logged).not.toContain('ln -sf');
    expect(logged).toContain('x: x (X)');
    expect(await readFile(file, 'utf8')).toBe('fake\n');
    expect(path.basename(file)).toBe('x-1.0-x86_64-1.txz');
    expect((await describeTree(tree)).get('usr/lib/libx.so')).toEqual(
      { type: 'symlink', mode: 0, target: 'libx.so.1' });
  });

  it('says so when makepkg is missing', async () => {
    process.env['PATH'] = '/nonexistent';
    await expect(slackwarePackager.createPackage({
      project: { path: 'kde/x', name: 'x' }, installTree: path.join(work, 'tree'),
      version: '1.0', settings: { 'use-makepkg': true, conventions: false, arch: 'x86_64' },
      outputDir: path.join(work, 'out2'),
    })).rejects.toThrow(/use-makepkg = true, but `makepkg` is not on PATH/);
    process.env['PATH'] = savedPath;
  });
});
