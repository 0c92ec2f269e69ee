import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { makeEvent } from '../../domain/record-events.ts';
import { ComplaintIdSchema } from '../../domain/reply-types.ts';
import type { ConsoleDeps } from '../context.ts';
import { ACTION_INPUTS, parseActionInput, toLetter, type ActionInput } from '../action-inputs.ts';
import { previewAction } from '../action-preview.ts';
import { previewLetterAction } from '../letter-preview.ts';
import { runAction, type ActionResult } from '../run-action.ts';
import { attachmentDisposition, findAttachment } from '../attachment.ts';
import { filterRows, groupRows, QueueFilterSchema, searchKind } from '../queue-plan.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canAct, canReadComplaint, canUseQueue, COMPLAINT_ACTIONS, isLetterAction, type ComplaintAction } from '../roles.ts';
import { CSRF_FIELD } from '../csrf.ts';
import { queuePage } from '../views/queue.ts';
import { complaintPage } from '../views/complaint.ts';
import { actionFormErrorPage, confirmPage, refusedActionPage } from '../views/confirm.ts';
import { errorPage } from '../views/pages.ts';

/**
 * The work queue, the complaint page and the actions on it. Actions run through the same
 * functions as the CLI (src/app/officer-actions.ts), after a confirmation page that shows what
 * will happen; a refusal shows the action's own message and changes nothing.
 */
const MAX_ROWS = 300;
const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').send(page);
const RefParams = z.object({ ref: z.string().transform((v) => v.toUpperCase()).pipe(ComplaintIdSchema) });
const ActionParams = RefParams.extend({ action: z.enum(COMPLAINT_ACTIONS) });

/** Who can be assigned: active officer and manager accounts, and OFFICER_EMAILS. */
async function assignees(deps: ConsoleDeps): Promise<string[]> {
  const accounts = (await deps.accounts.list()).filter((a) => !a.disabled && a.role !== 'admin').map((a) => a.email);
  return [...new Set([...accounts, ...deps.config.OFFICER_EMAILS])].sort();
}

function formFields(action: ComplaintAction, body: Record<string, unknown>): [string, string][] {
  const names = Object.keys(ACTION_INPUTS[action].shape);
  const out: [string, string][] = [];
  for (const name of names) {
    const value = body[name];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') out.push([name, item]);
  }
  return out;
}

