import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleDeps } from './context.ts';
import type { AuditInput } from './audit.ts';
import type { Session } from './sessions.ts';
import type { Actor } from './roles.ts';
import { errorPage } from './views/pages.ts';
import { errorCode } from '../errors.ts';

/**
 * Per-request helpers: the session and actor a hook attached, the cookie, audit entries with
 * the request's origin, and the 403 that is always audited.
 */
declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    /** A cookie came with the request but named no live session: it expired or was ended. */
    sessionGone: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor | null {
  const s = request.session;
  return s && s.stage === 'active' && s.email && s.role ? { email: s.email, role: s.role } : null;
}

export function pageContext(request: FastifyRequest) {
  return { actor: actorOf(request), csrf: request.session?.csrf ?? '' };
}

export function cookieName(deps: Pick<ConsoleDeps, 'config'>): string {
  // __Host- cookies must be Secure, host-only and path=/: no subdomain can set or read them.
  return isSecure(deps) ? '__Host-ko_sessie' : 'ko_sessie';
}

export function isSecure(deps: Pick<ConsoleDeps, 'config'>): boolean {
  return deps.config.CONSOLE_URL?.startsWith('https:') ?? false;
}

export function setSessionCookie(deps: Pick<ConsoleDeps, 'config'>, reply: FastifyReply, session: Session): void {
  reply.setCookie(cookieName(deps), session.id, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(deps) });
}

export function clearSessionCookie(deps: Pick<ConsoleDeps, 'config'>, reply: FastifyReply): void {
  reply.clearCookie(cookieName(deps), { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(deps) });
}

export async function audit(deps: Pick<ConsoleDeps, 'audit' | 'log'>, request: FastifyRequest, entry: Omit<AuditInput, 'origin' | 'actor' | 'role'> & { actor?: string; role?: string }): Promise<void> {
  const actor = actorOf(request);
  try {
    await deps.audit.append({ actor: entry.actor ?? actor?.email ?? 'anoniem', role: entry.role ?? actor?.role ?? '-', origin: request.ip, action: entry.action, object: entry.object, result: entry.result, detail: entry.detail });
  } catch (error) {
    // An unwritable audit log must be noticed; the request itself already happened.
    deps.log.error('console_audit_failed', { code: errorCode(error), action: entry.action });
    throw error;
  }
}

/** A refusal: audited, then a 403 page that says what to do. */
export async function forbid(deps: ConsoleDeps, request: FastifyRequest, reply: FastifyReply, action: string, object: string): Promise<FastifyReply> {
  await audit(deps, request, { action, object, result: 'refused', detail: 'forbidden' });
  return reply
    .code(403)
    .type('text/html; charset=utf-8')
    .send(errorPage(pageContext(request), 'Geen toegang', 'U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag de functioneel beheerder om uw rol te controleren.'));
}

/** The signed-in actor, or a redirect to the sign-in page (null: the reply is sent). */
export function requireActor(request: FastifyRequest, reply: FastifyReply): Actor | null {
  const actor = actorOf(request);
  if (!actor) {
    void reply.redirect(request.sessionGone ? '/aanmelden?verlopen=1' : '/aanmelden', 303);
    return null;
  }
  return actor;
}
