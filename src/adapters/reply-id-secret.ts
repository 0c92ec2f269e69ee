import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';

/**
 * The secret behind the HMAC in our Message-IDs (domain/reply-ids.ts): REPLY_ID_SECRET when
 * configured, else one created on first start and kept in Redis (SET NX: every process of the
 * service, on any machine, agrees on the first one written). Lost with Redis, old ids stop
 * proving anything; a follow-up then still attaches when its sender is the complainant.
 */
export async function loadReplyIdSecret(redis: Redis, key: string, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  await redis.set(key, randomBytes(32).toString('hex'), 'NX');
  const secret = await redis.get(key);
  if (secret === null || secret.length < 32) throw new AppError('reply_id_secret_missing', 'The reply id secret could not be stored in Redis; check that Redis accepts writes.');
  return secret;
}
