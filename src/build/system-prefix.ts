import { access, constants } from 'node:fs/promises';
import path from 'node:path';

/** Prefixes the distribution owns, even when kappy happens to run as root. */
const SYSTEM_ROOTS = ['/usr', '/opt', '/bin', '/sbin', '/lib', '/lib64'];

/**
 * A system prefix (`/usr`, `/usr/local`, `/opt/...`, or a directory the
 * user cannot write) is never installed into: dependents build against the
 * staged install trees instead, so packaging never needs root.
 */
export async function isSystemPrefix(prefix: string): Promise<boolean> {
  const resolved = path.resolve(prefix);
  if (resolved === '/') return true;
  if (SYSTEM_ROOTS.some((root) => resolved === root || resolved.startsWith(root + '/'))) {
    return true;
  }
  return !(await isWritable(await nearestExisting(resolved)));
}

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

async function isWritable(dir: string): Promise<boolean> {
  return access(dir, constants.W_OK).then(() => true, () => false);
}
