/**
 * An OAuth2 token endpoint for tests, on a free loopback port: the client-credentials grant
 * with a client id and secret, answering HS256 JWTs that the OAuth2 Dovecot accepts (same key
 * and issuer). Each request can be programmed (`plan`) to hand out an expired token, a token of
 * another issuer, or an error such as Microsoft's AADSTS answers.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { signJwt } from '../../src/adapters/oauth2/jwt.ts';
import { getFreePort } from './free-port.ts';

export interface TokenPlan {
  /** Seconds until the token's `exp` (negative: already expired). Default 3600. */
  lifetimeSeconds?: number;
  /** The `expires_in` the client is told; default the lifetime (3600 when that is negative). */
  expiresIn?: number;
  /** The token's `iss`; default the endpoint's issuer. */
  issuer?: string;
  /** Answer with this error instead of a token. */
  error?: { status: number; body: Record<string, unknown> };
}

export interface TokenEndpoint {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Form fields of every request, in order of arrival. */
  readonly requests: Record<string, string>[];
  /** Every token handed out, in order. */
  readonly issued: string[];
  /** The next requests follow these plans, one each; after them, the default plan. */
  plan(...plans: TokenPlan[]): void;
  setDefault(plan: TokenPlan): void;
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startTokenEndpoint(options: { issuer: string; key: Buffer; subject: string }): Promise<TokenEndpoint> {
  const clientId = `client-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(16).toString('hex');
  const requests: Record<string, string>[] = [];
  const issued: string[] = [];
  const queue: TokenPlan[] = [];
  let fallback: TokenPlan = {};
  const waiters = new Set<{ count: number; resolve: () => void }>();

  const answer = (form: Record<string, string>): { status: number; body: Record<string, unknown> } => {
    const plan = queue.shift() ?? fallback;
    if (plan.error) return plan.error;
    if (form['grant_type'] !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    if (form['client_id'] !== clientId || form['client_secret'] !== clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    }
    const lifetime = plan.lifetimeSeconds ?? 3600;
    const token = signJwt(
      {},
      { sub: options.subject, iss: plan.issuer ?? options.issuer, exp: Math.floor(Date.now() / 1000) + lifetime, jti: randomBytes(6).toString('hex') },
      { alg: 'HS256', secret: options.key },
    );
    issued.push(token);
    return { status: 200, body: { token_type: 'Bearer', access_token: token, expires_in: plan.expiresIn ?? (lifetime > 0 ? lifetime : 3600) } };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push(form);
      const { status, body } = req.method === 'POST' ? answer(form) : { status: 405, body: { error: 'method_not_allowed' } };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      for (const waiter of waiters) {
        if (requests.length >= waiter.count) {
          waiters.delete(waiter);
          waiter.resolve();
        }
      }
    });
  });
  const port = await getFreePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    url: `http://127.0.0.1:${port}/oauth2/token`,
    clientId,
    clientSecret,
    requests,
    issued,
    plan: (...plans) => void queue.push(...plans),
    setDefault: (plan) => void (fallback = plan),
    waitForRequests(count, timeoutMs = 20_000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`token endpoint: expected ${count} request(s), got ${requests.length}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
