import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Lets `write` create `fileName` in a private temporary directory inside
 * `outputDir`, then renames it into place: a reader sees the old package or
 * the new one, never half of one, and a failure leaves no temp files.
 */
export async function writeAtomically(outputDir: string, fileName: string,
  write: (temporaryFile: string) => Promise<void>): Promise<string> {
  await mkdir(outputDir, { recursive: true });
  const temporaryDir = await mkdtemp(path.join(outputDir, '.kappy-tmp-'));
  try {
    const temporaryFile = path.join(temporaryDir, fileName);
    await write(temporaryFile);

    const finalFile = path.join(outputDir, fileName);
    await rename(temporaryFile, finalFile);
    return finalFile;
  } finally {
    await rm(temporaryDir, { recursive: true, force: true });
  }
}
