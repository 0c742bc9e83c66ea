/**
 * GNU tar headers, byte for byte as GNU tar 1.3x writes them with
 * `--format=gnu --owner=root:0 --group=root:0`: octal fields ending in NUL,
 * magic `ustar  `, owner names `root`, device fields left empty, and
 * `././@LongLink` records for names or link texts over 100 bytes.
 */

export const BLOCK_SIZE = 512;
/** GNU tar pads the archive to whole records of 20 blocks. */
export const RECORD_SIZE = 20 * BLOCK_SIZE;

const NAME_FIELD = 100;
const LARGEST_OCTAL_SIZE = 0o77777777777;

export type TarType = 'file' | 'hardlink' | 'symlink' | 'directory';

const TYPE_FLAGS: Record<TarType | 'longName' | 'longLink', string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  directory: '5',
  longName: 'L',
  longLink: 'K',
};

export interface TarHeader {
  name: string;
  type: TarType;
  mode: number;
  size: number;
  mtime: number;
  linkName?: string;
}

/** The header blocks of one member, long-name records first when needed. */
export function encodeHeader(header: TarHeader): Buffer[] {
  const name = Buffer.from(header.name);
  const linkName = Buffer.from(header.linkName ?? '');
  const blocks: Buffer[] = [];

  if (linkName.length > NAME_FIELD) blocks.push(...encodeLongRecord('longLink', linkName));
  if (name.length > NAME_FIELD) blocks.push(...encodeLongRecord('longName', name));

  blocks.push(encodeBlock({
    name: name.subarray(0, NAME_FIELD),
    linkName: linkName.subarray(0, NAME_FIELD),
    mode: header.mode,
    size: header.size,
    mtime: header.mtime,
    flag: TYPE_FLAGS[header.type],
  }));
  return blocks;
}

/** Zero bytes that bring `size` up to a whole block. */
export function paddingFor(size: number): Buffer {
  const rest = size % BLOCK_SIZE;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}

function encodeLongRecord(kind: 'longName' | 'longLink', text: Buffer): Buffer[] {
  const data = Buffer.concat([text, Buffer.alloc(1)]);
  const header = encodeBlock({
    name: Buffer.from('././@LongLink'),
    linkName: Buffer.alloc(0),
    mode: 0o644,
    size: data.length,
    mtime: 0,
    flag: TYPE_FLAGS[kind],
  });
  return [header, data, paddingFor(data.length)];
}

interface BlockFields {
  name: Buffer;
  linkName: Buffer;
  mode: number;
  size: number;
  mtime: number;
  flag: string;
}

function encodeBlock(fields: BlockFields): Buffer {
  const block = Buffer.alloc(BLOCK_SIZE);
  fields.name.copy(block, 0);
  writeOctal(block, 100, 8, fields.mode);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeSize(block, fields.size);
  writeOctal(block, 136, 12, Math.max(0, fields.mtime));
  block.write(fields.flag, 156, 'latin1');
  fields.linkName.copy(block, 157);
  block.write('ustar  \0', 257, 'latin1');
  block.write('root', 265, 'latin1');
  block.write('root', 297, 'latin1');

  writeChecksum(block);
  return block;
}

function writeOctal(block: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  block.write(`${digits}\0`, offset, 'latin1');
}

/** Sizes past 8 GiB do not fit 11 octal digits: GNU tar switches to base-256. */
function writeSize(block: Buffer, size: number): void {
  if (size <= LARGEST_OCTAL_SIZE) {
    writeOctal(block, 124, 12, size);
    return;
  }
  let rest = BigInt(size);
  for (let index = 124 + 11; index > 124; index--) {
    block[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  block[124] = 0x80;
}

/** The checksum is summed with its own field as spaces, then stored as `NNNNNN\0 `. */
function writeChecksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
}
