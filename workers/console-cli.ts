import { z } from 'zod';
import { AppError } from '../src/errors.ts';
import type { CliValues } from '../src/cli/args.ts';
import { makeAccountStore } from '../src/console/accounts.ts';
import { auditCsv, makeAuditLog } from '../src/console/audit.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../src/console/password.ts';
import { ROLES, RoleSchema } from '../src/console/roles.ts';
import { makeSessionStore } from '../src/console/sessions.ts';
import { newTotpSecret, otpauthUri } from '../src/console/totp.ts';
import type { Runtime } from './runtime.ts';

/**
 * `officers add|list|disable` and `audit export`: console accounts and the audit trail from the
 * command line. Account changes made here are audited too, with origin `cli`.
 */
const usage = (message: string) => new AppError('usage', message, { permanent: true });

export async function runConsoleCommand(
  rt: Runtime,
  command: string,
  positionals: string[],
  values: CliValues,
  io: { actor: string; readStdin: () => Promise<Buffer> },
): Promise<string> {
  const accounts = makeAccountStore(rt.redis, rt.store.keys);
  const audit = makeAuditLog(rt.redis, rt.store.keys);
  const record = (action: string, object: string) => audit.append({ actor: io.actor, role: 'cli', origin: 'cli', action, object, result: 'ok', detail: '-' });
  const sub = positionals[1];
  if (command === 'audit') {
    const date = z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).optional();
    const from = date.safeParse(values.from);
    const to = date.safeParse(values.to);
    if (!from.success || !to.success) throw usage('audit export: --from and --to are dates as YYYY-MM-DD.');
    const entries = await audit.read({ ...(from.data ? { from: from.data } : {}), ...(to.data ? { to: to.data } : {}) }, Number.MAX_SAFE_INTEGER);
    await record('audit_export', '-');
    return auditCsv(entries);
  }
  const email = () => {
    const parsed = z.email().safeParse(positionals[2]);
    if (!parsed.success) throw usage(`officers ${sub}: give the officer's e-mail address.`);
    return parsed.data.toLowerCase();
  };
  if (sub === 'list') {
    const list = await accounts.list();
    if (list.length === 0) return 'No accounts.';
    return list.map((a) => `${a.email.padEnd(40)} ${a.role.padEnd(8)} ${a.disabled ? 'disabled' : 'active'}  ${a.passwordHash ? (a.totpSecret ? 'password+totp' : 'password') : 'sso only'}`).join('\n');
  }
  if (sub === 'disable') {
    const who = email();
    await accounts.setDisabled(who, true);
    const ended = await makeSessionStore(rt.redis, rt.store.keys).destroyAllFor(who);
    await record('account_disable', who);
    return `${who} disabled; ${ended} session(s) ended.`;
  }
  // add
  const who = email();
  const role = RoleSchema.safeParse(values.role);
  if (!role.success) throw usage(`officers add: --role must be one of ${ROLES.join(', ')}.`);
  let passwordHash: string | null = null;
  let totpSecret: string | null = null;
  if (values['password-stdin']) {
    const password = (await io.readStdin()).toString('utf8').replace(/\r?\n$/, '');
    if (password.length < MIN_PASSWORD_LENGTH) throw usage(`officers add: the password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    passwordHash = await hashPassword(password);
    totpSecret = newTotpSecret();
  }
  await accounts.add({ email: who, role: role.data, passwordHash, totpSecret });
  await record('account_add', who);
  const lines = [`${who} added as ${role.data}.`];
  if (totpSecret) {
    lines.push('Second factor: add this to an authenticator app (shown once; keep it secret):', otpauthUri(totpSecret, who));
    if (rt.config.CONSOLE_MFA === 'off') lines.push('Note: CONSOLE_MFA=off, so the console does not ask for the code now.');
  } else {
    lines.push('No password: this account signs in through single sign-on (OIDC) only.');
  }
  return lines.join('\n');
}
