import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { ComplaintIdSchema } from '../../domain/reply-types.ts';
import { isAnonymised } from '../../domain/retention.ts';
import { acknowledgementType } from '../../domain/registration-plan.ts';
import { replyVariables } from '../../domain/reply-variables.ts';
import { printedLetter } from '../../app/write-letter.ts';
import { LETTER_WORDS } from '../complaint-words.ts';
import type { ConsoleDeps } from '../context.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canAct } from '../roles.ts';
import { errorPage } from '../views/pages.ts';
import { printLetterPage, templateBody } from '../views/print-letter.ts';

/**
 * Letters to print and post, for complainants without an e-mail address; every print is
 * audited (NEN 7513 names it). The acknowledgement of a complaint registered by an officer
 * (Awb 9:6): the same template, variables and language the e-mail acknowledgement would have,
 * as the printed letter (`byPost`). And the letters an officer wrote and printed (outcome,
 * hearing invitation, blank letter), again from the complaint page.
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
    const mail = deps.templates.render(type, lang, replyVariables(deps.config, record, events, type, lang, { byPost: true }));
    await audit(deps, request, { action: 'print', object: id, result: 'ok', detail: type });
    const notice = 'De tekst van de ontvangstbevestiging, in de versie voor op papier: met hoe de indiener ons per post of telefoon bereikt.';
    return html(reply, 200, printLetterPage(pageContext(request), { record, title: `Ontvangstbevestiging ${id}`, lang, today: amsterdamDateOf(deps.clock.now()), body: templateBody(mail.html), notice }));
  });

  // A letter an officer wrote to a complainant without an e-mail address, recorded as printed
  // for posting (app/write-letter.ts printLetter): shown to print, now or again later.
  app.get('/complaints/:ref/brieven/:key', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const params = RefParams.extend({ key: z.string().regex(/^[0-9a-f]{12}(-\d+)?$/) }).safeParse(request.params);
    if (!params.success) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', 'Deze brief bestaat niet.'));
    const { ref: id, key } = params.data;
    const record = await deps.store.get(id);
    if (!record) return html(reply, 404, errorPage(pageContext(request), 'Niet gevonden', `Er is geen klacht met kenmerk ${id}.`));
    if (!canAct(actor, record, 'write_letter')) return forbid(deps, request, reply, 'print', id);
    const events = await deps.store.events(id);
    const printed = printedLetter(deps, record, events, key);
    if (!printed) {
      await audit(deps, request, { action: 'print', object: id, result: 'refused', detail: 'no_printed_letter' });
      return html(reply, 404, errorPage(pageContext(request), 'Geen brief om af te drukken', 'Bij deze klacht is geen brief met dit kenmerk afgedrukt, of de tekst is na de bewaartermijn verwijderd.', { href: `/complaints/${id}`, label: `Terug naar ${id}` }));
    }
    await audit(deps, request, { action: 'print', object: id, result: 'ok', detail: printed.letter });
    const word = LETTER_WORDS[printed.letter];
    const notice = `In de geschiedenis staat: ${word} afgedrukt om per post te versturen. Verstuur hem per post naar het adres hieronder.`;
    return html(reply, 200, printLetterPage(pageContext(request), { record, title: `${word.charAt(0).toUpperCase()}${word.slice(1)} ${id}`, lang: printed.lang, today: amsterdamDateOf(deps.clock.now()), body: templateBody(printed.mail.html), notice }));
  });
}
