import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { ComplaintIdSchema } from '../../domain/reply-types.ts';
import { isAnonymised } from '../../domain/retention.ts';
import { acknowledgementType } from '../../app/register-complaint.ts';
import { replyVariables } from '../../domain/reply-variables.ts';
import type { ConsoleDeps } from '../context.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canAct } from '../roles.ts';
import { errorPage } from '../views/pages.ts';
import { printLetterPage, templateBody } from '../views/print-letter.ts';

/**
 * The acknowledgement of a complaint registered by an officer (Awb 9:6) as a letter to print:
 * the same template, variables and language the e-mail acknowledgement would have. For
 * complaints without an e-mail address; printing is audited (NEN 7513 names it).
 */
const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').send(page);
const RefParams = z.object({ ref: z.string().transform((v) => v.toUpperCase()).pipe(ComplaintIdSchema) });

export async function registerPrintRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  app.get('/complaints/:ref/ontvangstbevestiging', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const params = RefParams.safeParse(request.params);
    if (!params.success) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', 'Dit is geen geldig kenmerk. Een kenmerk ziet eruit als KL-2026-00042.'));
    const id = params.data.ref;
    const record = await deps.store.get(id);
    if (!record) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', `Er is geen klacht met kenmerk ${id}.`));
    if (!canAct(actor, record, 'write_letter')) return forbid(deps, request, reply, 'print', id);
    const events = await deps.store.events(id);
    const back = { href: `/complaints/${id}`, label: `Terug naar ${id}` };
    if (record.source.kind !== 'officer' || record.triage?.kind !== 'complaint' || isAnonymised(events)) {
      await audit(deps, request, { action: 'print', object: id, result: 'refused', detail: 'no_printed_acknowledgement' });
      return html(reply, 404, errorPage(pageContext(request), 'Geen ontvangstbevestiging om af te drukken', 'Alleen een klacht die per brief, telefoon of bezoek is geregistreerd, heeft een ontvangstbevestiging om af te drukken. Een klacht per e-mail kreeg die per e-mail.', back));
    }
    const type = acknowledgementType(record.triage.flags);
    const lang = record.triage.language;
    const mail = deps.templates.render(type, lang, replyVariables(deps.config, record, events, type, lang));
    await audit(deps, request, { action: 'print', object: id, result: 'ok', detail: type });
    return html(reply, 200, printLetterPage(pageContext(request), { record, title: `Ontvangstbevestiging ${id}`, lang, today: amsterdamDateOf(deps.clock.now()), body: templateBody(mail.html) }));
  });
}
