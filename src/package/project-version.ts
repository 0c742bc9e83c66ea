import { stat } from 'node:fs/promises';
import path from 'node:path';

import { runCommand } from './run-command.js';

/** Used when there is no checkout to describe. */
export const UNKNOWN_VERSION = '0.0.0';

/**
 * The raw version of a checkout, before a packager makes it safe:
 * - tagged history: `git describe --tags --always --long`, e.g.
 *   `v5.103.0-12-gabc1234` (12 commits after v5.103.0), or just the tag,
 *   `v5.103.0`, for the tagged commit itself (a release);
 * - no tags: `0.0.0-g<short hash>`, so it still sorts as a version;
 * - no checkout, or not a git repository: `0.0.0`.
 *
 * `commit` is the commit the build recorded; without it, HEAD is described.
 */
export async function describeVersion(checkout: string, commit = 'HEAD'): Promise<string> {
  // The default cache lives inside kappy's own repository: a missing
  // checkout must not describe kappy instead.
  const isCheckout = await stat(path.join(checkout, '.git')).then(() => true, () => false);
  if (!isCheckout) return UNKNOWN_VERSION;

  const described = await runCommand('git',
    ['-C', checkout, 'describe', '--tags', '--always', '--long', commit])
    .then((result) => result.stdout.trim(), () => undefined);

  if (described === undefined || described === '') return UNKNOWN_VERSION;
  if (/^[0-9a-f]{4,40}$/.test(described)) return `${UNKNOWN_VERSION}-g${described}`;
  return described.replace(/-0-g[0-9a-f]+$/, '');
}
