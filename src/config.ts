import { z } from 'zod';
import { AppError } from './errors.ts';
import { DIGEST_DETAIL_LEVELS } from './domain/digest-plan.ts';
import type { TriageContext } from './domain/triage/triage-result.ts';

/**
 * The only reader of process.env. Parsed once at start-up; a bad value stops the service with one
 * message that names every bad variable and what it expects, never the value itself.
 *
 * Two passes, merged: the per-variable schema below, and the checks between variables
 * (`crossFieldProblems`) run on the raw environment. A zod refinement on the object would be
 * skipped as soon as one field fails, and then a second start would reveal the next problem.
 * A variable set to an empty string counts as unset (compose files and systemd units often
 * write `NAME=`), so it gets its default instead of, say, port 0.
 */
const bool = (fallback: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

const wholeNumber = (min: number, max: number, fallback: number, unit = 'a whole number') => {
  const expected = max === Number.MAX_SAFE_INTEGER ? `expected ${unit}, at least ${min}` : `expected ${unit} from ${min} to ${max}`;
  return z.coerce.number({ error: expected }).int(expected).min(min, expected).max(max, expected).default(fallback);
};

/** METRICS_PORT may be 0 (off); a mail server port may not. */
const port = (fallback: number, lowest: 0 | 1 = 1) => wholeNumber(lowest, 65535, fallback, 'a port number');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const requiredText = (fallback: string) => z.string().trim().min(1, 'expected a non-empty value').default(fallback);

const splitList = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

const emailList = z
  .string()
  .default('')
  .transform((v) => splitList(v).map((s) => s.toLowerCase()))
  .pipe(z.array(z.email({ error: 'expected comma-separated e-mail addresses' })));

const isoDateList = z
  .string()
  .default('')
  .transform(splitList)
  .pipe(z.array(z.iso.date({ error: 'expected comma-separated existing dates as YYYY-MM-DD' })));

/** Whole days, each 0 to 60; duplicates dropped, largest first (the order reminders go out). */
const dayList = (fallback: string) => {
  const expected = 'expected comma-separated whole days from 0 to 60, e.g. 14,7,2';
  return z
    .string()
    .default(fallback)
    .transform((v) => splitList(v).map((s) => (/^\d+$/.test(s) ? Number(s) : Number.NaN)))
    .pipe(z.array(z.number({ error: expected }).int(expected).min(0, expected).max(60, expected)))
    .transform((days) => [...new Set(days)].sort((a, b) => b - a));
};

export const DEFAULT_MAIL_FROM = 'Klachtenopvang Hecht <klachtenopvang@wijzijnhecht.nl>';

export const EnvSchema = z.object({
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine((v) => /^rediss?:\/\/\S+$/.test(v), 'expected a redis:// or rediss:// URL'),
  REDIS_EMBEDDED: z.enum(['auto', 'never'], { error: 'expected auto or never' }).default('auto'),
  /** How long a start waits for a configured Redis before it exits (a supervisor restarts it). */
  REDIS_WAIT_SECONDS: wholeNumber(1, 3600, 120, 'whole seconds'),
  REDIS_KEY_PREFIX: z
    .string()
    .default('ko')
    .refine((v) => /^[a-zA-Z0-9_-]{1,40}$/.test(v), 'expected 1 to 40 letters, digits, _ or - (no colon)'),
  DATA_DIR: requiredText('./var'),
  IMAP_HOST: optionalText,
  IMAP_PORT: port(993),
  IMAP_SECURE: bool(true),
  IMAP_AUTH: z.enum(['password', 'oauth2'], { error: 'expected password or oauth2' }).default('password'),
  IMAP_USER: optionalText,
  IMAP_PASSWORD: optionalText,
  IMAP_MAILBOX: requiredText('INBOX'),
  IMAP_PROCESSED_MAILBOX: requiredText('Verwerkt'),
  IMAP_QUARANTINE_MAILBOX: requiredText('Onverwerkbaar'),
  IMAP_RESYNC_SECONDS: wholeNumber(5, 3600, 60, 'whole seconds'),
  IMAP_TLS_REJECT_UNAUTHORIZED: bool(true),
  /** One instance reads the mailbox; a standby takes over within about 1⅓ of this after the reader dies. */
  MAILBOX_LEASE_SECONDS: wholeNumber(1, 300, 15, 'whole seconds'),
  SMTP_HOST: optionalText,
  SMTP_PORT: port(587),
  SMTP_SECURE: bool(false),
  SMTP_AUTH: z.enum(['password', 'oauth2', 'none'], { error: 'expected password, oauth2 or none' }).default('password'),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  OAUTH2_PROVIDER: z.enum(['microsoft', 'google', 'generic'], { error: 'expected microsoft, google or generic' }).optional(),
  OAUTH2_TENANT_ID: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/.test(v), 'expected the directory (tenant) id or a domain such as example.onmicrosoft.com'),
  OAUTH2_CLIENT_ID: optionalText,
  OAUTH2_CLIENT_SECRET: optionalText,
  OAUTH2_CLIENT_CERTIFICATE: optionalText,
  OAUTH2_KEY_FILE: optionalText,
  OAUTH2_TOKEN_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'expected an http:// or https:// URL'),
  OAUTH2_SCOPE: optionalText,
  MAIL_FROM: z.string().default(DEFAULT_MAIL_FROM),
  /** Key of the HMAC in our Message-IDs; unset, one is created on first start and kept in Redis. */
  REPLY_ID_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  OFFICER_EMAILS: emailList,
  MAX_MESSAGE_BYTES: wholeNumber(1024, Number.MAX_SAFE_INTEGER, 50 * 1024 * 1024, 'a whole number of bytes'),
  METRICS_PORT: port(9464, 0),
  METRICS_HOST: requiredText('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'expected debug, info, warn or error' }).default('info'),
  REPLY_CAP_PER_SENDER: wholeNumber(1, 100, 3, 'a whole number of replies'),
  /** Microsoft spam confidence level (0-9) from which mail counts as spam: recorded, never answered. */
  SPAM_SCL_THRESHOLD: wholeNumber(1, 9, 5, 'a spam confidence level'),
  REMINDER_OFFSETS_DAYS: dayList('14,7,2'),
  DIGEST_TIME: z
    .string()
    .default('08:00')
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'expected a time as HH:MM, e.g. 08:00'),
  DIGEST_DETAIL: z.enum(DIGEST_DETAIL_LEVELS, { error: `expected ${DIGEST_DETAIL_LEVELS.join(' or ')}` }).default('minimal'),
  EXTRA_HOLIDAYS: isoDateList,
  TERMIJNENWET_SHIFT: bool(true),
  /** Years a record keeps its personal data after closure (or after receipt when it needed no handling). */
  RETENTION_YEARS: wholeNumber(1, 30, 5, 'whole years'),
  VERTROUWENSPERSOON_PHONE: requiredText('088-5551000'),
  VERTROUWENSPERSOON_EMAIL: z.email({ error: 'expected an e-mail address' }).default('info@jeugdstem.nl'),
  COMPLIMENTS_EMAIL: z.email({ error: 'expected an e-mail address' }).default('info@veiligthuishm.nl'),
  /** Where a letter on paper tells the complainant to write, and the number to call (none by default: then only the post). */
  KLACHTENFUNCTIONARIS_ADDRESS: requiredText('Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden').pipe(z.string().max(200, 'expected at most 200 characters')),
  KLACHTENFUNCTIONARIS_PHONE: optionalText.pipe(z.string().max(40, 'expected a phone number').optional()),
  /** Whether an outcome letter names the ombudsman route (Awb 9:12), and which ombudsman. */
  OMBUDSMAN_ROUTE: bool(true),
  OMBUDSMAN_NAME: requiredText('Nationale ombudsman'),
  OMBUDSMAN_WEBSITE: requiredText('www.nationaleombudsman.nl'),
  OMBUDSMAN_PHONE: requiredText('0800-33 55 555'),
  // Officer console (src/console/). Port 0 turns it off.
  CONSOLE_PORT: port(8080, 0),
  CONSOLE_HOST: requiredText('127.0.0.1'),
  CONSOLE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).optional()),
  CONSOLE_MFA: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  /** Behind a reverse proxy the origin address comes from X-Forwarded-For. */
  /** Behind a reverse proxy: how many proxy hops to trust (a number) or which proxy addresses/CIDRs (comma-separated); empty trusts none. */
  CONSOLE_TRUST_PROXY: z
    .string()
    .default('')
    .refine((v) => v === '' || /^\d{1,2}$/.test(v) || v.split(',').every((part) => /^[0-9a-fA-F:.]+(?:\/\d{1,3})?$/.test(part.trim())), 'expected a number of proxy hops, or proxy addresses or CIDRs separated by commas (not true: that would trust any X-Forwarded-For a client sends)'),
  OIDC_ISSUER: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'expected the issuer URL' }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** Claim holding officer, manager or admin; without it the account list decides. */
  OIDC_ROLE_CLAIM: requiredText('roles'),
  /** The claim holding the officer's address: `email` (refused when `email_verified` is false), or `preferred_username` with Entra ID. */
  OIDC_EMAIL_CLAIM: requiredText('email'),
});

