import { access, constants } from 'node:fs/promises';
import path from 'node:path';

import { PackageError } from '../package-error.js';
import { runCommand } from '../run-command.js';

/** Slackware's makepkg, or a PackageError saying how to do without it. */
export async function findMakepkg(): Promise<string> {
  const makepkg = await findOnPath('makepkg');
  if (!makepkg) {
    throw new PackageError('[package.slackware] use-makepkg = true, but `makepkg` is not ' +
      'on PATH; install Slackware\'s pkgtools or remove use-makepkg to use the built-in writer');
  }
  return makepkg;
}

/**
 * Runs Slackware's own `makepkg -l y -c n OUTPUT` in `tree` (a prepared
 * scratch copy with install/slack-desc and install/doinst.sh; makepkg adds
 * the symlink lines itself). Not root: under fakeroot so the archive still
 * says root:root.
 */
export async function runMakepkg(makepkg: string, tree: string,
  outputFile: string): Promise<void> {
  const args = ['-l', 'y', '-c', 'n', outputFile];
  if (process.getuid?.() === 0) {
    await runCommand(makepkg, args, { cwd: tree });
    return;
  }

  const fakeroot = await findOnPath('fakeroot');
  if (!fakeroot) {
    throw new PackageError('makepkg must run as root or under fakeroot, and `fakeroot` is ' +
      'not on PATH; install fakeroot (Debian package "fakeroot")');
  }
  await runCommand(fakeroot, ['--', makepkg, ...args], { cwd: tree });
}

export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    const found = await access(candidate, constants.X_OK).then(() => true, () => false);
    if (found) return candidate;
  }
  return undefined;
}
