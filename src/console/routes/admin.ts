import type { FastifyInstance } from 'fastify';
import type { ConsoleDeps } from '../context.ts';
import { AuditFilterSchema, auditCsv } from '../audit.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canAdminister } from '../roles.ts';
import { accountsPage, auditPage } from '../views/admin.ts';

/** The functioneel beheerder's pages: the audit log (and its CSV export) and the accounts. */
const PAGE_LIMIT = 500;
const EXPORT_LIMIT = 1_000_000;

export async function registerAdminRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  app.get('/audit', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canAdminister(actor)) return forbid(deps, request, reply, 'audit_read', '-');
    const parsed = AuditFilterSchema.safeParse(Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '')));
    const filter = parsed.success ? parsed.data : {};
    const entries = await deps.audit.read(filter, PAGE_LIMIT);
    await audit(deps, request, { action: 'audit_read', object: '-', result: 'ok', detail: `results:${entries.length}` });
    return reply.type('text/html; charset=utf-8').send(auditPage(pageContext(request), filter, entries, PAGE_LIMIT));
  });

  app.get('/audit.csv', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canAdminister(actor)) return forbid(deps, request, reply, 'audit_export', '-');
    const parsed = AuditFilterSchema.safeParse(Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '')));
    const filter = parsed.success ? parsed.data : {};
    const entries = await deps.audit.read(filter, EXPORT_LIMIT);
    await audit(deps, request, { action: 'audit_export', object: '-', result: 'ok', detail: `results:${entries.length}` });
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="auditlog.csv"').send(auditCsv(entries));
  });

  app.get('/beheer/accounts', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canAdminister(actor)) return forbid(deps, request, reply, 'accounts_read', '-');
    await audit(deps, request, { action: 'accounts_read', object: '-', result: 'ok', detail: '-' });
    return reply.type('text/html; charset=utf-8').send(accountsPage(pageContext(request), await deps.accounts.list()));
  });
}