export type Env = z.infer<typeof EnvSchema>;
export type EnvName = keyof typeof EnvSchema.shape;
const ENV_NAMES = Object.keys(EnvSchema.shape) as EnvName[];

export interface Config extends Env {
  /** The bare address of MAIL_FROM, lower case: our own mailbox, never answered. */
  mailboxAddress: string;
  /** The domain of that address: our reply Message-IDs carry it, and mail from it is our own. */
  ownDomain: string;
  /** What triage needs to know about us; each message adds its own `receivedAt`. */
  triage: Omit<TriageContext, 'receivedAt'>;
  /** REDIS_URL was set; unset, local mode runs its own Redis under DATA_DIR (see redis-plan.ts). */
  redisUrlConfigured: boolean;
  mode: { imap: boolean; smtp: boolean };
}

/** One bad variable: its name and what it expects. Never the value. */
export interface ConfigProblem {
  name: string;
  expected: string;
}

function parseMailbox(value: string): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(value);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The variables this service reads, with blank values treated as unset. */
function readEnv(env: Record<string, string | undefined>): Partial<Record<EnvName, string>> {
  const out: Partial<Record<EnvName, string>> = {};
  for (const name of ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') out[name] = value;
  }
  return out;
}

/** Checks between variables, on the raw values, so they run whatever else is wrong. */
function crossFieldProblems(env: Partial<Record<EnvName, string>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (env.IMAP_HOST !== undefined) {
    const required = env.IMAP_AUTH?.trim() === 'oauth2' ? (['IMAP_USER'] as const) : (['IMAP_USER', 'IMAP_PASSWORD'] as const);
    for (const name of required) {
      if (env[name] === undefined) problems.push({ name, expected: 'required when IMAP_HOST is set' });
    }
    // A real mailbox means real complainants: urgent alerts and deadlines need someone to reach.
    if (env.OFFICER_EMAILS === undefined) {
      problems.push({ name: 'OFFICER_EMAILS', expected: 'required when IMAP_HOST is set (who gets urgent alerts, reminders and the digest)' });
    }
  }
  const smtpAuth = env.SMTP_AUTH?.trim() ?? 'password';
  if (smtpAuth === 'password' && env.SMTP_USER !== undefined && env.SMTP_PASSWORD === undefined) {
    problems.push({ name: 'SMTP_PASSWORD', expected: 'required when SMTP_USER is set' });
  }
  if (smtpAuth === 'password' && env.SMTP_PASSWORD !== undefined && env.SMTP_USER === undefined) {
    problems.push({ name: 'SMTP_USER', expected: 'required when SMTP_PASSWORD is set' });
  }
  if (smtpAuth === 'oauth2' && env.SMTP_USER === undefined) {
    problems.push({ name: 'SMTP_USER', expected: 'required when SMTP_AUTH is oauth2 (the mailbox that sends)' });
  }
  problems.push(...oauth2Problems(env));
  if (env.OIDC_ISSUER !== undefined) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (env[name] === undefined) problems.push({ name, expected: 'required when OIDC_ISSUER is set' });
    }
  }
  if (!parseMailbox(env.MAIL_FROM ?? DEFAULT_MAIL_FROM)) {
    problems.push({ name: 'MAIL_FROM', expected: 'expected "Name <address@example.org>" or an address' });
  }
  return problems;
}

