import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * The only reader of process.env. Parsed once at start-up; a bad value stops the service with one
 * message that names every bad variable and what it expects, never the value itself.
 */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(0, 'expected a port from 0 to 65535')
    .max(65535, 'expected a port from 0 to 65535')
    .default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const emailList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ error: 'expected comma-separated e-mail addresses' })));

const isoDateList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.iso.date({ error: 'expected comma-separated dates as YYYY-MM-DD' })));

const dayList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number({ error: 'expected comma-separated whole days' }).int().min(0).max(60)));

export const EnvSchema = z
  .object({
    REDIS_URL: z
      .string()
      .default('redis://127.0.0.1:6379')
      .refine((v) => /^rediss?:\/\//.test(v), 'expected a redis:// or rediss:// URL'),
    REDIS_EMBEDDED: z.enum(['auto', 'never'], { error: 'expected auto or never' }).default('auto'),
    REDIS_KEY_PREFIX: z
      .string()
      .default('ko')
      .refine((v) => /^[a-zA-Z0-9_-]{1,40}$/.test(v), 'expected letters, digits, _ or - (no colon)'),
    DATA_DIR: z.string().default('./var'),
    IMAP_HOST: optionalText,
    IMAP_PORT: port(993),
    IMAP_SECURE: bool(true),
    IMAP_USER: optionalText,
    IMAP_PASSWORD: optionalText,
    IMAP_MAILBOX: z.string().min(1).default('INBOX'),
    IMAP_PROCESSED_MAILBOX: z.string().min(1).default('Verwerkt'),
    IMAP_QUARANTINE_MAILBOX: z.string().min(1).default('Onverwerkbaar'),
    IMAP_RESYNC_SECONDS: z.coerce.number({ error: 'expected seconds' }).int().min(5).max(3600).default(60),
    IMAP_TLS_REJECT_UNAUTHORIZED: bool(true),
    SMTP_HOST: optionalText,
    SMTP_PORT: port(587),
    SMTP_SECURE: bool(false),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    MAIL_FROM: z.string().default('Klachtenopvang Hecht <klachtenopvang@wijzijnhecht.nl>'),
    OFFICER_EMAILS: emailList,
    MAX_MESSAGE_BYTES: z.coerce
      .number({ error: 'expected a size in bytes' })
      .int()
      .min(1024, 'expected at least 1024 bytes')
      .default(50 * 1024 * 1024),
    METRICS_PORT: port(9464),
    METRICS_HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'expected debug, info, warn or error' }).default('info'),
    REPLY_CAP_PER_SENDER: z.coerce.number({ error: 'expected a number' }).int().min(1).max(100).default(3),
    REMINDER_OFFSETS_DAYS: dayList('14,7,2'),
    DIGEST_TIME: z
      .string()
      .default('08:00')
      .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'expected a time as HH:MM'),
    DIGEST_DETAIL: z.enum(['minimal', 'standard'], { error: 'expected minimal or standard' }).default('minimal'),
    EXTRA_HOLIDAYS: isoDateList,
    TERMIJNENWET_SHIFT: bool(true),
    RETENTION_YEARS: z.coerce.number({ error: 'expected years' }).int().min(1).max(30).default(5),
    VERTROUWENSPERSOON_PHONE: z.string().default('088-5551000'),
    VERTROUWENSPERSOON_EMAIL: z.email({ error: 'expected an e-mail address' }).default('info@jeugdstem.nl'),
    COMPLIMENTS_EMAIL: z.email({ error: 'expected an e-mail address' }).default('info@veiligthuishm.nl'),
  })
  .superRefine((env, ctx) => {
    if (env.IMAP_HOST && (!env.IMAP_USER || !env.IMAP_PASSWORD)) {
      for (const name of ['IMAP_USER', 'IMAP_PASSWORD'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when IMAP_HOST is set' });
      }
    }
    if (env.SMTP_USER && !env.SMTP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'required when SMTP_USER is set' });
    }
    if (!parseMailbox(env.MAIL_FROM)) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'expected "Name <address@example.org>" or an address' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  /** The bare address of MAIL_FROM, lower case: our own mailbox, never answered. */
  mailboxAddress: string;
  mode: { imap: boolean; smtp: boolean };
}

function parseMailbox(value: string): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(value);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Reads the configuration from an environment; throws `AppError('config_invalid')` listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${String(issue.path[0] ?? '?')}: ${issue.message}`);
    throw new AppError(
      'config_invalid',
      `Configuration is invalid; fix these environment variables and start again:\n${[...new Set(lines)].join('\n')}`,
      { permanent: true },
    );
  }
  const parsed = result.data;
  return {
    ...parsed,
    mailboxAddress: parseMailbox(parsed.MAIL_FROM) ?? 'klachtenopvang@wijzijnhecht.nl',
    mode: { imap: parsed.IMAP_HOST !== undefined, smtp: parsed.SMTP_HOST !== undefined },
  };
}
