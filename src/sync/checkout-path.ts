import path from 'node:path';

import { MetadataError } from '../core/errors.js';
import { findPathRefusal } from './find-refusal.js';

/**
 * Where a project's checkout lives: `<cacheDir>/<project path>`. Throws for a
 * path that could escape the cache (absolute, `..`, empty or hidden segments).
 */
export function checkoutPath(cacheDir: string, projectPath: string): string {
  const refusal = findPathRefusal(projectPath);
  if (refusal !== undefined) throw new MetadataError(`refusing to use it: ${refusal}`);
  return path.join(cacheDir, ...projectPath.split('/'));
}
