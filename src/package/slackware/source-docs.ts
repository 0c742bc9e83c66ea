import { statSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The files a SlackBuild copies from the source into `/usr/doc/name-version`
 * (`cp -a AUTHORS COPYING* README* …`): authorship, licences, readme and
 * change history. KDE keeps its licence texts in `LICENSES/` (REUSE).
 */
const DOC_FILE = /^(AUTHORS|COPYING|LICEN[CS]E|README|ChangeLog|NEWS|CHANGES|HACKING)(\W.*)?$/i;
const DOC_DIRS = ['LICENSES'];

/** Copies the checkout's top-level docs into the package's doc directory. */
export async function copySourceDocs(root: string, sourceDir: string, name: string,
  version: string): Promise<string[]> {
  const entries = await readdir(sourceDir, { withFileTypes: true }).catch(() => []);
  // `README -> README.md` links count too; their content is copied.
  const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) &&
    DOC_FILE.test(e.name) && isFile(path.join(sourceDir, e.name)));
  const dirs = entries.filter((e) => e.isDirectory() && DOC_DIRS.includes(e.name));
  if (files.length === 0 && dirs.length === 0) return [];

  const target = path.join(root, 'usr/doc', `${name}-${version}`);
  await mkdir(target, { recursive: true });
  for (const file of files) {
    await copyFile(path.join(sourceDir, file.name), path.join(target, file.name));
  }
  for (const dir of dirs) {
    await cp(path.join(sourceDir, dir.name), path.join(target, dir.name), { recursive: true });
  }
  return [...files, ...dirs].map((e) => e.name).sort();
}

/** A regular file, or a link to one (a dangling link is not). */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
