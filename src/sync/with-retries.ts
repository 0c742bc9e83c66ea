import { setTimeout as sleep } from 'node:timers/promises';

import { describeGitError } from './open-git.js';
import { isTransientGitError } from './is-transient-git-error.js';

export interface RetryPolicy {
  /** Extra attempts after the first, for transient errors only. */
  retries: number;
  /** First wait; doubles each time. */
  delayMs: number;
  signal?: AbortSignal;
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

/** Runs `attempt` until it succeeds, fails permanently or retries run out. */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let done = 0; ; done += 1) {
    try {
      return await attempt();
    } catch (error) {
      const reason = describeGitError(error);
      const retryable = done < policy.retries && !policy.signal?.aborted;
      if (!retryable || !isTransientGitError(reason)) throw error;

      // Jitter keeps parallel projects from hammering a recovering server in step.
      const waitMs = Math.round(policy.delayMs * 2 ** done * (0.75 + Math.random() * 0.5));
      policy.onRetry?.(done + 1, reason, waitMs);
      await sleep(waitMs, undefined, policy.signal ? { signal: policy.signal } : {});
    }
  }
}
