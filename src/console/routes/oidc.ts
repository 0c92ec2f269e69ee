import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorCode } from '../../errors.ts';
import type { ConsoleDeps } from '../context.ts';
import { audit, pageContext, setSessionCookie } from '../request-context.ts';
import { signInPage } from '../views/pages.ts';
import { startSignedIn } from './auth.ts';

/**
 * Single sign-on: /aanmelden/sso sends the browser to the provider with PKCE, state and nonce
 * kept in the pre-sign-in session; /aanmelden/sso/terug exchanges the code and signs in with a
 * new session id. A disabled local account with the same address is refused.
 */
const CALLBACK = '/aanmelden/sso/terug';

export function baseUrl(deps: Pick<ConsoleDeps, 'config'>, request: FastifyRequest): string {
  return (deps.config.CONSOLE_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

export async function registerOidcRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const oidc = deps.oidc;
  if (!oidc) return;
  const refuse = async (request: FastifyRequest, detail: string, message: string, actor = 'anoniem') => {
    await audit(deps, request, { actor, role: '-', action: 'sign_in', object: '-', result: 'failed', detail });
    return signInPage(pageContext(request), { oidc: true, localAccounts: true, error: message });
  };

  app.get('/aanmelden/sso', async (request, reply) => {
    const { url, checks } = await oidc.start(`${baseUrl(deps, request)}${CALLBACK}`);
    if (request.session) await deps.sessions.destroy(request.session.id);
    const session = await deps.sessions.create({ stage: 'anonymous', email: null, role: null, auth: null, oidc: checks });
    setSessionCookie(deps, reply, session);
    return reply.redirect(url, 303);
  });

  app.get(CALLBACK, async (request, reply) => {
    const checks = request.session?.stage === 'anonymous' ? request.session.oidc : null;
    const page = (status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);
    if (!checks) return page(400, await refuse(request, 'oidc_no_state', 'De aanmelding is verlopen. Begin opnieuw.'));
    let result;
    try {
      result = await oidc.finish(new URL(request.url, baseUrl(deps, request)), checks);
    } catch (error) {
      deps.log.warn('oidc_sign_in_failed', { code: errorCode(error) });
      return page(401, await refuse(request, 'oidc_error', 'Aanmelden via het organisatie-account is niet gelukt. Probeer het opnieuw.'));
    }
    if (!result.email) return page(403, await refuse(request, 'oidc_no_email', 'Het organisatie-account gaf geen e-mailadres door. Vraag de functioneel beheerder om hulp.'));
    const account = await deps.accounts.get(result.email);
    if (account?.disabled) return page(403, await refuse(request, 'account_disabled', 'Dit account is uitgeschakeld.', result.email));
    const role = result.claimRole ?? account?.role ?? null;
    if (!role) return page(403, await refuse(request, 'oidc_no_role', 'Uw organisatie-account heeft geen rol voor de klachtenopvang. Vraag de functioneel beheerder om een rol.', result.email));
    return startSignedIn(deps, request, reply, { email: result.email, role, auth: 'oidc', idToken: result.idToken });
  });
}
