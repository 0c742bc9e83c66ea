import { KappyError } from '../core/errors.js';

/**
 * Another kappy sync holds the cache lock. Exit code 1: the command was
 * valid, it just could not run now (2 is kept for bad usage, config, metadata).
 */
export class SyncLockError extends KappyError {
  readonly lockFile: string;
  readonly holderPid: number | undefined;

  constructor(lockFile: string, holderPid: number | undefined, cacheDir: string) {
    const holder = holderPid === undefined ? 'another kappy sync' : `kappy sync (pid ${holderPid})`;
    super(
      `${holder} is already using the cache ${cacheDir} (lock ${lockFile}). ` +
        'Wait for it to finish, or run again with --wait to queue behind it. ' +
        `If no kappy is running, delete ${lockFile}.`,
      { exitCode: 1 },
    );
    this.lockFile = lockFile;
    this.holderPid = holderPid;
  }
}
