import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile }
  from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { copySourceDocs } from '../../../src/package/slackware/source-docs.js';

let temp: string;
let source: string;
let root: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kappy-docs-'));
  source = path.join(temp, 'source');
  root = path.join(temp, 'package-root');
  await mkdir(source);
  await mkdir(root);
});

afterEach(async () => rm(temp, { recursive: true, force: true }));

async function put(file: string, text = `${file}\n`): Promise<void> {
  await mkdir(path.dirname(path.join(source, file)), { recursive: true });
  await writeFile(path.join(source, file), text);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

const docDir = (): string => path.join(root, 'usr/doc/kcoreaddons-6.1.0');

describe('copySourceDocs', () => {
  it('copies the readme, licences, authors and change history, and nothing else', async () => {
    const docs = ['README', 'README.md', 'COPYING', 'COPYING.LIB', 'COPYING-CMAKE-SCRIPTS',
      'LICENSE', 'LICENCE.txt', 'AUTHORS', 'ChangeLog', 'NEWS', 'CHANGES', 'HACKING'];
    const others = ['main.c', 'CMakeLists.txt', '.gitignore', 'READMEFIRST', 'LICENSE_notes',
      'kcoreaddons.kdev4', 'Messages.sh', 'metainfo.yaml'];
    for (const file of [...docs, ...others]) await put(file);
    await put('LICENSES/LGPL-2.0-or-later.txt', 'LGPL text\n');
    await put('LICENSES/nested/CC0-1.0.txt', 'CC0 text\n');
    await put('.git/HEAD', 'ref: refs/heads/master\n');
    await put('src/README', 'not top-level\n');
    await put('README.d/part', 'a README directory\n');

    const copied = await copySourceDocs(root, source, 'kcoreaddons', '6.1.0');

    const expected = [...docs, 'LICENSES'].sort();
    expect(copied).toEqual(expected);
    expect((await readdir(docDir())).sort()).toEqual(expected);
    for (const file of docs) {
      expect(await readFile(path.join(docDir(), file), 'utf8')).toBe(`${file}\n`);
    }
    expect(await readFile(path.join(docDir(), 'LICENSES/nested/CC0-1.0.txt'), 'utf8'))
      .toBe('CC0 text\n');
    expect(await readdir(path.join(root, 'usr/doc'))).toEqual(['kcoreaddons-6.1.0']);
  });

  it('matches names in any case', async () => {
    for (const file of ['readme.txt', 'Copying', 'License.md']) await put(file);
    expect(await copySourceDocs(root, source, 'kcoreaddons', '6.1.0'))
      .toEqual(['Copying', 'License.md', 'readme.txt']);
  });

  it('returns the names sorted, whatever order the directory lists them in', async () => {
    for (const file of ['NEWS', 'AUTHORS', 'README', 'COPYING', 'ChangeLog']) await put(file);
    expect(await copySourceDocs(root, source, 'kcoreaddons', '6.1.0'))
      .toEqual(['AUTHORS', 'COPYING', 'ChangeLog', 'NEWS', 'README']);
  });

  it('leaves a README directory and a LICENSES file alone', async () => {
    await put('README/index.md');
    await put('LICENSES');
    expect(await copySourceDocs(root, source, 'kcoreaddons', '6.1.0')).toEqual([]);
  });

  it('creates no doc directory when there is nothing to copy', async () => {
    await put('main.c');
    await put('.git/HEAD');
    expect(await copySourceDocs(root, source, 'kcoreaddons', '6.1.0')).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('copies nothing, and does not fail, when the checkout is missing', async () => {
    const missing = path.join(temp, 'no-such-checkout');
    expect(await copySourceDocs(root, missing, 'kcoreaddons', '6.1.0')).toEqual([]);
    expect(await exists(path.join(root, 'usr'))).toBe(false);
  });
});

describe('copySourceDocs with links', () => {
  it('copies the content behind a README link and skips a dangling one', async () => {
    const source = await mkdtemp(path.join(os.tmpdir(), 'kappy-docs-src-'));
    const root = await mkdtemp(path.join(os.tmpdir(), 'kappy-docs-root-'));
    await writeFile(path.join(source, 'README.md'), 'hello\n');
    await symlink('README.md', path.join(source, 'README'));
    await symlink('nowhere', path.join(source, 'COPYING'));

    const copied = await copySourceDocs(root, source, 'demo', '1.0');

    expect(copied).toEqual(['README', 'README.md']);
    const doc = path.join(root, 'usr/doc/demo-1.0');
    expect(await readFile(path.join(doc, 'README'), 'utf8')).toBe('hello\n');
    expect((await readdir(doc)).sort()).toEqual(['README', 'README.md']);
  });
});
