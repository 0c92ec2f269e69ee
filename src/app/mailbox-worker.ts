import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Metrics } from '../adapters/metrics.ts';
import type { Redis } from 'ioredis';
import { join } from 'node:path';
import { makeImapMailbox } from '../adapters/imap-mailbox.ts';
import { makeLocalInbox } from '../adapters/local-inbox.ts';
import { makeMailboxLease } from '../adapters/mailbox-lease.ts';
import { makeLeasedMailbox } from '../adapters/leased-mailbox.ts';
import type { MailboxSource } from '../adapters/mailbox-source.ts';
import type { AuthStatus } from '../adapters/oauth2/auth-status.ts';
import type { TokenSource } from '../adapters/oauth2/token-source.ts';
import { ingestBatch, type RecordEffects } from './ingest-message.ts';
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
  /** With IMAP_AUTH=oauth2. */
  tokens?: TokenSource | null;
  authStatus?: AuthStatus;
}

/** Chooses IMAP or the local folder and runs intake on it until stopped. */
export function startMailboxWorker(deps: MailboxWorkerDeps): { source: MailboxSource; stop(): Promise<void> } {
  const log = deps.log.child({ worker: 'mailbox' });
  const periodMs = deps.config.MAILBOX_LEASE_SECONDS * 1000;
  // One lease per watched folder of one account on one server (hashed into the key).
  const mailboxIdentity = [deps.config.IMAP_HOST ?? '', deps.config.IMAP_PORT, deps.config.IMAP_USER ?? '', deps.config.IMAP_MAILBOX].join('\n');
  const keys = { lease: deps.store.keys.mailboxLease(mailboxIdentity), fence: deps.store.keys.mailboxLeaseFence(mailboxIdentity) };
  const leased = makeLeasedMailbox(makeMailboxLease(deps.redis, keys, periodMs), { periodMs, log, metrics: deps.metrics });
  const source = deps.config.mode.imap
    ? leased.wrap(makeImapMailbox({
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
        tokens: deps.tokens ?? null,
        ...(deps.authStatus ? { authStatus: deps.authStatus } : {}),
        fence: leased.fence,
      }))
    : makeLocalInbox({ dir: join(deps.config.DATA_DIR, 'inbox'), log: deps.log.child({ worker: 'mailbox' }), metrics: deps.metrics, maxMsgBytes: deps.config.MAX_MESSAGE_BYTES });
  const controller = new AbortController();
  const running = source
    .run(async (messages) => {
      const results = await ingestBatch({ ...deps, now: () => deps.clock.now() }, messages);
      return results.map((result) => (result instanceof Error ? result : result.quarantine ? 'quarantine' : 'processed'));
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
