import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import { errorCode } from '../errors.ts';
import type { ConsoleDeps } from './context.ts';
import { csrfMatches, CSRF_FIELD } from './csrf.ts';
import { audit, cookieName, pageContext } from './request-context.ts';
import { errorPage } from './views/pages.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerComplaintRoutes } from './routes/complaints.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerRegistrationRoutes } from './routes/registration.ts';
import { registerPrintRoutes } from './routes/print.ts';
import { registerAnnualRegisterRoutes } from './routes/annual-register.ts';

/**
 * The officer console: server-rendered HTML on Fastify with its official plugins (helmet for
 * the security headers, cookie, formbody). No script at all: every page works with plain links
 * and forms, and the CSP says so (script-src 'none'). Nothing is cached: complaint data must not
 * outlive the session in the browser.
 */
const CSS = readFileSync(resolve(import.meta.dirname, 'public', 'console.css'), 'utf8');

export async function buildConsoleServer(deps: ConsoleDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: trustProxySetting(deps.config.CONSOLE_TRUST_PROXY), bodyLimit: 256 * 1024 });
  const formAction = ["'self'", ...(deps.oidc ? [deps.oidc.issuerOrigin] : [])];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction,
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: deps.config.CONSOLE_URL?.startsWith('https:') ? { maxAge: 31536000 } : false,
  });
  await app.register(cookie);
  await app.register(formbody);

  app.decorateRequest('session', null);
  app.decorateRequest('sessionGone', false);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('Pragma', 'no-cache');
    const id = request.cookies[cookieName(deps)];
    request.session = await deps.sessions.load(id);
    request.sessionGone = id !== undefined && request.session === null;
  });

  // Every state-changing request carries the session's CSRF token; without a session there is none to match.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.session && csrfMatches(request.session.csrf, body[CSRF_FIELD])) return;
    await audit(deps, request, { action: 'csrf_check', object: request.routeOptions.url ?? '-', result: 'refused', detail: request.session ? 'token_mismatch' : 'no_session' });
    return reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(errorPage(pageContext(request), 'Verzoek geweigerd', 'Dit formulier is verlopen of kwam niet van deze site. Er is niets veranderd. Laad de pagina opnieuw en probeer het nog eens.'));
  });

  app.get('/static/console.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-store').send(CSS));

  await registerAuthRoutes(app, deps);
  await registerComplaintRoutes(app, deps);
  await registerRegistrationRoutes(app, deps);
  await registerPrintRoutes(app, deps);
  await registerAnnualRegisterRoutes(app, deps);
  await registerAdminRoutes(app, deps);
  if (deps.mountQueues) await deps.mountQueues(app);

  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).type('text/html; charset=utf-8').send(errorPage(pageContext(request), 'Niet gevonden', 'Deze pagina bestaat niet. Controleer het adres of ga naar de startpagina.')),
  );
  app.setErrorHandler(async (error, request, reply) => {
    const status = typeof error === 'object' && error && 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    // Codes only: an error message may quote form input.
    deps.log.error('console_request_failed', { code: errorCode(error), status, route: request.routeOptions.url ?? '-' });
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(errorPage(pageContext(request), status === 500 ? 'Er ging iets mis' : 'Verzoek niet verwerkt', status === 500 ? 'Er ging iets mis aan onze kant. Er is mogelijk niets veranderd; controleer de klacht en probeer het opnieuw.' : 'Het verzoek kon niet worden verwerkt. Controleer wat u invulde en probeer het opnieuw.'));
  });
  return app;
}

/** Hops or known proxies only: `true` would take any X-Forwarded-For a client sends as its origin. */
function trustProxySetting(value: string): string | boolean | ((address: string, hop: number) => boolean) {
  if (value === '') return false;
  if (!/^\d{1,2}$/.test(value)) return value;
  const hops = Number(value);
  return (_address: string, hop: number) => hop < hops;
}
