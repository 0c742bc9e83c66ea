import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

import { writeAr } from '../archive/ar-writer.js';
import { writeCompressed } from '../archive/compressor.js';
import { scanTree } from '../archive/scan-tree.js';
import { writeTar } from '../archive/tar-writer.js';
import type { TreeEntry } from '../archive/tree-entry.js';
import { writeAtomically } from '../atomic-output.js';
import { PackageError } from '../package-error.js';
import type { PackageInput, Packager } from '../packager.js';
import { createControlFile } from './control-file.js';
import { debianPackageName, debianVersion, hostArchitecture } from './debian-fields.js';
import { readDebianSettings } from './debian-settings.js';

/** A binary .deb as dpkg-deb builds it, from an install tree, without root. */
export const debianPackager: Packager = {
  name: 'debian',
  createPackage: createDebianPackage,
};

export async function createDebianPackage(input: PackageInput): Promise<string[]> {
  const settings = readDebianSettings(input.settings);
  const packageName = debianPackageName(input.project.name);
  const version = debianVersion(input.version);
  const architecture = settings.arch ?? await hostArchitecture();

  const entries = await scanTree(input.installTree);
  refuseNewlines(entries, input.installTree);
  const mtime = Math.max(0, ...entries.map((entry) => entry.mtime));

  const control = createControlFile({
    packageName, version, architecture,
    maintainer: settings.maintainer,
    installedSize: installedSizeOf(entries),
    description: input.project.description,
    projectPath: input.project.path,
    depends: settings.depends,
    section: settings.section,
    priority: settings.priority,
  });
  const md5sums = await computeMd5sums(entries);

  const fileName = `${packageName}_${version}_${architecture}.deb`;
  const file = await writeAtomically(input.outputDir, fileName, async (temporaryFile) => {
    const scratch = path.dirname(temporaryFile);
    const controlTar = path.join(scratch, 'control.tar.xz');
    const dataTar = path.join(scratch, 'data.tar.xz');

    await writeCompressed(controlTar, 'xz', (stream) => writeTar(
      controlEntries(control, md5sums, mtime), stream, { prefix: './' }));
    await writeCompressed(dataTar, 'xz', (stream) => writeTar(entries, stream,
      { prefix: './' }));
    await writeAr(temporaryFile, [
      { name: 'debian-binary', content: Buffer.from('2.0\n') },
      { name: 'control.tar.xz', file: controlTar },
      { name: 'data.tar.xz', file: dataTar },
    ], mtime);
  });
  return [file];
}

function controlEntries(control: string, md5sums: string, mtime: number): TreeEntry[] {
  const file = (name: string, text: string): TreeEntry => {
    const content = Buffer.from(text);
    return { path: name, kind: 'file', mode: 0o644, mtime, size: content.length, content };
  };
  const root: TreeEntry = { path: '', kind: 'directory', mode: 0o755, mtime, size: 0 };
  return [root, file('control', control), file('md5sums', md5sums)];
}

/** KiB the way dpkg-gencontrol counts: whole KiB per file, 1 per other entry. */
function installedSizeOf(entries: TreeEntry[]): number {
  const counted = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (entry.inode && counted.has(entry.inode)) continue;
    if (entry.inode) counted.add(entry.inode);
    total += entry.kind === 'file' ? Math.ceil(entry.size / 1024) : 1;
  }
  return total;
}

async function computeMd5sums(entries: TreeEntry[]): Promise<string> {
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'file' || !entry.source) continue;
    const hash = createHash('md5');
    for await (const chunk of createReadStream(entry.source)) hash.update(chunk as Buffer);
    lines.push(`${hash.digest('hex')}  ${entry.path}\n`);
  }
  return lines.join('');
}

/** dpkg's file lists are one name per line. */
function refuseNewlines(entries: TreeEntry[], tree: string): void {
  const bad = entries.find((entry) => entry.path.includes('\n'));
  if (bad) {
    throw new PackageError(`${JSON.stringify(path.join(tree, bad.path))}: file names with ` +
      'a newline cannot be packaged for Debian; rename it');
  }
}
