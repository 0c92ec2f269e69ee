import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configProblems, EnvSchema, loadConfig } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';

/** The message loadConfig throws for `env`; fails the test when it does not throw. */
function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof AppError, 'an AppError');
    assert.equal(error.code, 'config_invalid');
    assert.equal(error.permanent, true);
    return error.message;
  }
  assert.fail('expected loadConfig to throw');
}

describe('loadConfig defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.REDIS_URL, 'redis://127.0.0.1:6379');
    assert.equal(config.REDIS_EMBEDDED, 'auto');
    assert.equal(config.REDIS_WAIT_SECONDS, 120);
    assert.equal(config.redisUrlConfigured, false);
    assert.equal(config.REDIS_KEY_PREFIX, 'ko');
    assert.equal(config.DATA_DIR, './var');
    assert.equal(config.IMAP_HOST, undefined);
    assert.equal(config.IMAP_PORT, 993);
    assert.equal(config.IMAP_SECURE, true);
    assert.equal(config.IMAP_MAILBOX, 'INBOX');
    assert.equal(config.IMAP_PROCESSED_MAILBOX, 'Verwerkt');
    assert.equal(config.IMAP_QUARANTINE_MAILBOX, 'Onverwerkbaar');
    assert.equal(config.IMAP_RESYNC_SECONDS, 60);
    assert.equal(config.IMAP_TLS_REJECT_UNAUTHORIZED, true);
    assert.equal(config.SMTP_HOST, undefined);
    assert.equal(config.SMTP_PORT, 587);
    assert.equal(config.SMTP_SECURE, false);
    assert.equal(config.MAIL_FROM, 'Klachtenopvang Hecht <klachtenopvang@wijzijnhecht.nl>');
    assert.equal(config.mailboxAddress, 'klachtenopvang@wijzijnhecht.nl');
    assert.deepEqual(config.OFFICER_EMAILS, []);
    assert.equal(config.MAX_MESSAGE_BYTES, 52_428_800);
    assert.equal(config.METRICS_PORT, 9464);
    assert.equal(config.METRICS_HOST, '127.0.0.1');
    assert.equal(config.LOG_LEVEL, 'info');
    assert.equal(config.REPLY_CAP_PER_SENDER, 3);
    assert.deepEqual(config.REMINDER_OFFSETS_DAYS, [14, 7, 2]);
    assert.equal(config.DIGEST_TIME, '08:00');
    assert.equal(config.DIGEST_DETAIL, 'minimal');
    assert.deepEqual(config.EXTRA_HOLIDAYS, []);
    assert.equal(config.TERMIJNENWET_SHIFT, true);
    assert.equal(config.RETENTION_YEARS, 5);
    assert.equal(config.VERTROUWENSPERSOON_PHONE, '088-5551000');
    assert.equal(config.VERTROUWENSPERSOON_EMAIL, 'info@jeugdstem.nl');
    assert.equal(config.COMPLIMENTS_EMAIL, 'info@veiligthuishm.nl');
    assert.equal(config.KLACHTENFUNCTIONARIS_ADDRESS, 'Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden');
    assert.equal(config.KLACHTENFUNCTIONARIS_PHONE, undefined);
    assert.deepEqual(config.mode, { imap: false, smtp: false });
  });

  it('a variable set to an empty string counts as unset (NAME= in a compose file)', () => {
    const config = loadConfig({ METRICS_PORT: '', IMAP_PORT: '  ', RETENTION_YEARS: '', DATA_DIR: '', IMAP_HOST: '' });
    assert.equal(config.METRICS_PORT, 9464, 'not port 0, which would switch the endpoints off');
    assert.equal(config.IMAP_PORT, 993);
    assert.equal(config.RETENTION_YEARS, 5);
    assert.equal(config.DATA_DIR, './var');
    assert.equal(config.mode.imap, false);
  });

  it('reads a full mail setup and derives the modes and our own address', () => {
    const config = loadConfig({
      IMAP_HOST: 'imap.example.nl',
      IMAP_USER: 'intake',
      IMAP_PASSWORD: 'pw',
      OFFICER_EMAILS: 'functionaris@example.nl',
      SMTP_HOST: 'smtp.example.nl',
      SMTP_USER: 'intake',
      SMTP_PASSWORD: 'pw',
      MAIL_FROM: 'Klachten <Klachten@Example.NL>',
      IMAP_SECURE: 'FALSE',
      METRICS_PORT: '0',
      RETENTION_YEARS: '7',
    });
    assert.deepEqual(config.mode, { imap: true, smtp: true });
    assert.equal(config.mailboxAddress, 'klachten@example.nl');
    assert.equal(config.IMAP_SECURE, false, 'booleans ignore case');
    assert.equal(config.METRICS_PORT, 0, 'port 0 switches the metrics endpoint off');
    assert.equal(config.RETENTION_YEARS, 7);
  });

  it('a bare address is a valid MAIL_FROM', () => {
    assert.equal(loadConfig({ MAIL_FROM: 'klachten@example.nl' }).mailboxAddress, 'klachten@example.nl');
  });
});

