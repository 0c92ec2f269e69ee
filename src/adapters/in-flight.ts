/**
 * The IMAP adapter's window of batches in flight (imap-mailbox.ts): pure promise bookkeeping.
 * At most `limit` tasks at once, started in order. `add` waits for a free slot; the first failure
 * is kept, stops `add` from starting more (failed() is true) and is thrown by `settle`, which
 * waits for every task, so nothing still runs when the caller gives up its mailbox lock.
 */
export function makeInFlight(limit: number) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  return {
    failed: () => failure !== null,
    async add(task: () => Promise<void>): Promise<void> {
      while (running.size >= limit) await Promise.race(running);
      if (failure) return;
      const promise: Promise<void> = Promise.resolve().then(task).then(
        () => void running.delete(promise),
        (error: unknown) => {
          failure ??= { error };
          running.delete(promise);
        },
      );
      running.add(promise);
    },
    async settle(): Promise<void> {
      await Promise.all(running);
      if (failure) throw failure.error;
    },
  };
}
