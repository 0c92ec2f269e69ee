import { timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer token: every form carries the session's token in a hidden field `_csrf`, and a
 * state-changing request whose field does not match is refused before it does anything.
 * SameSite cookies alone do not cover older browsers or same-site subdomains.
 */
export const CSRF_FIELD = '_csrf';

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
