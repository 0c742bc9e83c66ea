import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, link, lstat, mkdir, mkdtemp, readdir, readFile, readlink, symlink,
  writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LONG_DIR = `usr/share/${'long-directory-name-'.repeat(4)}`;
export const LONG_FILE = `${LONG_DIR}/${'a-file-with-a-long-name-'.repeat(3)}.txt`;
/** File names a careless doinst.sh would execute. */
export const NASTY_NAMES = ['with space', 'it\'s "quoted"', '$(touch pwned)', '`touch pwned`',
  'back\\slash', '-dash'];

export async function makeTempDir(prefix = 'kappy-package-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

async function put(root: string, file: string, text: string, mode = 0o644): Promise<void> {
  const full = path.join(root, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, text);
  await chmod(full, mode);
}

/**
 * An install tree with what real ones have and what makes packagers trip:
 * nested and empty dirs, an executable, a hard link pair, a path over 100
 * bytes, relative, absolute and directory symlinks, man pages, and symlinks
 * whose names are shell syntax.
 */
export async function createFixtureTree(root: string): Promise<void> {
  await chmod(root, 0o755);
  await put(root, 'usr/bin/demo', '#!/bin/sh\necho demo\n', 0o755);
  await put(root, 'usr/lib64/libdemo.so.1.0', 'not really a library\n', 0o755);
  await symlink('libdemo.so.1.0', path.join(root, 'usr/lib64/libdemo.so.1'));
  await symlink('libdemo.so.1', path.join(root, 'usr/lib64/libdemo.so'));
  await put(root, 'usr/share/demo/data.txt', 'data\n');
  await link(path.join(root, 'usr/share/demo/data.txt'),
    path.join(root, 'usr/share/demo/data-hardlink.txt'));
  await mkdir(path.join(root, 'usr/share/demo/empty'), { recursive: true });
  await chmod(path.join(root, 'usr/share/demo/empty'), 0o700);
  await put(root, 'usr/share/demo/private.key', 'secret\n', 0o600);
  await put(root, LONG_FILE, 'long\n');
  await symlink('/usr/bin/demo', path.join(root, 'usr/share/demo/absolute-link'));
  await symlink('../demo', path.join(root, 'usr/share/demo/empty-link-to-dir'));
  await put(root, 'usr/share/man/man1/demo.1', '.TH DEMO 1\n.SH NAME\ndemo\n');
  await symlink('demo.1', path.join(root, 'usr/share/man/man1/demo-alias.1'));
  await put(root, 'etc/demo.conf', 'setting = 1\n');

  for (const name of NASTY_NAMES) {
    await put(root, `usr/share/demo/odd/${name}`, `file ${name}\n`);
    await symlink(name, path.join(root, `usr/share/demo/odd/${name}.link`));
  }
}

export interface TreeItem {
  type: 'dir' | 'file' | 'symlink';
  mode: number;
  content?: string;
  target?: string;
}

/** Every path under `root` with its type, mode, content hash and link text. */
export async function describeTree(root: string,
  skip: string[] = []): Promise<Map<string, TreeItem>> {
  const items = new Map<string, TreeItem>();
  async function visit(relative: string): Promise<void> {
    const full = path.join(root, relative);
    const info = await lstat(full);
    const mode = info.mode & 0o7777;
    if (info.isSymbolicLink()) {
      items.set(relative, { type: 'symlink', mode: 0, target: await readlink(full) });
    } else if (info.isDirectory()) {
      if (relative !== '') items.set(relative, { type: 'dir', mode });
      for (const name of await readdir(full)) {
        const child = relative ? `${relative}/${name}` : name;
        if (!skip.includes(child)) await visit(child);
      }
    } else {
      const hash = createHash('sha256').update(await readFile(full)).digest('hex');
      items.set(relative, { type: 'file', mode, content: hash });
    }
  }
  await visit('');
  return items;
}

export function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Extracts a Slackware package and runs doinst.sh the way installpkg does. */
export async function installSlackwarePackage(packageFile: string,
  shell = 'bash'): Promise<string> {
  const root = await makeTempDir('kappy-install-root-');
  run('tar', ['-xpf', packageFile, '-C', root]);
  const doinst = path.join(root, 'install/doinst.sh');
  if (await lstat(doinst).then(() => true, () => false)) {
    run(shell, ['install/doinst.sh', '-install'], root);
  }
  return root;
}
