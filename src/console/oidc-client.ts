import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { OidcClient } from './oidc.ts';

/** Discovers the OpenID provider when OIDC_ISSUER is set. Filled in later. */
export async function discoverOidc(config: Config, _log: Logger): Promise<OidcClient | null> {
  if (!config.OIDC_ISSUER) return null;
  return null;
}