describe('list variables', () => {
  it('OFFICER_EMAILS: comma-separated, trimmed, lower case, empty items dropped', () => {
    const config = loadConfig({ OFFICER_EMAILS: ' A.Jansen@Hecht.NL, ,b@hecht.nl,' });
    assert.deepEqual(config.OFFICER_EMAILS, ['a.jansen@hecht.nl', 'b@hecht.nl']);
  });

  it('EXTRA_HOLIDAYS: comma-separated dates; a day that does not exist is refused', () => {
    assert.deepEqual(loadConfig({ EXTRA_HOLIDAYS: '2026-05-04, 2027-12-31' }).EXTRA_HOLIDAYS, ['2026-05-04', '2027-12-31']);
    assert.match(failure({ EXTRA_HOLIDAYS: '2026-05-04,2026-02-30' }), /EXTRA_HOLIDAYS: expected comma-separated existing dates as YYYY-MM-DD/);
    assert.match(failure({ EXTRA_HOLIDAYS: '4 mei 2026' }), /EXTRA_HOLIDAYS:/);
  });

  it('REMINDER_OFFSETS_DAYS: whole days, duplicates dropped, largest first', () => {
    assert.deepEqual(loadConfig({ REMINDER_OFFSETS_DAYS: '2, 14,7,7' }).REMINDER_OFFSETS_DAYS, [14, 7, 2]);
    assert.deepEqual(loadConfig({ REMINDER_OFFSETS_DAYS: '0' }).REMINDER_OFFSETS_DAYS, [0]);
    for (const bad of ['14,x', '1.5', '-1', '61', '7e1', '0x10']) {
      assert.match(failure({ REMINDER_OFFSETS_DAYS: bad }), /REMINDER_OFFSETS_DAYS: expected comma-separated whole days from 0 to 60/, bad);
    }
  });
});

