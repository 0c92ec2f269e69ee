import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { amsterdamDateOf, type CalendarDate } from '../../domain/calendar-date.ts';
import { registerCsv } from '../../domain/register-report.ts';
import { loadRegisterReport } from '../../app/annual-register.ts';
import type { ConsoleDeps } from '../context.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canReadRegister } from '../roles.ts';
import { annualRegisterPage } from '../views/annual-register.ts';
import { errorPage } from '../views/pages.ts';

/**
 * The Awb 9:12a register for a year (app/annual-register.ts, counted by domain/register-report.ts):
 * a page with charts and tables, and the same figures as CSV. Counts only, no personal data;
 * still for officers only, and every look and download is audited.
 */
const FIRST_YEAR = 2000;
const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').send(page);

export async function registerAnnualRegisterRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  /** The year asked for (this year when none), or null after a 400 page has been sent. */
  const yearOf = async (request: FastifyRequest, reply: FastifyReply, action: string): Promise<{ year: number; today: CalendarDate } | null> => {
    const today = amsterdamDateOf(deps.clock.now());
    const thisYear = Number(today.slice(0, 4));
    const raw = (request.query as Record<string, unknown>)['jaar'];
    const parsed = z.coerce.number().int().min(FIRST_YEAR).max(thisYear).safeParse(raw === undefined || raw === '' ? thisYear : raw);
    if (parsed.success) return { year: parsed.data, today };
    await audit(deps, request, { action, object: '-', result: 'failed', detail: 'bad_year' });
    await html(reply, 400, errorPage(pageContext(request), 'Onbekend jaar', `Kies een jaar van ${FIRST_YEAR} tot en met ${thisYear}.`, { href: '/klachtenregister', label: 'Naar het klachtenregister van dit jaar' }));
    return null;
  };

  app.get('/klachtenregister', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canReadRegister(actor)) return forbid(deps, request, reply, 'register_report', '-');
    const asked = await yearOf(request, reply, 'register_report');
    if (!asked) return reply;
    const report = await loadRegisterReport(deps, asked);
    await audit(deps, request, { action: 'register_report', object: '-', result: 'ok', detail: `year:${asked.year}` });
    const thisYear = Number(asked.today.slice(0, 4));
    const years = Array.from({ length: Math.min(10, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
    if (!years.includes(asked.year)) years.push(asked.year);
    return html(reply, 200, annualRegisterPage(pageContext(request), { report, years }));
  });

  app.get('/klachtenregister.csv', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canReadRegister(actor)) return forbid(deps, request, reply, 'export', '-');
    const asked = await yearOf(request, reply, 'export');
    if (!asked) return reply;
    const report = await loadRegisterReport(deps, asked);
    await audit(deps, request, { action: 'export', object: '-', result: 'ok', detail: `register:${asked.year}` });
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="klachtenregister-${asked.year}.csv"`).send(registerCsv(report));
  });
}
