import { join } from 'node:path';
import { listProcessedEnvelopes, makeImapMailbox } from '../src/adapters/imap-mailbox.ts';
import { makeLeasedMailbox } from '../src/adapters/leased-mailbox.ts';
import { makeLocalInbox } from '../src/adapters/local-inbox.ts';
import { listLocalProcessedEnvelopes } from '../src/adapters/local-processed.ts';
import { makeMailboxLease } from '../src/adapters/mailbox-lease.ts';
import type { MailboxSource } from '../src/adapters/mailbox-source.ts';
import type { ProcessedFolder } from '../src/app/ports.ts';
import type { Runtime } from './runtime.ts';

/**
 * The mailbox adapters chosen by the configuration: the IMAP inbox, read only while this
 * instance holds the mailbox lease, or the local folder `DATA_DIR/inbox`.
 */
export function openMailbox(rt: Runtime, options: { reconnectBaseMs?: number } = {}): MailboxSource {
  const log = rt.log.child({ worker: 'mailbox' });
  if (!rt.config.mode.imap) {
    return makeLocalInbox({ dir: join(rt.config.DATA_DIR, 'inbox'), log, metrics: rt.metrics, maxMsgBytes: rt.config.MAX_MESSAGE_BYTES });
  }
  const periodMs = rt.config.MAILBOX_LEASE_SECONDS * 1000;
  // One lease per watched folder of one account on one server (hashed into the key).
  const mailboxIdentity = [rt.config.IMAP_HOST ?? '', rt.config.IMAP_PORT, rt.config.IMAP_USER ?? '', rt.config.IMAP_MAILBOX].join('\n');
  const keys = { lease: rt.store.keys.mailboxLease(mailboxIdentity), fence: rt.store.keys.mailboxLeaseFence(mailboxIdentity) };
  const leased = makeLeasedMailbox(makeMailboxLease(rt.redis, keys, periodMs), { periodMs, log, metrics: rt.metrics });
  return leased.wrap(
    makeImapMailbox({
      config: rt.config,
      log,
      metrics: rt.metrics,
      uidValidity: rt.state.uidValidity,
      ...(options.reconnectBaseMs ? { reconnectBaseMs: options.reconnectBaseMs } : {}),
      tokens: rt.tokens,
      authStatus: rt.authStatus,
      fence: leased.fence,
    }),
  );
}

/** The folder handled mail was moved to: the IMAP processed folder, or `DATA_DIR/inbox/processed`. */
export function processedFolder(rt: Pick<Runtime, 'config' | 'tokens'>): ProcessedFolder {
  return {
    envelopes: () =>
      rt.config.mode.imap ? listProcessedEnvelopes(rt.config, rt.tokens) : listLocalProcessedEnvelopes(join(rt.config.DATA_DIR, 'inbox', 'processed')),
  };
}