describe('bad values', () => {
  // A distinctive bad value per variable: the message must name the variable and never echo it.
  // The whole line is compared, so nothing of the value can hide in it; values with text carry
  // a marker (7q) that must appear nowhere in the message.
  const cases: [name: string, value: string, expected: string][] = [
    ['REDIS_URL', 'http://geheim-host-7q:6379', 'expected a redis:// or rediss:// URL'],
    ['REDIS_EMBEDDED', 'sometimes-7q', 'expected auto or never'],
    ['REDIS_WAIT_SECONDS', 'lang-7q', 'expected whole seconds from 1 to 3600'],
    ['REDIS_KEY_PREFIX', 'ko:bad-7q', 'expected 1 to 40 letters, digits, _ or - (no colon)'],
    ['IMAP_PORT', 'poort-7q', 'expected a port number from 1 to 65535'],
    ['IMAP_PORT', '70000', 'expected a port number from 1 to 65535'],
    ['IMAP_SECURE', 'misschien-7q', 'expected true or false'],
    ['IMAP_RESYNC_SECONDS', '3', 'expected whole seconds from 5 to 3600'],
    ['IMAP_TLS_REJECT_UNAUTHORIZED', 'nee-7q', 'expected true or false'],
    ['MAILBOX_LEASE_SECONDS', 'kort-7q', 'expected whole seconds from 1 to 300'],
    ['SMTP_PORT', '58.7', 'expected a port number from 1 to 65535'],
    ['SMTP_SECURE', 'ja-7q', 'expected true or false'],
    ['IMAP_AUTH', 'basic-7q', 'expected password or oauth2'],
    ['SMTP_AUTH', 'login-7q', 'expected password, oauth2 or none'],
    ['OAUTH2_PROVIDER', 'azure-7q', 'expected microsoft, google or generic'],
    ['OAUTH2_TENANT_ID', 'tenant 7q', 'expected the directory (tenant) id or a domain such as example.onmicrosoft.com'],
    ['OAUTH2_TOKEN_URL', 'ftp://idp-7q', 'expected an http:// or https:// URL'],
    ['MAIL_FROM', 'Klachten zonder adres 7q', 'expected "Name <address@example.org>" or an address'],
    ['REPLY_ID_SECRET', 'kort-7q', 'expected at least 32 characters'],
    ['OFFICER_EMAILS', 'a@hecht.nl,geen-adres-7q', 'expected comma-separated e-mail addresses'],
    ['MAX_MESSAGE_BYTES', '1000', 'expected a whole number of bytes, at least 1024'],
    ['METRICS_PORT', '-7', 'expected a port number from 0 to 65535'],
    ['LOG_LEVEL', 'luid-7q', 'expected debug, info, warn or error'],
    ['REPLY_CAP_PER_SENDER', '1000', 'expected a whole number of replies from 1 to 100'],
    ['SPAM_SCL_THRESHOLD', '10', 'expected a spam confidence level from 1 to 9'],
    ['REMINDER_OFFSETS_DAYS', '14,dag-7q', 'expected comma-separated whole days from 0 to 60, e.g. 14,7,2'],
    ['DIGEST_TIME', '8 uur 7q', 'expected a time as HH:MM, e.g. 08:00'],
    ['DIGEST_DETAIL', 'alles-7q', 'expected minimal or standard'],
    ['EXTRA_HOLIDAYS', '2026-13-45', 'expected comma-separated existing dates as YYYY-MM-DD'],
    ['TERMIJNENWET_SHIFT', 'aan-7q', 'expected true or false'],
    ['RETENTION_YEARS', '0', 'expected whole years from 1 to 30'],
    ['RETENTION_YEARS', 'vijf-7q', 'expected whole years from 1 to 30'],
    ['VERTROUWENSPERSOON_EMAIL', 'jeugdstem-7q', 'expected an e-mail address'],
    ['COMPLIMENTS_EMAIL', 'info-7q', 'expected an e-mail address'],
    ['KLACHTENFUNCTIONARIS_ADDRESS', `Postbus 7q ${'x'.repeat(200)}`, 'expected at most 200 characters'],
    ['KLACHTENFUNCTIONARIS_PHONE', `071-7q ${'1'.repeat(40)}`, 'expected a phone number'],
    ['OMBUDSMAN_ROUTE', 'soms-7q', 'expected true or false'],
    ['CONSOLE_PORT', '70000', 'expected a port number from 0 to 65535'],
    ['CONSOLE_URL', 'ftp://klachten-7q', 'expected an http:// or https:// address'],
    ['CONSOLE_MFA', 'soms-7q', 'expected on or off'],
    ['CONSOLE_TRUST_PROXY', 'true', 'expected a number of proxy hops, or proxy addresses or CIDRs separated by commas (not true: that would trust any X-Forwarded-For a client sends)'],
  ];
  for (const [name, value, expected] of cases) {
    it(`${name}=${JSON.stringify(value)} names the variable and what it expects, not the value`, () => {
      const lines = failure({ [name]: value }).split('\n');
      assert.deepEqual(lines.slice(1), [`  ${name}: ${expected}`]);
      assert.ok(!lines.join('\n').includes('7q'), 'no part of the value is echoed');
    });
  }

  it('OIDC_ISSUER=<not a URL> names the variable, and the client it needs, not the value', () => {
    const message = failure({ OIDC_ISSUER: 'geen-url-7q' });
    assert.match(message, /^ {2}OIDC_ISSUER: expected the issuer URL$/m);
    assert.match(message, /^ {2}OIDC_CLIENT_ID: required when OIDC_ISSUER is set$/m);
    assert.match(message, /^ {2}OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set$/m);
    assert.ok(!message.includes('7q'));
  });

  it('every variable in the schema has a bad-value case above', () => {
    const covered = new Set([...cases.map(([name]) => name), 'OIDC_ISSUER']);
    const free = ['DATA_DIR', 'IMAP_HOST', 'IMAP_USER', 'IMAP_PASSWORD', 'IMAP_MAILBOX', 'IMAP_PROCESSED_MAILBOX', 'IMAP_QUARANTINE_MAILBOX', 'SMTP_HOST', 'SMTP_USER', 'SMTP_PASSWORD', 'METRICS_HOST', 'VERTROUWENSPERSOON_PHONE', 'OMBUDSMAN_NAME', 'OMBUDSMAN_WEBSITE', 'OMBUDSMAN_PHONE', 'OAUTH2_CLIENT_ID', 'OAUTH2_CLIENT_SECRET', 'OAUTH2_CLIENT_CERTIFICATE', 'OAUTH2_KEY_FILE', 'OAUTH2_SCOPE', 'CONSOLE_HOST', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM', 'OIDC_EMAIL_CLAIM'];
    const missing = Object.keys(EnvSchema.shape).filter((name) => !covered.has(name) && !free.includes(name));
    assert.deepEqual(missing, [], 'free-text variables are listed in `free`; the others need a case');
  });
});

describe('cross-field checks and all problems at once', () => {
  it('IMAP_HOST without IMAP_USER and IMAP_PASSWORD names both', () => {
    const message = failure({ IMAP_HOST: 'imap.example.nl' });
    assert.match(message, /IMAP_USER: required when IMAP_HOST is set/);
    assert.match(message, /IMAP_PASSWORD: required when IMAP_HOST is set/);
  });

  it('IMAP_HOST with a user but no password names only the password', () => {
    const message = failure({ IMAP_HOST: 'imap.example.nl', IMAP_USER: 'intake' });
    assert.match(message, /IMAP_PASSWORD: required/);
    assert.doesNotMatch(message, /IMAP_USER:/);
    assert.ok(!message.includes('intake'));
  });

  it('a real mailbox needs officers: IMAP_HOST without OFFICER_EMAILS is refused', () => {
    const message = failure({ IMAP_HOST: 'imap.example.nl', IMAP_USER: 'intake', IMAP_PASSWORD: 'pw' });
    assert.match(message, /OFFICER_EMAILS: required when IMAP_HOST is set/);
  });

  it('a blank IMAP_PASSWORD counts as missing', () => {
    assert.match(failure({ IMAP_HOST: 'imap.example.nl', IMAP_USER: 'intake', IMAP_PASSWORD: '   ' }), /IMAP_PASSWORD: required/);
  });

  it('SMTP_USER without SMTP_PASSWORD, and a password without a user (it would be ignored)', () => {
    assert.match(failure({ SMTP_USER: 'intake' }), /SMTP_PASSWORD: required when SMTP_USER is set/);
    const message = failure({ SMTP_PASSWORD: 'Zeer-Geheim-7q' });
    assert.match(message, /SMTP_USER: required when SMTP_PASSWORD is set/);
    assert.ok(!message.includes('Zeer-Geheim-7q'));
  });

  it('field errors do not hide the cross-field problems: one start lists everything', () => {
    const env = {
      IMAP_HOST: 'imap.example.nl',
      IMAP_PORT: 'abc',
      SMTP_USER: 'intake',
      MAIL_FROM: 'no address here',
      RETENTION_YEARS: '99',
      OFFICER_EMAILS: 'bad',
      SMTP_PASSWORD: '',
    };
    const names = configProblems(env).map((p) => p.name);
    assert.deepEqual(names, ['IMAP_PORT', 'IMAP_USER', 'IMAP_PASSWORD', 'SMTP_PASSWORD', 'MAIL_FROM', 'OFFICER_EMAILS', 'RETENTION_YEARS']);
    const message = failure(env);
    for (const name of names) assert.match(message, new RegExp(`^  ${name}: `, 'm'));
    assert.match(message, /^Configuration is invalid; fix these environment variables and start again:/);
  });

  it('never prints a secret, whatever else is wrong', () => {
    const secrets = { IMAP_PASSWORD: 'Imap-Secret-91', SMTP_PASSWORD: 'Smtp-Secret-92', IMAP_USER: 'user-93', SMTP_USER: 'user-94' };
    const message = failure({ ...secrets, IMAP_HOST: 'imap.example.nl', IMAP_PORT: 'x', SMTP_PORT: 'y', REDIS_URL: 'redis-secret-95' });
    for (const value of [...Object.values(secrets), 'imap.example.nl', 'redis-secret-95']) assert.ok(!message.includes(value), value);
  });

  it('one problem per line, each once', () => {
    const problems = configProblems({ OFFICER_EMAILS: 'x,y,z' });
    assert.deepEqual(problems, [{ name: 'OFFICER_EMAILS', expected: 'expected comma-separated e-mail addresses' }]);
  });
});

describe('OAuth2 settings', () => {
  const imap = { IMAP_HOST: 'outlook.office365.com', IMAP_USER: 'klachtenopvang@example.nl', OFFICER_EMAILS: 'f@example.nl' };

  it('password stays the default and needs IMAP_PASSWORD; oauth2 does not', () => {
    assert.equal(loadConfig({}).IMAP_AUTH, 'password');
    assert.equal(loadConfig({}).SMTP_AUTH, 'password');
    assert.match(failure(imap), /IMAP_PASSWORD: required when IMAP_HOST is set/);
    const config = loadConfig({ ...imap, IMAP_AUTH: 'oauth2', OAUTH2_PROVIDER: 'generic', OAUTH2_TOKEN_URL: 'https://idp.example.nl/token', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 's' });
    assert.equal(config.IMAP_AUTH, 'oauth2');
  });

  it('oauth2 without a provider names OAUTH2_PROVIDER', () => {
    assert.match(failure({ ...imap, IMAP_AUTH: 'oauth2' }), /OAUTH2_PROVIDER: required when IMAP_AUTH or SMTP_AUTH is oauth2/);
    assert.match(failure({ SMTP_HOST: 'smtp.example.nl', SMTP_AUTH: 'oauth2' }), /SMTP_USER: required when SMTP_AUTH is oauth2[\s\S]*OAUTH2_PROVIDER/);
  });

  it('microsoft needs the tenant, the client and exactly one of secret or certificate, and never prints them', () => {
    const message = failure({ ...imap, IMAP_AUTH: 'oauth2', OAUTH2_PROVIDER: 'microsoft' });
    assert.match(message, /OAUTH2_TENANT_ID: required with OAUTH2_PROVIDER=microsoft/);
    assert.match(message, /OAUTH2_CLIENT_ID: required/);
    assert.match(message, /OAUTH2_CLIENT_SECRET: set exactly one of OAUTH2_CLIENT_SECRET or OAUTH2_CLIENT_CERTIFICATE/);
    const both = failure({ ...imap, IMAP_AUTH: 'oauth2', OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT_ID: 't', OAUTH2_CLIENT_ID: 'c', OAUTH2_CLIENT_SECRET: 'hunter2-secret', OAUTH2_CLIENT_CERTIFICATE: '/c.pem' });
    assert.ok(!both.includes('hunter2-secret'));
  });

  it('google needs the key file and one mailbox for IMAP and SMTP', () => {
    assert.match(failure({ ...imap, IMAP_AUTH: 'oauth2', OAUTH2_PROVIDER: 'google' }), /OAUTH2_KEY_FILE: required/);
    const message = failure({ ...imap, IMAP_AUTH: 'oauth2', SMTP_HOST: 's', SMTP_AUTH: 'oauth2', SMTP_USER: 'other@example.nl', OAUTH2_PROVIDER: 'google', OAUTH2_KEY_FILE: '/k.json' });
    assert.match(message, /SMTP_USER: must be the same mailbox as IMAP_USER/);
  });

  it('rejects unknown modes, a bad token URL and a bad tenant', () => {
    const message = failure({ IMAP_AUTH: 'basic', SMTP_AUTH: 'login', OAUTH2_PROVIDER: 'azure', OAUTH2_TOKEN_URL: 'ftp://x', OAUTH2_TENANT_ID: 'a b' });
    for (const expected of ['IMAP_AUTH: expected password or oauth2', 'SMTP_AUTH: expected password, oauth2 or none', 'OAUTH2_PROVIDER: expected microsoft, google or generic', 'OAUTH2_TOKEN_URL: expected an http', 'OAUTH2_TENANT_ID: expected the directory']) {
      assert.ok(message.includes(expected), expected);
    }
  });

  it('SMTP_AUTH=none needs no password even with a user', () => {
    assert.equal(loadConfig({ SMTP_HOST: 's', SMTP_AUTH: 'none', SMTP_USER: 'u' }).SMTP_AUTH, 'none');
  });
});