export async function registerComplaintRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  // Search terms can be personal data: they come in a POST body (with the CSRF token), never in
  // a URL that lands in the browser history or a proxy log. Filters alone may be a link (GET).
  const showQueue = async (request: FastifyRequest, reply: FastifyReply, input: Record<string, unknown>) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canUseQueue(actor)) return forbid(deps, request, reply, 'list', '-');
    const filter = QueueFilterSchema.parse(input);
    const today = amsterdamDateOf(deps.clock.now());
    let rows = filterRows(await deps.index.current(), filter, today, actor.email);
    if (actor.role === 'manager') rows = rows.filter((row) => row.assignedTo?.toLowerCase() === actor.email);
    const groups = groupRows(rows, today);
    let budget = MAX_ROWS;
    const shownGroups = groups.map((group) => {
      const take = group.rows.slice(0, Math.max(0, budget));
      budget -= take.length;
      return { ...group, rows: take };
    }).filter((group) => group.rows.length > 0);
    const searching = Boolean(filter.q);
    // The term itself is never logged: only what kind of term it was and how many records matched.
    await audit(deps, request, { action: searching ? 'search' : 'list', object: '-', result: 'ok', detail: `${searching ? `term:${searchKind(filter.q ?? '')},` : ''}results:${rows.length}` });
    return html(reply, 200, queuePage(pageContext(request), { groups: shownGroups, total: rows.length, shown: Math.min(rows.length, MAX_ROWS), filter, today, officers: await assignees(deps), searching }));
  };
  app.get('/complaints', async (request, reply) => {
    const { q: _ignored, ...filters } = (request.query ?? {}) as Record<string, unknown>;
    return showQueue(request, reply, filters);
  });
  app.post('/complaints', async (request, reply) => showQueue(request, reply, (request.body ?? {}) as Record<string, unknown>));

  app.get('/complaints/:ref', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const params = RefParams.safeParse(request.params);
    if (!params.success) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', 'Dit is geen geldig kenmerk. Een kenmerk ziet eruit als KL-2026-00042.'));
    const id = params.data.ref;
    if (!canUseQueue(actor)) return forbid(deps, request, reply, 'view', id);
    const record = await deps.store.get(id);
    if (!record) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', `Er is geen klacht met kenmerk ${id}.`, { href: '/complaints', label: 'Naar de werkvoorraad' }));
    if (!canReadComplaint(actor, record)) return forbid(deps, request, reply, 'view', id);
    await deps.store.appendEvents(id, [makeEvent('viewed', actor.email)]);
    await audit(deps, request, { action: 'view', object: id, result: 'ok', detail: '-' });
    const events = await deps.store.events(id);
    const done = z.enum([...COMPLAINT_ACTIONS, 'letter_repeated', 'register']).safeParse((request.query as Record<string, unknown>)['gedaan']);
    return html(reply, 200, complaintPage({ ...pageContext(request), actor }, { record, events, today: amsterdamDateOf(deps.clock.now()), officers: await assignees(deps), ombudsman: deps.config.OMBUDSMAN_ROUTE, ...(done.success ? { done: done.data } : {}) }));
  });

  app.get('/complaints/:ref/bijlagen/:sha', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const params = RefParams.extend({ sha: z.string().regex(/^[0-9a-f]{64}$/) }).safeParse(request.params);
    if (!params.success) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', 'Deze bijlage bestaat niet.'));
    const { ref: id, sha } = params.data;
    const record = await deps.store.get(id);
    if (!record) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', `Er is geen klacht met kenmerk ${id}.`));
    if (!canUseQueue(actor) || !canReadComplaint(actor, record)) return forbid(deps, request, reply, 'download', id);
    const listed = record.message?.attachments.find((a) => a.sha256 === sha);
    const raw = listed ? await deps.readOriginal(record.source) : null;
    const found = raw ? await findAttachment(raw, sha) : null;
    if (!found) {
      await audit(deps, request, { action: 'download', object: id, result: 'failed', detail: listed ? 'original_gone' : 'not_listed' });
      return html(reply, 404, errorPage(pageContext(request), 'Bijlage niet beschikbaar', 'Het originele bericht met deze bijlage is niet meer in de mailbox te vinden. Vraag de beheerder van de mailbox.', { href: `/complaints/${id}`, label: `Terug naar ${id}` }));
    }
    await audit(deps, request, { action: 'download', object: id, result: 'ok', detail: sha.slice(0, 16) });
    // Always a download of opaque bytes: an attachment that claims to be HTML must not run here.
    return reply.type('application/octet-stream').header('Content-Disposition', attachmentDisposition(found.filename)).send(found.content);
  });

  app.post('/complaints/:ref/acties/:action', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const params = ActionParams.safeParse(request.params);
    if (!params.success) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', 'Deze handeling bestaat niet.'));
    const { ref: id, action } = params.data;
    const record = await deps.store.get(id);
    if (!record) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', `Er is geen klacht met kenmerk ${id}.`));
    if (!canAct(actor, record, action)) return forbid(deps, request, reply, action, id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = parseActionInput(action, body);
    if (!input.ok) return html(reply, 400, actionFormErrorPage(pageContext(request), id, action, input.problems));
    if (body['bevestigd'] !== 'ja') {
      const preview = isLetterAction(action)
        ? await previewLetterAction(deps, record, toLetter(action, input.value as ActionInput<typeof action>))
        : previewAction({ config: deps.config, templates: deps.templates, now: deps.clock.now() }, record, await deps.store.events(id), action, input.value as ActionInput<typeof action>);
      return html(reply, preview.refusal ? 409 : 200, confirmPage(pageContext(request), id, action, preview, formFields(action, body).filter(([name]) => name !== CSRF_FIELD)));
    }
    let result: ActionResult;
    try {
      result = await runAction(deps, actor, id, action, input.value);
    } catch (error) {
      if (!(error instanceof AppError) || !error.permanent) throw error;
      await audit(deps, request, { action, object: id, result: 'refused', detail: error.code });
      return html(reply, 409, refusedActionPage(pageContext(request), id, action, error.message));
    }
    await deps.index.refreshIds([id]);
    const repeated = result.done === 'letter_repeated';
    const detail = result.print ? (repeated ? 'post,repeated' : 'post') : repeated ? 'repeated' : '-';
    await audit(deps, request, { action, object: id, result: 'ok', detail });
    // A letter by post: straight to the letter to print (the print view audits the print itself).
    if (result.print) return reply.redirect(`/complaints/${id}/brieven/${result.print}`, 303);
    return reply.redirect(`/complaints/${id}?gedaan=${result.done}`, 303);
  });
}
