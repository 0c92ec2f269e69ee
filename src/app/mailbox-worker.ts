import { ingestMessage, type IngestDeps } from './ingest-message.ts';
import type { Clock, Mailbox } from './ports.ts';

export interface MailboxWorkerDeps extends Omit<IngestDeps, 'now'> {
  /** The inbox to read: IMAP under a lease, or the local folder (chosen in workers/). */
  mailbox: Mailbox;
  clock: Clock;
}

/** Runs intake on the mailbox until stopped; the message in hand is finished first. */
export function startMailboxWorker(deps: MailboxWorkerDeps): { stop(): Promise<void> } {
  const controller = new AbortController();
  const running = deps.mailbox
    .run(async (message) => {
      const outcome = await ingestMessage({ ...deps, now: () => deps.clock.now() }, message);
      return outcome.quarantine ? 'quarantine' : 'processed';
    }, controller.signal)
    .catch((error: unknown) => deps.log.error('mailbox_worker_stopped', { code: String((error as { code?: unknown }).code ?? 'unknown') }));
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
