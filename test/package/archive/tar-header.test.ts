import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  BLOCK_SIZE, RECORD_SIZE, encodeHeader, paddingFor, type TarHeader,
} from '../../../src/package/archive/tar-header.js';

const MTIME = 1_700_000_000;

function only(blocks: Buffer[]): Buffer {
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

function text(block: Buffer, offset: number, length: number): string {
  return block.subarray(offset, offset + length).toString('latin1');
}

/** The sum of all 512 bytes with the checksum field counted as spaces. */
function expectedChecksum(block: Buffer): number {
  let sum = 0;
  block.forEach((byte, index) => {
    sum += index >= 148 && index < 156 ? 0x20 : byte;
  });
  return sum;
}

function fileHeader(name: string, size = 3): TarHeader {
  return { name, type: 'file', mode: 0o644, size, mtime: MTIME };
}

describe('encodeHeader fields', () => {
  const block = only(encodeHeader(fileHeader('usr/bin/kappy-demo', 1234)));

  it('is one 512-byte block', () => {
    expect(block.length).toBe(BLOCK_SIZE);
    expect(RECORD_SIZE).toBe(20 * BLOCK_SIZE);
  });

  it('stores a checksum that matches the block, as six octal digits, NUL, space', () => {
    const field = text(block, 148, 8);
    expect(field).toMatch(/^[0-7]{6}\0 $/);
    expect(Number.parseInt(field.slice(0, 6), 8)).toBe(expectedChecksum(block));
  });

  it('writes numeric fields in octal, zero-padded and NUL-terminated', () => {
    expect(text(block, 100, 8)).toBe('0000644\0');
    expect(text(block, 108, 8)).toBe('0000000\0');
    expect(text(block, 116, 8)).toBe('0000000\0');
    expect(text(block, 124, 12)).toBe('00000002322\0');
    expect(text(block, 136, 12)).toBe(`${MTIME.toString(8)}\0`);
  });

  it('names the member, its type, GNU magic and root ownership', () => {
    expect(text(block, 0, 100).replace(/\0+$/, '')).toBe('usr/bin/kappy-demo');
    expect(text(block, 156, 1)).toBe('0');
    expect(text(block, 257, 8)).toBe('ustar  \0');
    expect(text(block, 265, 32).replace(/\0+$/, '')).toBe('root');
    expect(text(block, 297, 32).replace(/\0+$/, '')).toBe('root');
    expect(block.subarray(329, 345).every((byte) => byte === 0)).toBe(true);
  });

  it('writes the type flag and link text of links and directories', () => {
    const link = only(encodeHeader({ name: 'usr/lib/libx.so', type: 'symlink', mode: 0o777,
      size: 0, mtime: MTIME, linkName: 'libx.so.6' }));
    expect(text(link, 156, 1)).toBe('2');
    expect(text(link, 157, 100).replace(/\0+$/, '')).toBe('libx.so.6');
    expect(Number.parseInt(text(link, 148, 6), 8)).toBe(expectedChecksum(link));

    const hard = only(encodeHeader({ ...fileHeader('b'), type: 'hardlink', linkName: 'a' }));
    expect(text(hard, 156, 1)).toBe('1');
    const dir = only(encodeHeader({ ...fileHeader('usr/', 0), type: 'directory', mode: 0o755 }));
    expect(text(dir, 156, 1)).toBe('5');
    expect(text(dir, 100, 8)).toBe('0000755\0');
  });

  it('writes a time before 1970 as 0', () => {
    const old = only(encodeHeader({ ...fileHeader('old'), mtime: -5 }));
    expect(text(old, 136, 12)).toBe('00000000000\0');
  });

  it('switches the size to base-256 past 8 GiB, as GNU tar does', () => {
    const size = 2 ** 33 + 0x1234;
    const big = only(encodeHeader(fileHeader('huge.img', size)));
    expect(big[124]).toBe(0x80);
    let decoded = 0n;
    for (let index = 125; index < 136; index++) decoded = (decoded << 8n) | BigInt(big[index]!);
    expect(decoded).toBe(BigInt(size));
    expect(Number.parseInt(text(big, 148, 6), 8)).toBe(expectedChecksum(big));

    const largestOctal = only(encodeHeader(fileHeader('edge.img', 0o77777777777)));
    expect(text(largestOctal, 124, 12)).toBe('77777777777\0');
  });
});

describe('long names', () => {
  it('keeps a name of exactly 100 bytes in the header, with no terminating NUL', () => {
    const name = `usr/${'n'.repeat(96)}`;
    const block = only(encodeHeader(fileHeader(name)));
    expect(text(block, 0, 100)).toBe(name);
  });

  it('counts bytes, not characters: 50 two-byte letters fit, 51 do not', () => {
    expect(encodeHeader(fileHeader('\u00e9'.repeat(50)))).toHaveLength(1);
    expect(encodeHeader(fileHeader('\u00e9'.repeat(51)))).toHaveLength(4);
  });

  it('puts a GNU long-name record before a name of 101 bytes', () => {
    const name = `usr/${'n'.repeat(97)}`;
    const [longHeader, data, padding, header] = encodeHeader(fileHeader(name));

    expect(text(longHeader!, 0, 100).replace(/\0+$/, '')).toBe('././@LongLink');
    expect(text(longHeader!, 156, 1)).toBe('L');
    expect(Number.parseInt(text(longHeader!, 124, 11), 8)).toBe(102);
    expect(Number.parseInt(text(longHeader!, 148, 6), 8)).toBe(expectedChecksum(longHeader!));
    expect(data!.toString('latin1')).toBe(`${name}\0`);
    expect(data!.length + padding!.length).toBe(BLOCK_SIZE);
    expect(padding!.every((byte) => byte === 0)).toBe(true);
    expect(text(header!, 0, 100)).toBe(name.slice(0, 100));
  });

  it('puts the long-link record first when both texts are long', () => {
    const blocks = encodeHeader({ name: 'l'.repeat(120), type: 'symlink', mode: 0o777, size: 0,
      mtime: MTIME, linkName: 't'.repeat(130) });
    expect(blocks.map((block) => block.length)).toEqual([512, 131, 381, 512, 121, 391, 512]);
    expect([0, 3, 6].map((index) => text(blocks[index]!, 156, 1))).toEqual(['K', 'L', '2']);
    expect(blocks[1]!.toString('latin1')).toBe(`${'t'.repeat(130)}\0`);
    expect(blocks[4]!.toString('latin1')).toBe(`${'l'.repeat(120)}\0`);
  });
});

describe('the same bytes as GNU tar', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kappy-tar-header-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** GNU tar's header blocks for one file: everything before its content. */
  async function gnuHeaders(name: string, content: string): Promise<Buffer> {
    const file = path.join(dir, name);
    await writeFile(file, content);
    await chmod(file, 0o644);
    await utimes(file, MTIME, MTIME);
    const archive = execFileSync('tar', ['--format=gnu', '--owner=root:0', '--group=root:0',
      '-cf', '-', name], { cwd: dir });
    const contentStart = archive.indexOf(content);
    return archive.subarray(0, contentStart);
  }

  it.each([
    ['a short name', 'hello.txt'],
    ['a name of exactly 100 bytes', 'h'.repeat(100)],
    ['a name of 101 bytes', 'h'.repeat(101)],
    ['a name of 200 bytes', 'x'.repeat(200)],
  ])('for %s', async (_, name) => {
    const content = `kappy content for ${name.length}\n`;
    const ours = Buffer.concat(encodeHeader(fileHeader(name, Buffer.byteLength(content))));
    expect(ours.equals(await gnuHeaders(name, content))).toBe(true);
  });
});

describe('paddingFor', () => {
  it.each([[0, 0], [1, 511], [3, 509], [511, 1], [512, 0], [513, 511], [1024, 0]])(
    'pads %i bytes with %i zeros', (size, zeros) => {
      const padding = paddingFor(size);
      expect(padding.length).toBe(zeros);
      expect(padding.every((byte) => byte === 0)).toBe(true);
    });
});