/** What the chosen token source needs; only checked when IMAP or SMTP signs in with OAuth2. */
function oauth2Problems(env: Partial<Record<EnvName, string>>): ConfigProblem[] {
  const imap = env.IMAP_HOST !== undefined && env.IMAP_AUTH?.trim() === 'oauth2';
  const smtp = env.SMTP_HOST !== undefined && env.SMTP_AUTH?.trim() === 'oauth2';
  if (!imap && !smtp) return [];
  const provider = env.OAUTH2_PROVIDER?.trim();
  if (provider === undefined) return [{ name: 'OAUTH2_PROVIDER', expected: 'required when IMAP_AUTH or SMTP_AUTH is oauth2: microsoft, google or generic' }];
  const problems: ConfigProblem[] = [];
  const need = (name: EnvName, why: string) => {
    if (env[name] === undefined) problems.push({ name, expected: `required with OAUTH2_PROVIDER=${provider} (${why})` });
  };
  if (provider === 'microsoft') {
    need('OAUTH2_TENANT_ID', 'the directory (tenant) id of the app registration');
    need('OAUTH2_CLIENT_ID', 'the application (client) id');
    const secret = env.OAUTH2_CLIENT_SECRET !== undefined;
    const certificate = env.OAUTH2_CLIENT_CERTIFICATE !== undefined;
    if (secret === certificate) {
      problems.push({ name: 'OAUTH2_CLIENT_SECRET', expected: 'set exactly one of OAUTH2_CLIENT_SECRET or OAUTH2_CLIENT_CERTIFICATE with OAUTH2_PROVIDER=microsoft' });
    }
  } else if (provider === 'google') {
    need('OAUTH2_KEY_FILE', 'the service account key file (JSON)');
    // One service account impersonates one mailbox: both protocols must sign in as it.
    if (imap && smtp && env.SMTP_USER !== undefined && env.IMAP_USER !== undefined && env.SMTP_USER.trim().toLowerCase() !== env.IMAP_USER.trim().toLowerCase()) {
      problems.push({ name: 'SMTP_USER', expected: 'must be the same mailbox as IMAP_USER with OAUTH2_PROVIDER=google' });
    }
  } else if (provider === 'generic') {
    need('OAUTH2_TOKEN_URL', 'the token endpoint');
    need('OAUTH2_CLIENT_ID', 'the client id');
    need('OAUTH2_CLIENT_SECRET', 'the client secret');
  }
  return problems;
}

