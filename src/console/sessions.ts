import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from '../adapters/redis-keys.ts';
import { RoleSchema } from './roles.ts';

/**
 * Server-side sessions in Redis. The cookie holds a random id; Redis holds only its SHA-256, so
 * a copy of Redis cannot be replayed as cookies. Every session of an account is listed under
 * the account, so disabling it ends them all at once.
 *
 *   anonymous  before sign-in: carries the CSRF token of the sign-in form (and OIDC state)
 *   mfa        password accepted, waiting for the TOTP code
 *   active     signed in; idle timeout 30 minutes, absolute 10 hours
 *
 * Each step to a higher stage makes a new session (and id) and deletes the old one.
 */
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 10 * 3600_000;
const PRE_AUTH_MS = 15 * 60_000;

export const SessionSchema = z.object({
  stage: z.enum(['anonymous', 'mfa', 'active']),
  email: z.string().nullable(),
  role: RoleSchema.nullable(),
  auth: z.enum(['local', 'oidc']).nullable(),
  csrf: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  oidc: z.object({ state: z.string(), nonce: z.string(), codeVerifier: z.string() }).nullable().default(null),
  /** For ending the session at the identity provider too. */
  idToken: z.string().nullable().default(null),
});
export type SessionData = z.infer<typeof SessionSchema>;
export interface Session extends SessionData {
  id: string;
}

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Milliseconds this session may still live, or 0 when it has expired. */
export function sessionTimeLeft(session: SessionData, now: number): number {
  if (session.stage !== 'active') return Math.max(0, session.createdAt + PRE_AUTH_MS - now);
  return Math.max(0, Math.min(session.lastSeenAt + IDLE_MS, session.createdAt + ABSOLUTE_MS) - now);
}

export function makeSessionStore(redis: Redis, keys: Keys, now: () => number = Date.now) {
  async function write(id: string, data: SessionData): Promise<void> {
    const ttl = sessionTimeLeft(data, now());
    const multi = redis.multi().set(keys.consoleSession(hashSessionId(id)), JSON.stringify(data), 'PX', Math.max(1, ttl));
    if (data.email) multi.sadd(keys.consoleSessionsOf(data.email), hashSessionId(id)).pexpire(keys.consoleSessionsOf(data.email), ABSOLUTE_MS);
    await multi.exec();
  }

  async function create(fields: Pick<SessionData, 'stage' | 'email' | 'role' | 'auth'> & { oidc?: SessionData['oidc']; idToken?: string | null }): Promise<Session> {
    const id = newToken();
    const at = now();
    const data: SessionData = { ...fields, oidc: fields.oidc ?? null, idToken: fields.idToken ?? null, csrf: newToken(), createdAt: at, lastSeenAt: at };
    await write(id, data);
    return { ...data, id };
  }

  /** The session for a cookie value, with its idle clock restarted; null when unknown or expired. */
  async function load(id: string | undefined): Promise<Session | null> {
    if (!id || id.length > 100) return null;
    const json = await redis.get(keys.consoleSession(hashSessionId(id)));
    if (json === null) return null;
    const parsed = SessionSchema.safeParse(JSON.parse(json));
    if (!parsed.success || sessionTimeLeft(parsed.data, now()) === 0) {
      await destroy(id);
      return null;
    }
    const touched = { ...parsed.data, lastSeenAt: now() };
    if (touched.stage === 'active') await write(id, touched);
    return { ...touched, id };
  }

  async function update(session: Session, fields: Partial<SessionData>): Promise<Session> {
    const { id, ...data } = { ...session, ...fields };
    await write(id, data);
    return { ...data, id };
  }

  async function destroy(id: string): Promise<void> {
    await redis.del(keys.consoleSession(hashSessionId(id)));
  }

  /** Ends every session of an account (disable, or an administrator's decision). */
  async function destroyAllFor(email: string): Promise<number> {
    const hashes = await redis.smembers(keys.consoleSessionsOf(email));
    const multi = redis.multi();
    for (const hash of hashes) multi.del(keys.consoleSession(hash));
    multi.del(keys.consoleSessionsOf(email));
    const results = (await multi.exec()) ?? [];
    // The list may name sessions that ended already (a finished sign-in step); count the live ones.
    return results.slice(0, hashes.length).reduce((sum, [, deleted]) => sum + Number(deleted), 0);
  }

  return { create, load, update, destroy, destroyAllFor };
}
export type SessionStore = ReturnType<typeof makeSessionStore>;
