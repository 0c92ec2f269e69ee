import { createReadStream, watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from './metrics.ts';
import { makeWaiter, type MailboxSource, type MessageHandler } from './mailbox-source.ts';

/**
 * Local mode: `.eml` files dropped into `<dir>` are ingested and moved to `<dir>/processed` (or
 * `<dir>/quarantine`). A file still being written is left until its size stops changing.
 */
export function makeLocalInbox(options: { dir: string; log: Logger; metrics: Metrics; pollMs?: number }): MailboxSource {
  const { dir, log, metrics } = options;
  const processedDir = join(dir, 'processed');
  const quarantineDir = join(dir, 'quarantine');
  const lastSize = new Map<string, number>();

  async function candidates(): Promise<string[]> {
    const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.eml')).sort();
    const ready: string[] = [];
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info?.isFile()) continue;
      // Settled: the same size as at the previous look and untouched for a second. Writers should
      // still write under another name and rename to .eml when done (as maildir delivery does).
      const settled = lastSize.get(name) === info.size && Date.now() - info.mtimeMs > 1_000;
      lastSize.set(name, info.size);
      if (settled) ready.push(name);
    }
    return ready;
  }

  async function drain(handler: MessageHandler, signal: AbortSignal): Promise<void> {
    for (const name of await candidates()) {
      if (signal.aborted) return;
      const path = join(dir, name);
      try {
        // Inside the try: a file removed meanwhile is skipped, not the end of intake.
        const info = await stat(path);
        const disposition = await handler({
          source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: name },
          receivedAt: info.mtime,
          declaredSize: info.size,
          open: async () => createReadStream(path),
        });
        const target = disposition === 'quarantine' ? quarantineDir : processedDir;
        await rename(path, join(target, `${Date.now()}-${name}`));
        lastSize.delete(name);
      } catch (error) {
        metrics.inc('intake_errors_total');
        log.error('intake_failed', { code: errorCode(error) });
      }
    }
  }

  async function run(handler: MessageHandler, signal: AbortSignal): Promise<void> {
    await mkdir(processedDir, { recursive: true });
    await mkdir(quarantineDir, { recursive: true });
    const waiter = makeWaiter();
    let watcher: FSWatcher | null = null;
    try {
      watcher = watch(dir, () => waiter.wake());
    } catch {
      watcher = null;
    }
    log.info('local_inbox_watching', { pollMs: options.pollMs ?? 1000 });
    try {
      while (!signal.aborted) {
        await drain(handler, signal);
        await waiter.wait(options.pollMs ?? 1000, signal);
      }
    } finally {
      watcher?.close();
    }
  }

  return { run, isConnected: () => true };
}
