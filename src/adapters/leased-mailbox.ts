import type { Logger } from '../log.ts';
import type { MailboxLease } from './mailbox-lease.ts';
import { makeWaiter, type MailboxSource } from './mailbox-source.ts';
import type { Metrics } from './metrics.ts';

/**
 * Runs a mailbox source only while this instance holds the mailbox lease (mailbox-lease.ts).
 *
 * States: standby (try to take the lease every third of a period) -> reading (the source runs
 * on a session signal; the lease is renewed every third of a period) -> back to standby when the
 * lease is lost (a renewal or the fencing check finds another owner: the session is aborted) or
 * given up at stop (released, so a standby takes over at once).
 */
export interface LeasedMailbox {
  /** The fencing check before a MOVE: true while the lease is still ours. */
  fence(): Promise<boolean>;
  wrap(source: MailboxSource): MailboxSource;
}

export function makeLeasedMailbox(lease: MailboxLease, options: { periodMs: number; log: Logger; metrics: Metrics }): LeasedMailbox {
  const { log, metrics } = options;
  const everyMs = Math.max(100, Math.floor(options.periodMs / 3));
  let token: string | null = null;
  let session: AbortController | null = null;

  const lose = (why: 'renew' | 'fence') => {
    if (token === null) return;
    log.warn('mailbox_lease_lost', { why });
    token = null;
    metrics.set('mailbox_lease_held', 0);
    session?.abort();
  };

  return {
    fence: async () => {
      const mine = token;
      if (mine === null) return false;
      if (await lease.holds(mine)) return true;
      lose('fence');
      return false;
    },
    wrap: (source) => ({
      // A standby is healthy: it is ready to take over, which is its job.
      isConnected: () => token === null || source.isConnected(),
      async run(handler, signal) {
        const waiter = makeWaiter();
        let standbyLogged = false;
        while (!signal.aborted) {
          const acquired = await lease.tryAcquire().catch(() => null);
          if (acquired === null) {
            if (!standbyLogged) log.info('mailbox_standby', { owner: lease.owner });
            standbyLogged = true;
            await waiter.wait(everyMs, signal);
            continue;
          }
          standbyLogged = false;
          token = acquired;
          metrics.set('mailbox_lease_held', 1);
          log.info('mailbox_lease_acquired', { owner: lease.owner, fence: Number(acquired.split('#').pop()) });
          const current = new AbortController();
          session = current;
          const stop = () => current.abort();
          signal.addEventListener('abort', stop, { once: true });
          let renewing = false;
          const renewer = setInterval(() => {
            const mine = token;
            // With Redis away a renewal waits; one at a time is enough.
            if (mine === null || renewing) return;
            renewing = true;
            lease.renew(mine).then(
              (ok) => {
                renewing = false;
                if (!ok) lose('renew');
              },
              () => (renewing = false),
            );
          }, everyMs);
          try {
            await source.run(handler, current.signal);
          } finally {
            clearInterval(renewer);
            signal.removeEventListener('abort', stop);
            const mine = token;
            token = null;
            session = null;
            metrics.set('mailbox_lease_held', 0);
            if (mine !== null) await lease.release(mine).catch(() => {});
          }
        }
      },
    }),
  };
}
