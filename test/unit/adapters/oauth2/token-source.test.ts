import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeAuthStatus } from '../../../../src/adapters/oauth2/auth-status.ts';
import { OAuth2Error } from '../../../../src/adapters/oauth2/oauth2-error.ts';
import { makeTokenSource, renewAtFor } from '../../../../src/adapters/oauth2/token-source.ts';
import type { TokenGrant } from '../../../../src/adapters/oauth2/token-request.ts';
import { makeLogger } from '../../../../src/log.ts';

/**
 * The cache and renewal logic with a scripted fetch (the token endpoint itself is exercised for
 * real in test/integration/oauth2.test.ts) and a clock that is a value.
 */
const grant: TokenGrant = { provider: 'generic', tokenUrl: 'https://idp.test/token', scope: 'mail', clientId: 'c', credential: { kind: 'secret', secret: 'the-secret' } };

function harness(answers: (() => Response)[]) {
  let now = 1_000_000;
  const calls: { url: string; body: string }[] = [];
  const lines: string[] = [];
  const status = makeAuthStatus();
  const fetchStub: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), body: String(init?.body ?? '') });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  const tokens = makeTokenSource({ grant, log: makeLogger({ sink: (line) => lines.push(line) }), status, fetch: fetchStub, now: () => now });
  return { tokens, calls, lines, status, advance: (ms: number) => void (now += ms), now: () => now };
}

const ok = (token: string, expiresIn: number | string = 3600) => () => Response.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });

describe('token source', () => {
  it('renews a tenth of the lifetime before expiry, at most five minutes', () => {
    assert.equal(renewAtFor(0, 3600), 3600_000 - 300_000);
    assert.equal(renewAtFor(0, 60), 54_000);
  });

  it('caches a token until its renewal time, then fetches a new one', async () => {
    const h = harness([ok('t1'), ok('t2')]);
    assert.equal((await h.tokens.get('box')).value, 't1');
    h.advance(3_000_000);
    assert.equal((await h.tokens.get('box')).value, 't1', 'still before renewAt (55 min)');
    h.advance(300_001);
    assert.equal((await h.tokens.get('box')).value, 't2');
    assert.equal(h.calls.length, 2);
    assert.equal(h.calls[0]?.url, 'https://idp.test/token');
    assert.equal(new URLSearchParams(h.calls[0]?.body).get('grant_type'), 'client_credentials');
  });

  it('renew skips the cache; callers asking at once share one request', async () => {
    const h = harness([ok('t1'), ok('t2')]);
    const [a, b] = await Promise.all([h.tokens.get('box'), h.tokens.get('box')]);
    assert.equal(a.value, 't1');
    assert.equal(b.value, 't1');
    assert.equal((await h.tokens.get('box', { renew: true })).value, 't2');
    assert.equal(h.calls.length, 2);
  });

  it('accepts expires_in as a string and defaults it to an hour', async () => {
    const h = harness([ok('t1', '120'), () => Response.json({ access_token: 't2' })]);
    assert.equal((await h.tokens.get('box')).expiresAt - h.now(), 120_000);
    assert.equal((await h.tokens.get('box', { renew: true })).expiresAt - h.now(), 3_600_000);
  });

  it('a refusal becomes a coded error, is logged with its hint and reported until the next success', async () => {
    const h = harness([() => Response.json({ error: 'invalid_client', error_codes: [7000215] }, { status: 401 }), ok('t1')]);
    await assert.rejects(h.tokens.get('box'), (error: unknown) => error instanceof OAuth2Error && error.code === 'oauth2_secret_invalid');
    assert.deepEqual(h.status.problems().map((p) => p.code), ['oauth2_secret_invalid']);
    const logged = JSON.parse(h.lines.at(-1) ?? '{}') as Record<string, unknown>;
    assert.equal(logged['event'], 'oauth2_token_failed');
    assert.equal(logged['code'], 'oauth2_secret_invalid');
    assert.ok(!h.lines.join('\n').includes('the-secret'), 'the secret is never logged');
    await h.tokens.get('box');
    assert.deepEqual(h.status.problems(), []);
    assert.ok(!h.lines.join('\n').includes('t1'), 'the token is never logged');
  });

  it('a network failure and a response without a token are temporary', async () => {
    const h = harness([
      () => {
        throw new TypeError('fetch failed');
      },
      () => Response.json({ token_type: 'Bearer' }),
    ]);
    await assert.rejects(h.tokens.get('box'), (error: unknown) => error instanceof OAuth2Error && error.code === 'oauth2_token_endpoint_unavailable' && !error.needsAction);
    await assert.rejects(h.tokens.get('box'), (error: unknown) => error instanceof OAuth2Error && error.code === 'oauth2_token_response_invalid');
  });
});
