/**
 * Ctrl-C aborts the running command once (so it can kill its children and
 * record state); a second Ctrl-C exits at once.
 */
export function interruptSignal(onFirst: () => void): AbortSignal {
  const controller = new AbortController();
  const handle = (): void => {
    if (controller.signal.aborted) process.exit(130);
    onFirst();
    controller.abort();
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return controller.signal;
}
