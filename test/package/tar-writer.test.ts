import { execFileSync } from 'node:child_process';
import { chmod, rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { scanTree } from '../../src/package/archive/scan-tree.js';
import { writeTar } from '../../src/package/archive/tar-writer.js';
import { createFixtureTree, makeTempDir } from './fixture-tree.js';

async function collectTar(root: string, prefix: '' | './'): Promise<Buffer> {
  const entries = await scanTree(root);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeTar(entries, stream, { prefix });
  stream.end();
  return Buffer.concat(chunks);
}

/** What makepkg feeds GNU tar: every path, sorted byte-wise, `./` only on the root. */
function gnuTar(root: string, prefix: '' | './'): Buffer {
  const paths = execFileSync('find', ['.', '-print0'], { cwd: root }).toString()
    .split('\0').filter((name) => name !== '')
    .map((name) => (name === '.' ? './' : `${prefix}${name.slice(2)}`))
    .sort((a, b) => Buffer.compare(Buffer.from(a.replace(/^\.\//, '')),
      Buffer.from(b.replace(/^\.\//, ''))));
  return execFileSync('tar', ['--no-recursion', '--format=gnu', '--owner=root:0',
    '--group=root:0', '--null', '--verbatim-files-from', '-T', '-', '-cf', '-'],
  { cwd: root, input: paths.join('\0') + '\0', maxBuffer: 64 * 1024 * 1024 });
}

describe('writeTar', () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTempDir();
    await createFixtureTree(root);
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('writes the same bytes as GNU tar fed the makepkg file list', async () => {
    const ours = await collectTar(root, '');
    const theirs = gnuTar(root, '');
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('writes the same bytes as GNU tar with ./ prefixes, as Debian data archives have',
    async () => {
    const ours = await collectTar(root, './');
    expect(ours.equals(gnuTar(root, './'))).toBe(true);
  });

  it('lists root-owned members GNU tar reads back, hard links and long names too', async () => {
    await chmod(root, 0o700);
    const archive = await collectTar(root, '');
    await chmod(root, 0o755);
    const listing = execFileSync('tar', ['--numeric-owner', '-tvf', '-'], { input: archive })
      .toString().trim().split('\n');

    expect(listing[0]).toMatch(/^drwxr-xr-x 0\/0 .* \.\/$/);
    expect(listing.every((line) => / 0\/0 /.test(line))).toBe(true);
    expect(listing.some((line) => line.startsWith('h') &&
      line.endsWith('usr/share/demo/data.txt link to usr/share/demo/data-hardlink.txt')))
      .toBe(true);
    expect(listing.some((line) => line.includes('a-file-with-a-long-name-a-file'))).toBe(true);
  });
});
