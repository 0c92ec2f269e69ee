import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { OAuth2Error } from './oauth2-error.ts';
import { GOOGLE_SCOPE, GOOGLE_TOKEN_URL, MICROSOFT_SCOPE, microsoftTokenUrl, type ClientCredential, type TokenGrant } from './token-request.ts';

/**
 * Builds the token grant from the configuration, reading the key files once at start-up. The
 * configuration check already made sure the variables each provider needs are set; here the
 * files are read and checked, and a bad one stops start-up with its own code.
 */
const GoogleKeySchema = z.looseObject({
  type: z.literal('service_account'),
  client_email: z.email(),
  private_key: z.string().min(1),
  private_key_id: z.string().optional(),
  token_uri: z.url().optional(),
});

export type ReadFile = (path: string) => string;
const readText: ReadFile = (path) => readFileSync(path, 'utf8');

function certificateCredential(path: string, read: ReadFile): ClientCredential {
  try {
    const pem = read(path);
    const der = new X509Certificate(pem).raw;
    return {
      kind: 'certificate',
      privateKey: createPrivateKey(pem),
      x5t: createHash('sha1').update(der).digest('base64url'),
      x5tS256: createHash('sha256').update(der).digest('base64url'),
    };
  } catch (cause) {
    throw new OAuth2Error('oauth2_certificate_invalid', { cause });
  }
}

function googleGrant(config: Config, read: ReadFile): TokenGrant {
  let key: z.infer<typeof GoogleKeySchema>;
  try {
    key = GoogleKeySchema.parse(JSON.parse(read(config.OAUTH2_KEY_FILE ?? '')));
  } catch (cause) {
    throw new OAuth2Error('oauth2_key_file_invalid', { cause });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key.private_key);
  } catch (cause) {
    throw new OAuth2Error('oauth2_key_file_invalid', { cause });
  }
  return {
    provider: 'google',
    tokenUrl: config.OAUTH2_TOKEN_URL ?? key.token_uri ?? GOOGLE_TOKEN_URL,
    scope: config.OAUTH2_SCOPE ?? GOOGLE_SCOPE,
    clientEmail: key.client_email,
    privateKey,
    keyId: key.private_key_id ?? null,
  };
}

/** True when IMAP or SMTP signs in with a token. */
export function usesOAuth2(config: Config): boolean {
  return (config.mode.imap && config.IMAP_AUTH === 'oauth2') || (config.mode.smtp && config.SMTP_AUTH === 'oauth2');
}

export function loadTokenGrant(config: Config, read: ReadFile = readText): TokenGrant {
  const credential = (): ClientCredential =>
    config.OAUTH2_CLIENT_CERTIFICATE !== undefined
      ? certificateCredential(config.OAUTH2_CLIENT_CERTIFICATE, read)
      : { kind: 'secret', secret: config.OAUTH2_CLIENT_SECRET ?? '' };
  switch (config.OAUTH2_PROVIDER) {
    case 'microsoft':
      return {
        provider: 'microsoft',
        tokenUrl: config.OAUTH2_TOKEN_URL ?? microsoftTokenUrl(config.OAUTH2_TENANT_ID ?? ''),
        scope: config.OAUTH2_SCOPE ?? MICROSOFT_SCOPE,
        clientId: config.OAUTH2_CLIENT_ID ?? '',
        credential: credential(),
      };
    case 'google':
      return googleGrant(config, read);
    case 'generic':
      return { provider: 'generic', tokenUrl: config.OAUTH2_TOKEN_URL ?? '', scope: config.OAUTH2_SCOPE ?? null, clientId: config.OAUTH2_CLIENT_ID ?? '', credential: credential() };
    default:
      // loadConfig requires OAUTH2_PROVIDER whenever OAuth2 is in use; this is a config built by hand.
      throw new AppError('config_invalid', 'OAUTH2_PROVIDER is required when IMAP_AUTH or SMTP_AUTH is oauth2.', { permanent: true });
  }
}
