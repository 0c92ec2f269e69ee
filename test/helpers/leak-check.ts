import { beforeEach } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Fails an integration test that leaves something running, as graphile-worker's afterEach fails a
 * test that leaked a worker pool: a worker, queue, runtime, Redis or SMTP connection, server or
 * timer that the test (or its file's beforeEach) opened and nothing closed. Without it such a
 * handle keeps the file's process alive and the whole run waits for its timeout, or it lingers
 * and makes a later test flaky.
 *
 * How: Node's own list of active handles (`process.getActiveResourcesInfo()`: sockets, servers,
 * child processes, ref'd timers), counted per kind before each test's beforeEach hooks and again
 * after its afterEach hooks (a `t.after` registered first runs last). A kind whose count grew is a
 * leak, once closing sockets have had `graceMs` to go. What the file's `before` opened for all its
 * tests is in both counts and is not a leak. Call once at the top of every integration test file;
 * test/unit/test-gate.test.ts checks that each one does.
 */
export interface LeakCheckOptions {
  /** How long closing handles may take to go (sockets close a few ticks after `close()`). */
  graceMs?: number;
  /**
   * Runs before the count: e.g. closing the idle keep-alive connections fetch pooled to a server
   * the file shares between its tests (pooled for the next test, not left open by this one).
   */
  settle?: () => void | Promise<void>;
  /**
   * Kinds not counted, each with the reason: e.g. the poll timer of a service the file's `before`
   * started, which exists between polls and not during one, so its count depends on the moment.
   */
  ignore?: Readonly<Record<string, string>>;
}

export function checkLeaks(options: LeakCheckOptions = {}): void {
  const graceMs = options.graceMs ?? 3_000;
  const ignored = new Set(Object.keys(options.ignore ?? {}));
  beforeEach((t) => {
    if (!('after' in t)) return;
    const before = activeHandles();
    t.after(async () => {
      await options.settle?.();
      const leaked = (await leakedSince(before, graceMs, ignored));
      if (leaked.length > 0) {
        throw new Error(
          `The test "${t.name}" left open: ${leaked.join(', ')}. Close every worker, queue, runtime, connection, server and timer it opened (in a finally or afterEach).`,
        );
      }
    });
  });
}

function activeHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The kinds with more handles than `before`, as "TCPSocketWrap +2"; waits up to `graceMs` for them to close. */
async function leakedSince(before: ReadonlyMap<string, number>, graceMs: number, ignored: ReadonlySet<string>): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const now = activeHandles();
    const grown = [...now].filter(([kind, count]) => !ignored.has(kind) && count > (before.get(kind) ?? 0)).map(([kind, count]) => `${kind} +${count - (before.get(kind) ?? 0)}`);
    if (grown.length === 0 || Date.now() > deadline) return grown;
    await sleep(50);
  }
}
