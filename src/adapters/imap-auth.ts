import type { Config } from '../config.ts';
import type { TokenSource } from './oauth2/token-source.ts';

/**
 * Credentials for one new IMAP connection: the password, or a token from the token source
 * with the time the connection should be replaced (the token's renewal time). imapflow cannot
 * reconnect an instance, so every connection asks here again and gets a valid token.
 */
export type ImapAuth = { user: string; pass: string } | { user: string; accessToken: string };

export interface ImapCredentials {
  auth: ImapAuth;
  /** Epoch ms after which this connection's token should be replaced; null for a password. */
  renewAt: number | null;
}

export async function imapCredentials(config: Config, tokens: TokenSource | null, options: { renew?: boolean } = {}): Promise<ImapCredentials> {
  const user = config.IMAP_USER ?? '';
  if (config.IMAP_AUTH !== 'oauth2') return { auth: { user, pass: config.IMAP_PASSWORD ?? '' }, renewAt: null };
  if (tokens === null) throw new Error('IMAP_AUTH=oauth2 needs a token source');
  const token = await tokens.get(user, { renew: options.renew ?? false });
  return { auth: { user, accessToken: token.value }, renewAt: token.renewAt };
}

/** imapflow marks a tagged NO to AUTHENTICATE/LOGIN with `authenticationFailed`. */
export function isAuthenticationRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'authenticationFailed' in error && error.authenticationFailed === true;
}
