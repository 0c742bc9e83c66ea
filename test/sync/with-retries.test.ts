import { describe, expect, it } from 'vitest';

import { withRetries } from '../../src/sync/with-retries.js';

const TRANSIENT = 'fatal: the remote end hung up unexpectedly';
const PERMANENT = 'remote: Repository not found.';

interface Retry { attempt: number; reason: string; waitMs: number }

/** An attempt that fails with the given messages in turn, then returns `value`. */
function failing(messages: readonly (string | Error)[], value = 'cloned') {
  const calls: number[] = [];
  const attempt = async (): Promise<string> => {
    calls.push(calls.length + 1);
    const next = messages[calls.length - 1];
    if (next === undefined) return value;
    throw next instanceof Error ? next : new Error(next);
  };
  return { attempt, calls };
}

type OnRetry = (attempt: number, reason: string, waitMs: number) => void;

function recordRetries(): { retries: Retry[]; onRetry: OnRetry } {
  const retries: Retry[] = [];
  const onRetry: OnRetry = (attempt, reason, waitMs) => {
    retries.push({ attempt, reason, waitMs });
  };
  return { retries, onRetry };
}

describe('withRetries', () => {
  it('returns the first success without retrying', async () => {
    const { attempt, calls } = failing([]);
    const { retries, onRetry } = recordRetries();

    await expect(withRetries(attempt, { retries: 3, delayMs: 1, onRetry })).resolves.toBe('cloned');
    expect(calls).toEqual([1]);
    expect(retries).toEqual([]);
  });

  it('retries transient errors until one attempt succeeds', async () => {
    const { attempt, calls } = failing([TRANSIENT, 'fatal: early EOF']);
    const { retries, onRetry } = recordRetries();

    await expect(withRetries(attempt, { retries: 3, delayMs: 1, onRetry })).resolves.toBe('cloned');
    expect(calls).toEqual([1, 2, 3]);
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, TRANSIENT], [2, 'fatal: early EOF'],
    ]);
  });

  it('gives up after the last retry and throws the last error', async () => {
    const last = new Error('fatal: unable to access: Connection timed out');
    const { attempt, calls } = failing([TRANSIENT, TRANSIENT, last, TRANSIENT]);
    const { retries, onRetry } = recordRetries();

    await expect(withRetries(attempt, { retries: 2, delayMs: 1, onRetry })).rejects.toBe(last);
    expect(calls).toEqual([1, 2, 3]);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('never retries with retries: 0', async () => {
    const { attempt, calls } = failing([TRANSIENT]);

    await expect(withRetries(attempt, { retries: 0, delayMs: 1 })).rejects.toThrow(TRANSIENT);
    expect(calls).toEqual([1]);
  });

  it('does not retry a permanent error, even after transient ones', async () => {
    const permanent = new Error(`${PERMANENT}\nfatal: the remote end hung up unexpectedly`);
    const first = failing([permanent]);
    await expect(withRetries(first.attempt, { retries: 5, delayMs: 1 })).rejects.toBe(permanent);
    expect(first.calls).toEqual([1]);

    const later = failing([TRANSIENT, permanent]);
    await expect(withRetries(later.attempt, { retries: 5, delayMs: 1 })).rejects.toBe(permanent);
    expect(later.calls).toEqual([1, 2]);
  });

  it('does not retry an error it does not recognise', async () => {
    const { attempt, calls } = failing(['fatal: bad object HEAD']);
    await expect(withRetries(attempt, { retries: 5, delayMs: 1 })).rejects.toThrow('bad object');
    expect(calls).toEqual([1]);
  });

  it('judges a thrown non-Error by its text', async () => {
    let calls = 0;
    const attempt = async (): Promise<string> => {
      calls += 1;
      if (calls === 1) throw 'Connection reset by peer';
      return 'ok';
    };
    await expect(withRetries(attempt, { retries: 1, delayMs: 1 })).resolves.toBe('ok');
    expect(calls).toBe(2);
  });

  it('tells onRetry the whole git message on one line', async () => {
    const { attempt } = failing(['error: RPC failed; curl 18\n\nfatal: early EOF\n']);
    const { retries, onRetry } = recordRetries();

    await withRetries(attempt, { retries: 1, delayMs: 1, onRetry });
    expect(retries[0]?.reason).toBe('error: RPC failed; curl 18; fatal: early EOF');
  });

  it('doubles the wait each time, within a quarter either way', async () => {
    const { attempt } = failing([TRANSIENT, TRANSIENT, TRANSIENT]);
    const { retries, onRetry } = recordRetries();
    const delayMs = 4;

    await withRetries(attempt, { retries: 3, delayMs, onRetry });
    const waits = retries.map((r) => r.waitMs);
    expect(waits).toHaveLength(3);
    waits.forEach((wait, index) => {
      const base = delayMs * 2 ** index;
      expect(wait).toBeGreaterThanOrEqual(Math.round(base * 0.75));
      expect(wait).toBeLessThanOrEqual(Math.round(base * 1.25));
    });
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
  });

  it('does not retry once the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { attempt, calls } = failing([TRANSIENT]);
    const { retries, onRetry } = recordRetries();

    await expect(withRetries(attempt, {
      retries: 3, delayMs: 1, signal: controller.signal, onRetry,
    })).rejects.toThrow(TRANSIENT);
    expect(calls).toEqual([1]);
    expect(retries).toEqual([]);
  });

  it('stops waiting when aborted during the backoff', async () => {
    const controller = new AbortController();
    const { attempt, calls } = failing([TRANSIENT, TRANSIENT]);

    const run = withRetries(attempt, {
      retries: 3, delayMs: 60_000, signal: controller.signal,
      onRetry: () => queueMicrotask(() => controller.abort()),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toEqual([1]);
  });
});
