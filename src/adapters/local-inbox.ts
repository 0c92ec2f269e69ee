import { createReadStream, watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { errorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from './metrics.ts';
import { makeWaiter, type Disposition, type MailboxSource, type MessageHandler } from './mailbox-source.ts';
import { convertMsgToEml } from './outlook-msg.ts';
import type { IncomingMessage } from '../domain/incoming-message.ts';

/** Files are handled one at a time: a batch of one; its Error is thrown, leaving the file in place. */
async function handleOne(handler: MessageHandler, message: IncomingMessage): Promise<Disposition> {
  const [outcome] = await handler([message]);
  if (outcome === 'processed' || outcome === 'quarantine') return outcome;
  throw outcome ?? new Error('The handler gave no result for the file; it stays in the inbox.');
}

export function fileKind(name: string): 'eml' | 'msg' | 'other' {
  const extension = extname(name).toLowerCase();
  return extension === '.eml' ? 'eml' : extension === '.msg' ? 'msg' : 'other';
}

/** The extension alone, as a log field: letters and digits, short (a file name may hold a name). */
function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10) || 'none';
}

/**
 * Local mode: `.eml` files dropped into `<dir>` are ingested and moved to `<dir>/processed` (or
 * `<dir>/quarantine`). Outlook `.msg` files are converted first (outlook-msg.ts) and the original
 * is kept. Any other file goes to quarantine with a log line, never ignored. Names starting with
 * a dot are files still being written under a temporary name. A file still being written is
 * left until its size stops changing.
 */
export interface LocalInboxOptions {
  dir: string;
  log: Logger;
  metrics: Metrics;
  /** How often the folder is looked at besides the file-system watcher's wake-ups; default 1000 ms. */
  pollMs?: number;
  /** Larger `.msg` files are quarantined unread; default 50 MB. */
  maxMsgBytes?: number;
  /** The time a file's age is measured against (ms since 1970); default the wall clock. A test seam. */
  now?: () => number;
}

export function makeLocalInbox(options: LocalInboxOptions): MailboxSource {
  const { dir, log, metrics } = options;
  const now = options.now ?? Date.now;
  const processedDir = join(dir, 'processed');
  const quarantineDir = join(dir, 'quarantine');
  const lastSize = new Map<string, number>();

  async function candidates(): Promise<string[]> {
    const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
    const ready: string[] = [];
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info?.isFile()) continue;
      // Settled: the same size as at the previous look and untouched for a second. Writers should
      // still write under another name and rename to .eml when done (as maildir delivery does).
      const settled = lastSize.get(name) === info.size && now() - info.mtimeMs > 1_000;
      lastSize.set(name, info.size);
      if (settled) ready.push(name);
      else log.debug('local_file_unsettled', { extension: extensionOf(name) });
    }
    return ready;
  }

  /** A file we cannot ingest: quarantined (no record), with its type in the log, never its name. */
  function quarantine(reason: string, name: string): Disposition {
    metrics.inc('messages_quarantined_total');
    log.warn('local_file_quarantined', { reason, extension: extensionOf(name) });
    return 'quarantine';
  }

  async function drain(handler: MessageHandler, signal: AbortSignal): Promise<void> {
    for (const name of await candidates()) {
      if (signal.aborted) return;
      const path = join(dir, name);
      try {
        // Inside the try: a file removed meanwhile is skipped, not the end of intake.
        const info = await stat(path);
        const kind = fileKind(name);
        let disposition: Disposition;
        if (kind === 'other') {
          disposition = quarantine('unsupported_type', name);
        } else if (kind === 'msg') {
          const eml = info.size <= (options.maxMsgBytes ?? 50 * 1024 * 1024) ? await convertMsgToEml(await readFile(path)).catch(() => null) : null;
          disposition = eml
            ? await handleOne(handler, { source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: name }, receivedAt: info.mtime, declaredSize: eml.length, open: async () => Readable.from([eml]) })
            : quarantine(info.size > (options.maxMsgBytes ?? 50 * 1024 * 1024) ? 'msg_too_large' : 'msg_unreadable', name);
        } else {
          disposition = await handleOne(handler, {
            source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: name },
            receivedAt: info.mtime,
            declaredSize: info.size,
            open: async () => createReadStream(path),
          });
        }
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
