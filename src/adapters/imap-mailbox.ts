import { Readable } from 'node:stream';
import { ImapFlow } from 'imapflow';
import type { Config } from '../config.ts';
import { AppError, errorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { reconnectDelayMs } from '../domain/reconnect-backoff.ts';
import type { Metrics } from './metrics.ts';
import type { IncomingMessage } from '../domain/incoming-message.ts';
import { makeWaiter, type MailboxSource, type MessageHandler } from './mailbox-source.ts';
import { planReadBatches } from './imap-batches.ts';
import { moveChecked } from './imap-move.ts';
import { makeInFlight } from './in-flight.ts';
import { imapFailureCode } from './imap-failure.ts';
import { imapCredentials, isAuthenticationRefusal, type ImapAuth } from './imap-auth.ts';
import type { AuthStatus } from './oauth2/auth-status.ts';
import { OAuth2Error } from './oauth2/oauth2-error.ts';
import type { TokenSource } from './oauth2/token-source.ts';

/** Server, credentials and TLS of the mailbox; one new client per connection attempt uses them. */
export function connectionOptions(config: Config, auth: ImapAuth) {
  return {
    host: config.IMAP_HOST ?? '127.0.0.1',
    port: config.IMAP_PORT,
    secure: config.IMAP_SECURE,
    auth,
    logger: false as const,
    tls: { rejectUnauthorized: config.IMAP_TLS_REJECT_UNAUTHORIZED },
    connectionTimeout: 30_000,
  };
}

export interface UidValidityStore {
  get(mailbox: string): Promise<number | null>;
  set(mailbox: string, value: number): Promise<void>;
}

export interface ImapOptions {
  config: Config;
  log: Logger;
  metrics: Metrics;
  uidValidity: UidValidityStore;
  /** Reconnect delay base; tests shorten it. */
  reconnectBaseMs?: number;
  /** Checked right before every MOVE; false means another instance reads now (leased-mailbox.ts). */
  fence?: () => Promise<boolean>;
  /** Required with IMAP_AUTH=oauth2. */
  tokens?: TokenSource | null;
  authStatus?: AuthStatus;
}

/** Why a connection ended without an error: stopped, or its token is due for renewal. */
type WatchEnd = 'stopped' | 'token_renewal';

/**
 * Watches the IMAP inbox. A new ImapFlow client per connection attempt (imapflow cannot
 * reconnect an instance); IDLE wakes us for new mail and a periodic resync catches what a
 * silently dead IDLE would miss. Everything in the inbox is unprocessed by definition: a
 * message leaves it only by a MOVE after its record is written, and is never deleted.
 */
export function makeImapMailbox(options: ImapOptions): MailboxSource {
  const { config, log, metrics } = options;
  let connected = false;

  function newClient(auth: ImapAuth): ImapFlow {
    return new ImapFlow({
      ...connectionOptions(config, auth),
      // IDLE right after each drain: new mail then wakes us within milliseconds, not 15 s.
      autoIdleDelay: 200,
      maxIdleTime: 5 * 60_000,
    });
  }

  async function ensureFolders(client: ImapFlow): Promise<void> {
    const existing = new Set((await client.list()).map((box) => box.path));
    for (const path of [config.IMAP_PROCESSED_MAILBOX, config.IMAP_QUARANTINE_MAILBOX]) {
      if (!existing.has(path)) await client.mailboxCreate(path);
    }
  }

  async function checkUidValidity(client: ImapFlow): Promise<void> {
    const current = client.mailbox ? Number(client.mailbox.uidValidity) : null;
    if (current === null) return;
    const known = await options.uidValidity.get(config.IMAP_MAILBOX);
    if (known !== null && known !== current) {
      // Safe because dedupe is by content hash and Message-ID, never by UID.
      log.warn('imap_uidvalidity_changed', { previous: known, current });
    }
    if (known !== current) await options.uidValidity.set(config.IMAP_MAILBOX, current);
  }

  async function drain(client: ImapFlow, handler: MessageHandler, signal: AbortSignal): Promise<void> {
    const lock = await client.getMailboxLock(config.IMAP_MAILBOX);
    // Messages this pass could not move; a full pass decides the gauge (and readiness).
    const stuck = new Set<number>();
    try {
      await drainLocked(client, handler, signal, stuck);
      if (!signal.aborted) metrics.set('imap_moves_stuck', stuck.size);
    } finally {
      lock.release();
    }
  }

  async function drainLocked(client: ImapFlow, handler: MessageHandler, signal: AbortSignal, stuck: Set<number>): Promise<void> {
    if (!client.mailbox || client.mailbox.exists === 0) return;
    const uidValidity = Number(client.mailbox.uidValidity);
    // Collect first: no IMAP command may run inside a fetch iteration.
    const list = await client.fetchAll('1:*', { uid: true, internalDate: true, size: true });
    log.debug('imap_drain', { messages: list.length });
    const byUid = new Map(list.map((item) => [item.uid, item]));
    const incoming = (uid: number, buffered: Buffer | undefined): IncomingMessage => {
      const item = byUid.get(uid);
      return {
        source: { kind: 'imap', mailbox: config.IMAP_MAILBOX, uidValidity, uid, file: null },
        receivedAt: item?.internalDate instanceof Date ? item.internalDate : (item?.internalDate ? new Date(String(item.internalDate)) : new Date()),
        declaredSize: item?.size ?? 0,
        open: async () => (buffered ? Readable.from([buffered]) : openStream(client, uid)),
      };
    };
    // Two buffered batches in flight: while one batch's records are written (Redis, fsync), the
    // next is fetched and parsed (CPU). Each batch is moved only after its own records are
    // written. A streamed message reads with IMAP commands while it is handled, so it runs alone.
    const inFlight = makeInFlight(2);
    try {
      for (const batch of planReadBatches(list.map((item) => ({ uid: item.uid, size: item.size ?? 0 })))) {
        if (signal.aborted || inFlight.failed()) break;
        if (batch.kind === 'streamed') {
          await inFlight.settle();
          await handleBatch(client, handler, [incoming(batch.uid, undefined)], stuck);
          continue;
        }
        const fetched = await client.fetchAll(batch.uids.join(','), { uid: true, source: true }, { uid: true });
        const sources = new Map(fetched.flatMap((message) => (message.source ? [[message.uid, message.source] as const] : [])));
        const messages = batch.uids.filter((uid) => byUid.has(uid)).map((uid) => incoming(uid, sources.get(uid)));
        await inFlight.add(() => handleBatch(client, handler, messages, stuck));
      }
    } finally {
      await inFlight.settle();
    }
  }

  /**
   * Hands a batch to the handler, then moves what it handled: one MOVE per target folder, after
   * the fencing check. Records are written by then; a crash before the MOVE only means the
   * messages are seen again, and the dedupe keys recognise them.
   */
  async function handleBatch(client: ImapFlow, handler: MessageHandler, messages: readonly IncomingMessage[], stuck: Set<number>): Promise<void> {
    const moves: Record<'processed' | 'quarantine', number[]> = { processed: [], quarantine: [] };
    try {
      const outcomes = messages.length === 0 ? [] : await handler(messages).catch((error: unknown) => messages.map(() => error));
      for (const [index, message] of messages.entries()) {
        const uid = message.source.uid ?? 0;
        const outcome = outcomes[index] ?? new AppError('intake_no_result', 'The handler gave no result for a message; it stays in the inbox.');
        if (outcome === 'processed' || outcome === 'quarantine') {
          moves[outcome].push(uid);
          continue;
        }
        if (!client.usable) throw outcome;
        metrics.inc('intake_errors_total');
        log.error('intake_failed', { uid, code: errorCode(outcome) });
      }
    } finally {
      if (client.usable && options.fence && !(await options.fence())) {
        // Our records are written; the reader that took over sees these again as duplicates.
        throw new AppError('mailbox_lease_lost', 'Another instance reads the mailbox now; this one stands by.');
      }
      if (client.usable) {
        for (const [target, folder] of [['processed', config.IMAP_PROCESSED_MAILBOX], ['quarantine', config.IMAP_QUARANTINE_MAILBOX]] as const) {
          const failed = await moveChecked(client, moves[target], folder);
          for (const uid of failed) stuck.add(uid);
          if (failed.length > 0) {
            metrics.inc('imap_move_failures_total', failed.length);
            log.error('imap_move_failed', { target, messages: failed.length, hint: 'check that the folder exists and is writable' });
          }
        }
      }
    }
  }

  /**
   * Drains, then waits in IDLE for new mail or the resync. With a token, the connection ends
   * when its token is due for renewal: servers such as Exchange Online drop a session whose
   * token expired, and a clean logout and a new connection beat a session that dies in IDLE.
   */
  async function watch(client: ImapFlow, handler: MessageHandler, signal: AbortSignal, renewAt: number | null): Promise<WatchEnd> {
    const waiter = makeWaiter();
    client.on('exists', () => waiter.wake());
    client.on('close', () => waiter.wake());
    const idle = client.capabilities.has('IDLE');
    const resyncMs = idle ? config.IMAP_RESYNC_SECONDS * 1000 : Math.min(10_000, config.IMAP_RESYNC_SECONDS * 1000);
    const tokenDue = () => renewAt !== null && Date.now() >= renewAt;
    while (!signal.aborted) {
      await drain(client, handler, signal);
      if (tokenDue()) return 'token_renewal';
      await waiter.wait(renewAt === null ? resyncMs : Math.max(0, Math.min(resyncMs, renewAt - Date.now())), signal);
      if (!client.usable) throw new AppError('imap_connection_lost', 'The IMAP connection closed; reconnecting.');
      if (tokenDue()) return 'token_renewal';
    }
    return 'stopped';
  }

  /**
   * A refused token is renewed and tried once more at once (it may have expired or been revoked
   * early); a fresh token refused too is a permission problem, reported with its own code and
   * retried with backoff, so fixing the permission needs no restart.
   */
  async function run(handler: MessageHandler, signal: AbortSignal): Promise<void> {
    let attempt = 0;
    let refusals = 0;
    const waiter = makeWaiter();
    const oauth2 = config.IMAP_AUTH === 'oauth2';
    while (!signal.aborted) {
      let end: WatchEnd | 'failed' | 'token_refused' = 'failed';
      let client: ImapFlow | null = null;
      try {
        const credentials = await imapCredentials(config, options.tokens ?? null, { renew: refusals > 0 });
        client = newClient(credentials.auth);
        client.on('error', (error: unknown) => log.warn('imap_error', { code: errorCode(error) }));
        log.debug('imap_connecting', { attempt });
        await client.connect();
        log.info('imap_connected', { idle: client.capabilities.has('IDLE') });
        connected = true;
        refusals = 0;
        if (oauth2) options.authStatus?.report('imap', null);
        metrics.set('imap_connected', 1);
        metrics.set('imap_auth_failed', 0);
        if (attempt > 0) log.info('imap_reconnected', { attempts: attempt });
        attempt = 0;
        await ensureFolders(client);
        await client.mailboxOpen(config.IMAP_MAILBOX);
        await checkUidValidity(client);
        end = await watch(client, handler, signal, credentials.renewAt);
      } catch (error) {
        if (oauth2 && isAuthenticationRefusal(error)) {
          refusals += 1;
          if (refusals === 1) {
            end = 'token_refused';
            log.warn('imap_token_refused_renewing', { code: 'imap_token_stale' });
          } else {
            const refused = new OAuth2Error('imap_token_refused', { cause: error });
            options.authStatus?.report('imap', refused);
            log.error('imap_token_refused', { code: refused.code, hint: refused.hint, refusals });
          }
        } else if (imapFailureCode(error) === 'imap_auth_failed') {
          metrics.set('imap_auth_failed', 1);
          log.error('imap_auth_failed', { hint: 'the server refused IMAP_USER/IMAP_PASSWORD' });
        } else if (!signal.aborted) {
          log.warn('imap_disconnected', { code: imapFailureCode(error) });
        }
      } finally {
        connected = false;
        metrics.set('imap_connected', 0);
        if (client) await client.logout().catch(() => client?.close());
      }
      if (signal.aborted) break;
      if (end === 'token_renewal' || end === 'token_refused') {
        // Planned: a new connection with a new token right away, not counted as a failure.
        if (end === 'token_renewal') log.info('imap_token_renewal_reconnect');
        continue;
      }
      attempt += 1;
      metrics.inc('imap_reconnects_total');
      await waiter.wait(reconnectDelayMs(attempt, { baseMs: options.reconnectBaseMs ?? 500 }), signal);
    }
  }

  return { run, isConnected: () => connected };
}

async function openStream(client: ImapFlow, uid: number): Promise<Readable> {
  const download = await client.download(String(uid), undefined, { uid: true });
  if (!download.content) throw new AppError('imap_message_gone', 'The message disappeared from the mailbox before it was read.');
  return download.content;
}

export interface ProcessedEnvelope {
  messageId: string | null;
  from: string | null;
  date: string | null;
}

/** Envelopes of the processed folder, to check that every moved message still has its record. */
export async function listProcessedEnvelopes(config: Config, tokens: TokenSource | null = null): Promise<ProcessedEnvelope[]> {
  const client = new ImapFlow(connectionOptions(config, (await imapCredentials(config, tokens)).auth));
  client.on('error', () => {});
  await client.connect();
  try {
    // On a new mailbox the intake may not have created the folder yet: then it holds nothing.
    const exists = (await client.list()).some((box) => box.path === config.IMAP_PROCESSED_MAILBOX);
    if (!exists) return [];
    const lock = await client.getMailboxLock(config.IMAP_PROCESSED_MAILBOX);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const list = await client.fetchAll('1:*', { envelope: true });
      return list.map((item) => ({
        messageId: item.envelope?.messageId ?? null,
        from: item.envelope?.from?.[0]?.address?.toLowerCase() ?? null,
        date: item.envelope?.date instanceof Date && !Number.isNaN(item.envelope.date.getTime()) ? item.envelope.date.toISOString() : null,
      }));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
