import { accessSync, constants, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isSystemPrefix } from '../../src/build/system-prefix.js';

let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kappy-prefix-'));
});

afterAll(async () => {
  await chmod(temp, 0o755).catch(() => undefined);
  await rm(temp, { recursive: true, force: true });
});

/** Root writes anywhere, so a read-only directory only exists for other users. */
const isRoot = process.getuid?.() === 0;

function procSysIsReadOnly(): boolean {
  if (!existsSync('/proc/sys')) return false;
  try {
    accessSync('/proc/sys', constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

describe('isSystemPrefix', () => {
  it.each(['/', '/usr', '/usr/', '/usr/local', '/usr/local/kde', '/opt', '/opt/kde',
    '/bin', '/sbin', '/lib', '/lib64', '/usr/../usr/local', '/opt/kf6/../kf5'])(
    'counts %j as a system prefix, even for root', async (prefix) => {
      expect(await isSystemPrefix(prefix)).toBe(true);
    });

  it('does not count a writable temp dir', async () => {
    expect(await isSystemPrefix(temp)).toBe(false);
  });

  it('does not count a prefix that does not exist yet under a writable dir', async () => {
    expect(await isSystemPrefix(path.join(temp, 'not/yet/created'))).toBe(false);
  });

  it('resolves the path before judging it', async () => {
    expect(await isSystemPrefix(`/usr/../${path.relative('/', temp)}`)).toBe(false);
    expect(await isSystemPrefix(path.join(temp, '../../usr/lib'))).toBe(true);
  });

  it('does not mistake names that only start like a system root', async () => {
    const lookalikes = ['usrlocal', 'opt-kde', 'library', 'binaries'];
    for (const name of lookalikes) {
      await mkdir(path.join(temp, name), { recursive: true });
      expect(await isSystemPrefix(path.join(temp, name))).toBe(false);
    }
  });

  it.skipIf(isRoot)('counts a directory the user cannot write, and what would go inside',
    async () => {
      const locked = path.join(temp, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o555);
      try {
        expect(await isSystemPrefix(locked)).toBe(true);
        expect(await isSystemPrefix(path.join(locked, 'kde/install'))).toBe(true);
      } finally {
        await chmod(locked, 0o755);
      }
    });

  // Containers often give root a /proc/sys it cannot write: the root-side check.
  it.runIf(procSysIsReadOnly())('counts a directory this user cannot write (/proc/sys)',
    async () => {
      expect(await isSystemPrefix('/proc/sys/kappy-prefix')).toBe(true);
    });
});
