/**
 * An SMTP server for tests that keeps every accepted message in memory. Loopback only, no AUTH,
 * no STARTTLS. Failures are programmable (`failNext`), and the sink can go down (`close`) and
 * come back on the same port (`restart`) to test retries.
 */
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { getFreePort } from './free-port.ts';

export interface ReceivedMessage {
  /** `from` is '' for the null reverse-path (`MAIL FROM:<>`). */
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** Where a programmed failure answers: per RCPT TO command, or per DATA command (the default). */
export type FailureStage = 'rcpt' | 'data';

export interface SmtpSinkOptions {
  /** Default: a free port. */
  port?: number;
  /**
   * Require AUTH XOAUTH2 and accept a token when this returns true. A refused token gets the
   * JSON challenge and then 535, as Gmail does.
   */
  acceptToken?: (user: string, accessToken: string) => boolean;
  /** Refuse a token with 535 at once, without the challenge, as Exchange Online does. */
  refuseWithoutChallenge?: boolean;
}

export interface SmtpSink {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Every accepted message, in order of arrival. */
  readonly messages: ReceivedMessage[];
  /** Every AUTH XOAUTH2 attempt, in order, and whether it was accepted. */
  readonly authAttempts: { user: string; accepted: boolean }[];
  /**
   * The next `count` DATA commands (or RCPT TO commands, one per recipient, with stage 'rcpt')
   * are answered with `code` and `message`; after that the sink accepts again. A 421 also
   * closes the connection. Replaces any failure still pending.
   */
  failNext(count: number, code: number, message?: string, stage?: FailureStage): void;
  /** Resolves with `messages` once at least `count` have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  /** Stops listening and drops open connections; `restart()` brings it back on the same port. */
  close(): Promise<void>;
  restart(): Promise<void>;
  /** Idempotent: closes for good and rejects pending `waitFor` calls. */
  stop(): Promise<void>;
}

interface PendingFailure {
  remaining: number;
  code: number;
  message: string;
  stage: FailureStage;
}

interface Waiter {
  count: number;
  resolve: (messages: ReceivedMessage[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function smtpError(code: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMessage[] = [];
  const authAttempts: { user: string; accepted: boolean }[] = [];
  const { acceptToken } = options;
  const waiters = new Set<Waiter>();
  let failure: PendingFailure | undefined;
  let server: SMTPServer | undefined;
  let stopping: Promise<void> | undefined;

  const takeFailure = (stage: FailureStage): SMTPServerError | undefined => {
    if (failure === undefined || failure.stage !== stage) return undefined;
    const { code, message } = failure;
    failure.remaining -= 1;
    if (failure.remaining <= 0) failure = undefined;
    return smtpError(code, message);
  };

  const settleWaiters = (): void => {
    for (const waiter of waiters) {
      if (messages.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      waiters.delete(waiter);
      waiter.resolve(messages);
    }
  };

  const createServer = (): SMTPServer =>
    new SMTPServer({
      name: 'smtp-sink.test',
      logger: false,
      secure: false,
      authOptional: acceptToken === undefined,
      disabledCommands: acceptToken === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
      authMethods: ['XOAUTH2'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        const accepted = acceptToken !== undefined && auth.method === 'XOAUTH2' && acceptToken(auth.username ?? '', auth.accessToken ?? '');
        authAttempts.push({ user: auth.username ?? '', accepted });
        if (accepted) callback(null, { user: auth.username });
        else if (options.refuseWithoutChallenge) callback(smtpError(535, '5.7.3 Authentication unsuccessful'));
        else callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
      },
      closeTimeout: 1_000,
      onRcptTo(_address, _session, callback) {
        callback(takeFailure('rcpt') ?? null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.once('error', (error) => callback(error));
        stream.once('end', () => {
          // Decide after the whole message was read: the client only waits for a reply then.
          const error = takeFailure('data');
          if (error) {
            callback(error);
            return;
          }
          const { mailFrom, rcptTo } = session.envelope;
          messages.push({
            envelope: { from: mailFrom === false ? '' : mailFrom.address, to: rcptTo.map((rcpt) => rcpt.address) },
            raw: Buffer.concat(chunks),
          });
          callback(null);
          settleWaiters();
        });
      },
    });

  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer();
      const onError = (error: Error): void => {
        next.close();
        reject(error);
      };
      next.once('error', onError);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', onError);
        // Connection-level errors (a client that hangs up) must not crash the test process.
        next.on('error', () => undefined);
        server = next;
        resolve();
      });
    });

  let port = options.port ?? 0;
  for (let attempt = 1; server === undefined; attempt += 1) {
    if (options.port === undefined) port = await getFreePort();
    try {
      await listen(port);
    } catch (error) {
      const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
      if (!inUse || options.port !== undefined || attempt >= 3) throw error;
    }
  }

  const close = async (): Promise<void> => {
    const current = server;
    if (current === undefined) return;
    server = undefined;
    await new Promise<void>((resolve) => {
      current.close(() => resolve());
      for (const connection of current.connections) connection.close();
    });
  };

  const restart = async (): Promise<void> => {
    if (stopping) throw new Error('restart() after stop(): start a new sink instead');
    await close();
    await listen(port);
  };

  const waitFor = (count: number, timeoutMs = 10_000): Promise<ReceivedMessage[]> => {
    if (messages.length >= count) return Promise.resolve(messages);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`SMTP sink: expected at least ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  };

  const failNext = (count: number, code: number, message = 'Test failure from smtp-sink', stage: FailureStage = 'data'): void => {
    if (!Number.isInteger(count) || count < 0) throw new Error(`failNext count must be a whole number >= 0, got ${count}`);
    if (!Number.isInteger(code) || code < 400 || code > 599) throw new Error(`failNext code must be 4xx or 5xx, got ${code}`);
    failure = count === 0 ? undefined : { remaining: count, code, message, stage };
  };

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`SMTP sink stopped while waiting for ${waiter.count} message(s)`));
      }
      waiters.clear();
      await close();
    })();
    return stopping;
  };

  return { host: '127.0.0.1', port, messages, authAttempts, failNext, waitFor, close, restart, stop };
}
