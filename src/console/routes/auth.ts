import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ConsoleDeps } from '../context.ts';
import { verifyAgainstNothing, verifyPassword } from '../password.ts';
import { verifyTotp } from '../totp.ts';
import type { Role } from '../roles.ts';
import { actorOf, audit, clearSessionCookie, pageContext, setSessionCookie } from '../request-context.ts';
import { signInPage, signedOutPage, totpPage } from '../views/pages.ts';
import type { AttemptDecision } from '../sign-in-limits.ts';
import { baseUrl, registerOidcRoutes } from './oidc.ts';

/**
 * Sign-in with a local account (password, then the TOTP code unless CONSOLE_MFA=off), sign-out,
 * and the start page. Each step up makes a new session id; failures slow down and lock out.
 */
const SignInBody = z.object({ email: z.string().trim().toLowerCase().max(200), password: z.string().max(1000) });
const CodeBody = z.object({ code: z.string().trim().max(20) });

const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').send(page);

function limitMessage(decision: Exclude<AttemptDecision, { allowed: true }>): string {
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  return decision.reason === 'locked'
    ? `Te veel mislukte pogingen: aanmelden is geblokkeerd. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw of vraag de functioneel beheerder om hulp.`
    : `Te veel mislukte pogingen. Wacht ${seconds} seconden en probeer het dan opnieuw.`;
}

export function homeFor(role: Role): string {
  return role === 'admin' ? '/audit' : '/complaints';
}

/** Ends the pre-sign-in session and starts a signed-in one with a new id. */
export async function startSignedIn(deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply, who: { email: string; role: Role; auth: 'local' | 'oidc'; idToken?: string | null }) {
  if (request.session) await deps.sessions.destroy(request.session.id);
  const session = await deps.sessions.create({ stage: 'active', email: who.email, role: who.role, auth: who.auth, idToken: who.idToken ?? null });
  await deps.failures.clearAccount(who.email);
  setSessionCookie(deps, reply, session);
  await audit(deps, request, { actor: who.email, role: who.role, action: 'sign_in', object: '-', result: 'ok', detail: who.auth });
  return reply.redirect(homeFor(who.role), 303);
}

