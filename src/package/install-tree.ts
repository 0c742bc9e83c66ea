import path from 'node:path';

import type { Paths } from '../config/settings.js';

/**
 * Where the build stage stages a project's install (its DESTDIR).
 *
 * TODO: same formula as `installTreeOf` in src/build/build-projects.ts, which
 * did not exist when this was written; keep one of the two.
 */
export function installTreeOf(paths: Paths, projectPath: string): string {
  return path.join(paths.build, projectPath, 'install-tree');
}