function check(env: Record<string, string | undefined>) {
  const raw = readEnv(env);
  const result = EnvSchema.safeParse(raw);
  const problems: ConfigProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? '?'), expected: issue.message }));
  problems.push(...crossFieldProblems(raw));
  const seen = new Set<string>();
  const rank = (name: string) => {
    const index = ENV_NAMES.indexOf(name as EnvName);
    return index === -1 ? ENV_NAMES.length : index;
  };
  const unique = problems.filter((p) => {
    const key = `${p.name}\n${p.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Array.prototype.sort is stable: problems of one variable keep their order.
  return { result, problems: unique.sort((a, b) => rank(a.name) - rank(b.name)) };
}

/** Every problem with an environment, in the order of the configuration table; empty when it is fine. */
export function configProblems(env: Record<string, string | undefined>): ConfigProblem[] {
  return check(env).problems;
}

/** Reads the configuration from an environment; throws `AppError('config_invalid')` listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const { result, problems } = check(env);
  if (problems.length > 0 || !result.success) {
    const lines = problems.map((p) => `  ${p.name}: ${p.expected}`);
    throw new AppError(
      'config_invalid',
      `Configuration is invalid; fix these environment variables and start again:\n${lines.join('\n')}`,
      { permanent: true },
    );
  }
  const parsed = result.data;
  const mailboxAddress = parseMailbox(parsed.MAIL_FROM) ?? 'klachtenopvang@wijzijnhecht.nl';
  const ownDomain = mailboxAddress.split('@')[1] ?? 'wijzijnhecht.nl';
  return {
    ...parsed,
    mailboxAddress,
    ownDomain,
    triage: { mailboxAddress, ownDomain, spamSclThreshold: parsed.SPAM_SCL_THRESHOLD },
    redisUrlConfigured: readEnv(env).REDIS_URL !== undefined,
    mode: { imap: parsed.IMAP_HOST !== undefined, smtp: parsed.SMTP_HOST !== undefined },
  };
}
