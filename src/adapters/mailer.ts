import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { OutgoingMail } from '../domain/outgoing-mail.ts';
import type { AuthStatus } from './oauth2/auth-status.ts';
import { OAuth2Error } from './oauth2/oauth2-error.ts';
import type { TokenSource } from './oauth2/token-source.ts';

export interface SentMail {
  messageId: string;
  /** Where it went: `smtp` or the outbox file path. */
  via: string;
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** Builds the exact bytes once, so SMTP and the local outbox carry the same message. */
export async function composeRaw(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references && mail.references.length > 0 ? { references: mail.references } : {}),
    headers: mail.headers,
  });
  return composer.compile().build();
}

function envelopeFrom(from: string): string {
  return /<([^<>]+)>/.exec(from)?.[1] ?? from;
}

export interface MailerOptions {
  /** Required with SMTP_AUTH=oauth2. */
  tokens?: TokenSource | null;
  authStatus?: AuthStatus;
  log?: Logger;
}

/** nodemailer reports a refused AUTH as EAUTH (with the server's 535). */
function isAuthRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EAUTH';
}

/**
 * SMTP through nodemailer. Timeouts are short: a retry later beats a worker stuck for minutes.
 *
 * With SMTP_AUTH=oauth2 nodemailer asks `provisionCallback` for a token on every new connection
 * (our token source caches and renews it). A server that answers a stale token with a 334
 * challenge and 535 (Gmail, smtp-server) makes nodemailer renew and retry on that connection;
 * one that answers 535 at once (Exchange Online) is retried here, once, after a renewal. A token
 * still refused then becomes `smtp_token_refused`: a temporary failure, so the reply stays
 * queued while someone fixes the permission.
 */
export function makeSmtpMailer(config: Config, options: MailerOptions = {}): Mailer {
  const oauth2 = config.SMTP_AUTH === 'oauth2';
  const tokens = options.tokens ?? null;
  if (oauth2 && tokens === null) throw new Error('SMTP_AUTH=oauth2 needs a token source');
  const user = config.SMTP_USER ?? '';
  let renewals = 0;
  const provisionCallback = (_user: string, renew: boolean, callback: (error: Error | null, accessToken?: string, expires?: number) => void) => {
    if (renew) renewals += 1;
    tokens?.get(user, { renew }).then(
      (token) => callback(null, token.value, token.renewAt),
      // Wrapped: nodemailer overwrites the code of the error it is given with EAUTH.
      (error: unknown) => callback(new Error('no access token', { cause: error })),
    );
  };
  const auth =
    config.SMTP_AUTH === 'none'
      ? {}
      : oauth2
        ? { auth: { type: 'OAuth2' as const, user, provisionCallback } }
        : config.SMTP_USER
          ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } }
          : {};
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...auth,
    // A few kept-open connections: a burst of replies does not pay a handshake per message.
    pool: true,
    maxConnections: 4,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
  });
  async function deliver(mail: OutgoingMail, raw: Buffer): Promise<SentMail> {
    const info = await transport.sendMail({ envelope: { from: envelopeFrom(mail.from), to: mail.to }, raw });
    return { messageId: mail.messageId, via: 'smtp', response: String(info.response ?? '').slice(0, 3) };
  }

  /** The token source's own error when getting a token failed, so its code reaches the job and the log. */
  async function deliverOrTokenError(mail: OutgoingMail, raw: Buffer): Promise<SentMail> {
    try {
      return await deliver(mail, raw);
    } catch (error) {
      if (error instanceof Error && error.cause instanceof OAuth2Error) {
        options.authStatus?.report('smtp', error.cause);
        throw error.cause;
      }
      throw error;
    }
  }

  async function deliverWithToken(mail: OutgoingMail, raw: Buffer): Promise<SentMail> {
    const renewalsBefore = renewals;
    try {
      return await deliverOrTokenError(mail, raw);
    } catch (error) {
      if (!isAuthRefusal(error)) throw error;
      // No renewal happened inside nodemailer (a 535 without a challenge): renew, retry once.
      if (renewals === renewalsBefore) {
        options.log?.warn('smtp_token_refused_renewing', { code: 'smtp_token_stale' });
        await tokens?.get(user, { renew: true });
        try {
          return await deliverOrTokenError(mail, raw);
        } catch (retryError) {
          if (!isAuthRefusal(retryError)) throw retryError;
          throw refused(retryError);
        }
      }
      throw refused(error);
    }
  }

  function refused(cause: unknown): OAuth2Error {
    const error = new OAuth2Error('smtp_token_refused', { cause });
    options.authStatus?.report('smtp', error);
    options.log?.error('smtp_token_refused', { code: error.code, hint: error.hint });
    return error;
  }

  return {
    async send(mail) {
      const raw = await composeRaw(mail);
      if (!oauth2) return deliver(mail, raw);
      const sent = await deliverWithToken(mail, raw);
      options.authStatus?.report('smtp', null);
      return sent;
    },
    close: () => transport.close(),
  };
}

/** Local mode: each message becomes an .eml file in the outbox, written atomically. */
export function makeOutboxMailer(dir: string): Mailer {
  return {
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const raw = await composeRaw(mail);
      const name = `${mail.messageId.replace(/[<>]/g, '').replace(/[^a-zA-Z0-9._-]/g, '_')}.eml`;
      const path = join(dir, name);
      await writeFile(`${path}.tmp`, raw);
      await rename(`${path}.tmp`, path);
      return { messageId: mail.messageId, via: path, response: 'file' };
    },
    close: () => {},
  };
}

export function makeMailer(config: Config, options: MailerOptions = {}): Mailer {
  return config.mode.smtp ? makeSmtpMailer(config, options) : makeOutboxMailer(join(config.DATA_DIR, 'outbox'));
}
