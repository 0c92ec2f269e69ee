import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from '../adapters/redis-keys.ts';
import { RoleSchema, type Role } from './roles.ts';
import { refuseConsole } from './console-errors.ts';

/**
 * Officer accounts in Redis, one JSON value per address (the key holds a hash of it) and a set
 * of all addresses for `officers list`. Local accounts have a password hash and a TOTP secret;
 * accounts that sign in through OIDC have neither. Disabling keeps the account (the audit log
 * names it) and ends its sessions (see sessions.ts).
 */
export const AccountSchema = z.object({
  email: z.email(),
  role: RoleSchema,
  passwordHash: z.string().nullable(),
  totpSecret: z.string().nullable(),
  /** The last TOTP step accepted: a code is valid once. */
  totpLastStep: z.number().int().default(-1),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof AccountSchema>;

export function makeAccountStore(redis: Redis, keys: Keys) {
  async function get(email: string): Promise<Account | null> {
    const json = await redis.get(keys.consoleAccount(email));
    return json === null ? null : AccountSchema.parse(JSON.parse(json));
  }

  async function put(account: Account): Promise<void> {
    await redis.multi().set(keys.consoleAccount(account.email), JSON.stringify(AccountSchema.parse(account))).sadd(keys.consoleAccounts(), account.email.toLowerCase()).exec();
  }

  async function add(input: { email: string; role: Role; passwordHash: string | null; totpSecret: string | null }): Promise<Account> {
    const email = input.email.toLowerCase();
    if (await get(email)) throw refuseConsole('account_exists', `An account for that address exists already; disable it or choose another address.`);
    const account: Account = { email, role: input.role, passwordHash: input.passwordHash, totpSecret: input.totpSecret, totpLastStep: -1, disabled: false, createdAt: new Date().toISOString() };
    await put(account);
    return account;
  }

  async function list(): Promise<Account[]> {
    const emails = (await redis.smembers(keys.consoleAccounts())).sort();
    const accounts = await Promise.all(emails.map((email) => get(email)));
    return accounts.filter((account): account is Account => account !== null);
  }

  async function setDisabled(email: string, disabled: boolean): Promise<Account> {
    const account = await get(email);
    if (!account) throw refuseConsole('account_not_found', 'No account with that address; see "officers list".');
    const next = { ...account, disabled };
    await put(next);
    return next;
  }

  /** Records an accepted TOTP step; false when it (or a later one) was used already: a replay. */
  /** A code's time step is used once: SET NX on the step makes two parallel sign-ins with one code one. */
  async function useTotpStep(email: string, step: number): Promise<boolean> {
    const account = await get(email);
    if (!account || step <= account.totpLastStep) return false;
    const claimed = await redis.set(`${keys.consoleAccount(email)}:totp:${step}`, '1', 'EX', 300, 'NX');
    if (claimed !== 'OK') return false;
    await put({ ...account, totpLastStep: step });
    return true;
  }

  return { get, add, list, setDisabled, useTotpStep };
}
export type AccountStore = ReturnType<typeof makeAccountStore>;
