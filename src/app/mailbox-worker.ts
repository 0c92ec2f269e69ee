import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Metrics } from '../adapters/metrics.ts';
import type { Redis } from 'ioredis';
import { join } from 'node:path';
import { makeImapMailbox } from '../adapters/imap-mailbox.ts';
import { makeLocalInbox } from '../adapters/local-inbox.ts';
import type { MailboxSource } from '../adapters/mailbox-source.ts';
import { ingestMessage, type RecordEffects } from './ingest-message.ts';
import type { Clock } from './clock.ts';
import type { ReplyIds } from '../domain/reply-ids.ts';

export interface MailboxWorkerDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  redis: Redis;
  store: ComplaintStore;
  effects: RecordEffects;
  clock: Clock;
  replyIds: ReplyIds;
  reconnectBaseMs?: number;
}

/** Chooses IMAP or the local folder and runs intake on it until stopped. */
export function startMailboxWorker(deps: MailboxWorkerDeps): { source: MailboxSource; stop(): Promise<void> } {
  const source = deps.config.mode.imap
    ? makeImapMailbox({
        config: deps.config,
        log: deps.log.child({ worker: 'mailbox' }),
        metrics: deps.metrics,
        uidValidity: {
          get: async (mailbox) => {
            const value = await deps.redis.get(deps.store.keys.uidValidity(mailbox));
            return value === null ? null : Number(value);
          },
          set: async (mailbox, value) => void (await deps.redis.set(deps.store.keys.uidValidity(mailbox), String(value))),
        },
        ...(deps.reconnectBaseMs ? { reconnectBaseMs: deps.reconnectBaseMs } : {}),
      })
    : makeLocalInbox({ dir: join(deps.config.DATA_DIR, 'inbox'), log: deps.log.child({ worker: 'mailbox' }), metrics: deps.metrics });
  const controller = new AbortController();
  const running = source
    .run(async (message) => {
      const outcome = await ingestMessage({ ...deps, now: () => deps.clock.now() }, message);
      return outcome.quarantine ? 'quarantine' : 'processed';
    }, controller.signal)
    .catch((error: unknown) => deps.log.error('mailbox_worker_stopped', { code: String((error as { code?: unknown }).code ?? 'unknown') }));
  return {
    source,
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
