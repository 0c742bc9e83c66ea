import type { SimpleGitProgressEvent } from 'simple-git';

import type { Reporter } from '../core/reporter.js';

/**
 * Turns git's progress into `progress` events, at most one per stage and
 * ten percent, so a fast clone does not flood a piped log.
 */
export function reportGitProgress(
  reporter: Reporter,
  project: string,
): (event: SimpleGitProgressEvent) => void {
  let last = '';
  return (event) => {
    const step = `${event.stage}:${Math.floor(event.progress / 10)}`;
    if (step === last) return;
    last = step;
    reporter.emit({
      stage: 'sync',
      kind: 'progress',
      project,
      message: `${event.method}: ${event.stage} ${event.progress}%`,
      data: { stage: event.stage, progress: event.progress },
    });
  };
}
