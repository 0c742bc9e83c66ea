import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InstallRoot } from './build-environment.js';

/**
 * pkg-config files in a staged tree say `prefix=/usr`. PKG_CONFIG_SYSROOT_DIR
 * would fix them but also rewrites every system package (`-I/usr/include/glib-2.0`
 * becomes `-I<sysroot>/usr/include/glib-2.0`), and one sysroot cannot cover
 * several trees. So a dependent gets its own copies of its dependencies'
 * `.pc` files with the variables that point into the prefix moved into the
 * tree. The install trees stay untouched for the packagers.
 */
export async function writeStagedPkgConfig(outDir: string, prefix: string,
  roots: readonly InstallRoot[]): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  const written = new Set<string>();

  for (const root of roots) {
    for (const file of await pkgConfigFiles(root)) {
      const name = path.basename(file);
      // The nearest dependency wins, as on PKG_CONFIG_PATH.
      if (written.has(name)) continue;
      const text = await readFile(file, 'utf8');
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, name), relocatePkgConfig(text, prefix, root.root));
      written.add(name);
    }
  }
  return written.size > 0 ? [outDir] : [];
}

/**
 * Moves `name=<prefix>…` variable definitions under `stagedPrefix`.
 *
 * TODO: a literal `-I/usr/…` or `-L/usr/…` in Cflags/Libs (not written with
 * ${prefix}) still points at the system; no KDE .pc file seen does this.
 */
export function relocatePkgConfig(text: string, prefix: string, stagedPrefix: string): string {
  const pattern = /^([A-Za-z0-9_.]+)=(.*)$/;
  return text.split('\n').map((line) => {
    const match = pattern.exec(line);
    const value = match?.[2];
    if (!match || value === undefined || !isUnder(value.trim(), prefix)) return line;
    return `${match[1]}=${stagedPrefix}${value.trim().slice(prefix === '/' ? 0 : prefix.length)}`;
  }).join('\n');
}

function isUnder(value: string, prefix: string): boolean {
  return value === prefix || value.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

async function pkgConfigFiles(root: InstallRoot): Promise<string[]> {
  const dirs = [...root.libDirs.map((lib) => path.join(root.root, lib, 'pkgconfig')),
    path.join(root.root, 'share', 'pkgconfig')];
  const files: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    files.push(...names.filter((n) => n.endsWith('.pc')).sort().map((n) => path.join(dir, n)));
  }
  return files;
}
