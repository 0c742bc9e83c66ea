import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/** One `ar` member: in-memory contents or a file to copy. */
export interface ArMember {
  name: string;
  content?: Buffer;
  file?: string;
}

/**
 * Writes a System V `ar` archive the way dpkg-deb does for .deb files:
 * 16-byte names padded with spaces (no `/` terminator), mtime, uid and gid
 * 0, mode 100644, members padded to an even length with `\n`.
 */
export async function writeAr(file: string, members: ArMember[], mtime: number): Promise<void> {
  const handle = await open(file, 'w', 0o644);
  try {
    await handle.write('!<arch>\n');
    for (const member of members) {
      const size = member.content?.length ?? (await stat(member.file ?? '')).size;
      await handle.write(encodeArHeader(member.name, size, mtime));
      if (member.content) await handle.write(member.content);
      else await copyInto(member.file ?? '', handle.fd);
      if (size % 2 === 1) await handle.write('\n');
    }
  } finally {
    await handle.close();
  }
}

function encodeArHeader(name: string, size: number, mtime: number): string {
  const fields = [
    name.padEnd(16),
    String(mtime).padEnd(12),
    '0'.padEnd(6),
    '0'.padEnd(6),
    '100644'.padEnd(8),
    String(size).padEnd(10),
  ];
  return `${fields.join('')}\`\n`;
}

async function copyInto(source: string, fd: number): Promise<void> {
  const target = createWriteStream('', { fd, autoClose: false });
  await pipeline(createReadStream(source), target);
}
