/**
 * Wraps an async function so that at most `limit` calls run at once; the
 * others wait in call order.
 */
export function limitConcurrency<A extends unknown[], R>(limit: number,
  task: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];

  return async (...args: A) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task(...args);
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
