import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors.ts';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { formatLongDate } from '../../domain/format-date.ts';
import { registerComplaint } from '../../app/register-complaint.ts';
import { planRegistration, RegisterComplaintSchema, type RegisterComplaint } from '../../domain/registration-plan.ts';
import type { ConsoleDeps } from '../context.ts';
import { CHANNEL_PHRASES } from '../complaint-words.ts';
import { parseRegistration, registrationValues, type RegistrationProblems } from '../registration-input.ts';
import { audit, forbid, pageContext, requireActor } from '../request-context.ts';
import { canRegisterComplaint } from '../roles.ts';
import { registrationConfirmPage, registrationForm } from '../views/registration.ts';

/**
 * Registering a complaint that came by letter, phone or visit (app/register-complaint.ts): the
 * form, a confirmation that says what will happen (the clock from the date of receipt, the
 * acknowledgement by e-mail or on paper), then the new complaint's page. Registering the same
 * details twice (a double click) gives one record: the use case keys it on its content.
 */
const html = (reply: FastifyReply, status: number, page: string) => reply.code(status).type('text/html; charset=utf-8').send(page);
const nl = (date: string) => formatLongDate(date, 'nl');
const ACK_WORDS: Record<string, string> = { acknowledgement: 'De ontvangstbevestiging', request_details: 'De ontvangstbevestiging, met de vraag om naam en adres (Awb 9:4),', anonymous_registered: 'De bevestiging van de anonieme registratie' };
/** Refusals of the use case that a person can fix in the form. */
const REFUSALS: Record<string, string> = { received_in_future: 'De datum van ontvangst ligt na vandaag. Vul de dag in waarop de klacht binnenkwam.' };

function preview(deps: ConsoleDeps, input: RegisterComplaint, actor: string) {
  const { record, acknowledgement } = planRegistration(deps.config, input, actor, deps.clock.now());
  const lines = [`Er wordt een klacht geregistreerd die ${CHANNEL_PHRASES[input.channel]} binnenkwam op ${nl(input.receivedDate)}. Ze krijgt een nieuw kenmerk.`];
  if (input.anonymous) lines.push('Anoniem: de klacht wordt geregistreerd en telt mee in het klachtenregister, maar wordt niet behandeld (Awb 9:4). Er loopt geen termijn.');
  else if (record.deadline) lines.push(`De termijn loopt vanaf de datum van ontvangst: uiterste datum ${nl(record.deadline.deadline)} (Awb 9:11). Herinneringen worden gepland.`);
  if (record.status === 'awaiting_details') lines.push('Naam of volledig adres ontbreekt. Die zijn nodig om de klacht te behandelen (Awb 9:4); de termijn loopt al.');
  lines.push(acknowledgement && input.email
    ? `${ACK_WORDS[acknowledgement] ?? 'Het antwoord'} gaat per e-mail naar ${input.email}.`
    : 'Er is geen e-mailadres. Na het registreren kunt u de ontvangstbevestiging afdrukken en per post sturen of meegeven.');
  const address = input.address ? [input.address.street, input.address.houseNumber, input.address.postcode, input.address.city].filter(Boolean).join(' ') : '';
  const facts: [string, string][] = [
    ['Naam', input.name ?? 'niet opgegeven'],
    ['E-mailadres', input.email ?? 'geen'],
    ['Telefoon', input.phone ?? 'niet opgegeven'],
    ['Adres', address || 'niet opgegeven'],
    ['Betrokken medewerkers', input.employees.length ? input.employees.join(', ') : 'niet opgegeven'],
    ['Taal van de brieven', input.language === 'en' ? 'Engels' : 'Nederlands'],
  ];
  return { lines, facts };
}

export async function registerRegistrationRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const today = () => amsterdamDateOf(deps.clock.now());
  const form = (request: Parameters<typeof pageContext>[0], reply: FastifyReply, status: number, body: Record<string, unknown>, problems: RegistrationProblems) =>
    html(reply, status, registrationForm(pageContext(request), { values: registrationValues(body), problems, today: today() }));

  app.get('/complaints/registreren', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canRegisterComplaint(actor)) return forbid(deps, request, reply, 'register_form', '-');
    await audit(deps, request, { action: 'register_form', object: '-', result: 'ok', detail: '-' });
    return form(request, reply, 200, { receivedDate: today() }, []);
  });

  app.post('/complaints/registreren', async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!canRegisterComplaint(actor)) return forbid(deps, request, reply, 'register', '-');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body['bewerken'] === 'ja') return form(request, reply, 200, body, []);
    const parsed = parseRegistration(body, today());
    if (!parsed.ok) return form(request, reply, 400, body, parsed.problems);
    if (body['bevestigd'] !== 'ja') {
      const { lines, facts } = preview(deps, RegisterComplaintSchema.parse(parsed.value), actor.email);
      return html(reply, 200, registrationConfirmPage(pageContext(request), { lines, facts, description: parsed.value.description, values: registrationValues(body) }));
    }
    let result: Awaited<ReturnType<typeof registerComplaint>>;
    try {
      result = await registerComplaint(deps, { ...parsed.value, actor: actor.email });
    } catch (error) {
      if (!(error instanceof AppError) || !error.permanent) throw error;
      await audit(deps, request, { action: 'register', object: '-', result: 'refused', detail: error.code });
      return form(request, reply, 409, body, [{ field: null, message: REFUSALS[error.code] ?? `De klacht kon niet worden geregistreerd (${error.code}). Controleer het formulier.` }]);
    }
    const id = result.record.id;
    await deps.index.refreshIds([id]);
    await audit(deps, request, { action: 'register', object: id, result: 'ok', detail: `channel:${parsed.value.channel},${result.created ? 'created' : 'repeated'}` });
    return reply.redirect(`/complaints/${id}?gedaan=register`, 303);
  });
}
