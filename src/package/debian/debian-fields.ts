import os from 'node:os';

import { PackageError } from '../package-error.js';
import { runCommand } from '../run-command.js';

/**
 * Debian package names: lowercase letters, digits, `+ - .`, starting with
 * a letter or digit, at least two characters. `KCoreAddons` -> `kcoreaddons`.
 */
export function debianPackageName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9.+-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '').replace(/-+$/, '');
  if (cleaned.length < 2) {
    throw new PackageError(`project name ${JSON.stringify(name)} gives no valid Debian ` +
      'package name (lowercase letters, digits, "+-.", at least two characters)');
  }
  return cleaned;
}

/**
 * A Debian upstream version from `git describe`: leading `v` dropped, every
 * character dpkg would misread (`-`, `_`, `:`, spaces) turned into `+`, so
 * `v5.103.0-12-gabc1234` -> `5.103.0+12+gabc1234`, which sorts after
 * `5.103.0`. A version not starting with a digit gets `0~` in front.
 */
export function debianVersion(raw: string): string {
  const cleaned = raw.trim().replace(/^v(?=\d)/, '').replace(/[^A-Za-z0-9.+~]+/g, '+')
    .replace(/\++$/, '');
  if (cleaned === '') {
    throw new PackageError(`version ${JSON.stringify(raw)} gives no valid Debian version; ` +
      'set the project\'s `version` override');
  }
  return /^\d/.test(cleaned) ? cleaned : `0~${cleaned}`;
}

const ARCH_FROM_NODE: Record<string, string> = {
  x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386', ppc64: 'ppc64el',
  riscv64: 'riscv64', s390x: 's390x', loong64: 'loong64',
};

/** `dpkg --print-architecture` when dpkg is there, else from Node's arch name. */
export async function hostArchitecture(): Promise<string> {
  const fromDpkg = await runCommand('dpkg', ['--print-architecture'])
    .then((result) => result.stdout.trim(), () => '');
  return fromDpkg || (ARCH_FROM_NODE[os.arch()] ?? os.arch());
}
