import { AppError } from '../src/errors.ts';
import type { AddressInfo } from 'node:net';
import { makeAccountStore } from '../src/console/accounts.ts';
import { makeAuditLog } from '../src/console/audit.ts';
import type { ConsoleDeps } from '../src/console/context.ts';
import { makeRegisterIndex } from '../src/console/register-index.ts';
import { buildConsoleServer } from '../src/console/server.ts';
import { makeSessionStore } from '../src/console/sessions.ts';
import { makeSignInFailures } from '../src/console/sign-in-failures.ts';
import { discoverOidc } from '../src/console/oidc.ts';
import { makeBullBoardMount } from '../src/console/bull-board.ts';
import { readOriginalMessage } from '../src/adapters/original-message.ts';
import { TEMPLATES_DIR } from '../src/adapters/templates/layout.ts';
import { templatesFor } from './roles.ts';
import type { Runtime } from './runtime.ts';

/**
 * The officer console role: wires the console onto the runtime's Redis and queues and listens
 * on CONSOLE_HOST:CONSOLE_PORT (port 0 in the config turns it off; tests pass `port: 0` here
 * for a free one). CONSOLE_MFA=off is logged as a warning at every start.
 */
export async function startConsoleRole(rt: Runtime, options: { port?: number; now?: () => number } = {}) {
  const port = options.port ?? rt.config.CONSOLE_PORT;
  if (options.port === undefined && port === 0) return null;
  if (rt.config.CONSOLE_MFA === 'off') rt.log.warn('console_mfa_off', { hint: 'local accounts sign in with a password only; set CONSOLE_MFA=on' });
  const keys = rt.store.keys;
  const now = options.now ?? (() => rt.clock.now().getTime());
  const deps: ConsoleDeps = {
    config: rt.config,
    log: rt.log.child({ role: 'console' }),
    clock: rt.clock,
    store: rt.store,
    queues: rt.queues,
    templates: templatesFor(rt, TEMPLATES_DIR),
    accounts: makeAccountStore(rt.redis, keys),
    sessions: makeSessionStore(rt.redis, keys, now),
    failures: makeSignInFailures(rt.redis, keys, now),
    audit: makeAuditLog(rt.redis, keys),
    index: makeRegisterIndex({ store: rt.store, redis: rt.redis, log: rt.log }),
    // An identity provider that does not answer must not stop intake: the console runs without SSO.
    oidc: await discoverOidc(rt.config, rt.log).catch(() => null),
    readOriginal: (source) => readOriginalMessage(rt.config, source, rt.tokens),
  };
  deps.mountQueues = makeBullBoardMount(rt.queues, () => deps);
  const app = await buildConsoleServer(deps);
  await app.listen({ host: rt.config.CONSOLE_HOST, port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    const what = error.code === 'EADDRINUSE' ? 'is in use by another program' : 'may not be opened by this user';
    throw new AppError('port_unavailable', `Port ${port} on ${rt.config.CONSOLE_HOST} (CONSOLE_PORT, CONSOLE_HOST) ${what} (${error.code}). Stop that program or choose another CONSOLE_PORT; 0 switches the console off.`, { cause: error, permanent: true });
  });
  rt.onClose(() => app.close());
  const address = app.server.address() as AddressInfo;
  const url = `http://${rt.config.CONSOLE_HOST}:${address.port}`;
  rt.log.info('console_started', { port: address.port, mfa: rt.config.CONSOLE_MFA, sso: deps.oidc !== null });
  // Loaded ahead of the first request, so the first officer does not wait for it.
  deps.index.current().catch(() => {});
  return { app, port: address.port, url, deps };
}