export async function registerAuthRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const localAccounts = true;
  const renderSignIn = (request: FastifyRequest, reply: FastifyReply, status: number, error?: string, email?: string) =>
    html(reply, status, signInPage(pageContext(request), { oidc: deps.oidc !== null, localAccounts, ...(error ? { error } : {}), ...(email ? { email } : {}) }));

  app.get('/', async (request, reply) => {
    const actor = actorOf(request);
    return reply.redirect(actor ? homeFor(actor.role) : '/aanmelden', 303);
  });

  app.get('/aanmelden', async (request, reply) => {
    const actor = actorOf(request);
    if (actor) return reply.redirect(homeFor(actor.role), 303);
    if (!request.session || request.session.stage !== 'anonymous') {
      if (request.session) await deps.sessions.destroy(request.session.id);
      request.session = await deps.sessions.create({ stage: 'anonymous', email: null, role: null, auth: null });
      setSessionCookie(deps, reply, request.session);
    }
    const expired = (request.query as Record<string, unknown>)['verlopen'] !== undefined;
    return renderSignIn(request, reply, 200, expired ? 'Uw sessie is verlopen of beëindigd. Meld u opnieuw aan.' : undefined);
  });

  app.post('/aanmelden', async (request, reply) => {
    const body = SignInBody.safeParse(request.body);
    if (!body.success) return renderSignIn(request, reply, 400, 'Vul uw e-mailadres en wachtwoord in.');
    const { email, password } = body.data;
    const decision = await deps.failures.check(email, request.ip);
    if (!decision.allowed) {
      await deps.failures.record(email, request.ip);
      await audit(deps, request, { actor: await knownAccountOr(deps, email), role: '-', action: 'sign_in', object: '-', result: 'refused', detail: decision.reason });
      return renderSignIn(request, reply, 429, limitMessage(decision), email);
    }
    const account = await deps.accounts.get(email);
    const usable = account && !account.disabled && account.passwordHash;
    const ok = usable ? await verifyPassword(password, account.passwordHash ?? '') : await verifyAgainstNothing(password);
    if (!ok || !account) {
      await deps.failures.record(email, request.ip);
      // What was typed may be a password in the wrong field: the audit names only a known account.
      await audit(deps, request, { actor: account ? account.email : 'unknown', role: '-', action: 'sign_in', object: '-', result: 'failed', detail: account?.disabled ? 'account_disabled' : account ? 'bad_credentials' : 'unknown_account' });
      return renderSignIn(request, reply, 401, 'Het e-mailadres of het wachtwoord klopt niet.', email);
    }
    if (deps.config.CONSOLE_MFA === 'off') return startSignedIn(deps, request, reply, { email: account.email, role: account.role, auth: 'local' });
    if (!account.totpSecret) {
      await audit(deps, request, { actor: email, role: account.role, action: 'sign_in', object: '-', result: 'refused', detail: 'mfa_not_enrolled' });
      return renderSignIn(request, reply, 403, 'Voor dit account is nog geen tweede factor ingesteld. Vraag de functioneel beheerder om het account opnieuw aan te maken.', email);
    }
    if (request.session) await deps.sessions.destroy(request.session.id);
    const pending = await deps.sessions.create({ stage: 'mfa', email: account.email, role: account.role, auth: 'local' });
    setSessionCookie(deps, reply, pending);
    return reply.redirect('/aanmelden/code', 303);
  });

  app.get('/aanmelden/code', async (request, reply) => {
    if (request.session?.stage !== 'mfa') return reply.redirect('/aanmelden', 303);
    return html(reply, 200, totpPage(pageContext(request)));
  });

  app.post('/aanmelden/code', async (request, reply) => {
    const session = request.session;
    if (session?.stage !== 'mfa' || !session.email) return reply.redirect('/aanmelden', 303);
    const email = session.email;
    const decision = await deps.failures.check(email, request.ip);
    if (!decision.allowed) {
      await deps.failures.record(email, request.ip);
      await audit(deps, request, { actor: email, role: '-', action: 'sign_in', object: '-', result: 'refused', detail: decision.reason });
      return html(reply, 429, totpPage(pageContext(request), limitMessage(decision)));
    }
    const code = CodeBody.safeParse(request.body);
    const account = await deps.accounts.get(email);
    const step = code.success && account?.totpSecret && !account.disabled ? verifyTotp(account.totpSecret, code.data.code, deps.clock.now().getTime(), account.totpLastStep) : null;
    if (step === null || !account || !(await deps.accounts.useTotpStep(email, step))) {
      await deps.failures.record(email, request.ip);
      await audit(deps, request, { actor: email, role: '-', action: 'sign_in', object: '-', result: 'failed', detail: 'bad_totp' });
      return html(reply, 401, totpPage(pageContext(request), 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.'));
    }
    return startSignedIn(deps, request, reply, { email: account.email, role: account.role, auth: 'local' });
  });

  app.post('/afmelden', async (request, reply) => {
    const actor = actorOf(request);
    const session = request.session;
    if (session) await deps.sessions.destroy(session.id);
    clearSessionCookie(deps, reply);
    if (actor) await audit(deps, request, { actor: actor.email, role: actor.role, action: 'sign_out', object: '-', result: 'ok', detail: session?.auth ?? '-' });
    request.session = null;
    // The console session is over either way; ending the provider's session is offered as a link (no script, no form to another site).
    const providerLogout = session?.auth === 'oidc' && deps.oidc ? deps.oidc.endSessionUrl(session.idToken, `${baseUrl(deps, request)}/aanmelden`) : null;
    return html(reply, 200, signedOutPage({ actor: null, csrf: '' }, 'signed_out', providerLogout));
  });

  await registerOidcRoutes(app, deps);
}

/** The account's address when one exists; never the text typed into the field. */
async function knownAccountOr(deps: { accounts: { get(email: string): Promise<{ email: string } | null> } }, typed: string): Promise<string> {
  return (await deps.accounts.get(typed))?.email ?? 'unknown';
}

