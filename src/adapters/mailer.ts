import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Config } from '../config.ts';

export interface OutgoingMail {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
}

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

/** SMTP through nodemailer. Timeouts are short: a retry later beats a worker stuck for minutes. */
export function makeSmtpMailer(config: Config): Mailer {
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
    // A few kept-open connections: a burst of replies does not pay a handshake per message.
    pool: true,
    maxConnections: 4,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
  });
  return {
    async send(mail) {
      const raw = await composeRaw(mail);
      const info = await transport.sendMail({ envelope: { from: envelopeFrom(mail.from), to: mail.to }, raw });
      return { messageId: mail.messageId, via: 'smtp', response: String(info.response ?? '').slice(0, 3) };
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

export function makeMailer(config: Config): Mailer {
  return config.mode.smtp ? makeSmtpMailer(config) : makeOutboxMailer(join(config.DATA_DIR, 'outbox'));
}
