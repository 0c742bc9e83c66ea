import { KappyError } from '../core/errors.js';

/**
 * A project that cannot be packaged: a bad name or version, an unsafe file
 * name in the install tree, a failed compressor. Exit code 1: the project
 * failed, the others may still succeed.
 */
export class PackageError extends KappyError {
  readonly project?: string;

  constructor(message: string, options: { project?: string; cause?: unknown } = {}) {
    super(message, { exitCode: 1, cause: options.cause });
    this.project = options.project;
  }
}
