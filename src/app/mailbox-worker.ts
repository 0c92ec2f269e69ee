import { ingestBatch, type IngestDeps } from './ingest-message.ts';
import type { Clock, Mailbox } from './ports.ts';

export interface MailboxWorkerDeps extends Omit<IngestDeps, 'now'> {
  /** The inbox to read: IMAP under a lease, or the local folder (chosen in workers/). */
  mailbox: Mailbox;
  clock: Clock;
}

/** Runs intake on the mailbox until stopped; the batch in hand is finished first. */
export function startMailboxWorker(deps: MailboxWorkerDeps): { stop(): Promise<void> } {
  const controller = new AbortController();
  const running = deps.mailbox
    .run(async (messages) => {
      const results = await ingestBatch({ ...deps, now: () => deps.clock.now() }, messages);
      return results.map((result) => (result instanceof Error ? result : result.quarantine ? 'quarantine' : 'processed'));
    }, controller.signal)
    .catch((error: unknown) => deps.log.error('mailbox_worker_stopped', { code: String((error as { code?: unknown }).code ?? 'unknown') }));
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
