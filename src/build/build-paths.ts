import path from 'node:path';
import type { Paths } from '../config/settings.js';

/** Out-of-source build directory: `<paths.build>/<project path>`. */
export function buildDirOf(paths: Paths, projectPath: string): string {
  return path.join(paths.build, projectPath);
}

/**
 * The staged DESTDIR install that packagers read. It holds exactly the files
 * of the latest build, laid out under the install prefix (`<tree>/usr/...`).
 */
export function installTreeOf(paths: Paths, projectPath: string): string {
  return path.join(buildDirOf(paths, projectPath), 'install-tree');
}

/** Where the sync stage keeps the git checkout. */
export function sourceDirOf(paths: Paths, projectPath: string): string {
  return path.join(paths.cache, projectPath);
}

/** The prefix as seen inside a staged tree: `<tree>/usr` for prefix `/usr`. */
export function stagedPrefixOf(paths: Paths, projectPath: string): string {
  return path.join(installTreeOf(paths, projectPath), paths.install);
}
