import type { Config } from '../config.ts';
import { amsterdamDateOf, daysBetween, parseCalendarDate, type CalendarDate } from '../domain/calendar-date.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { makeEvent, type RecordEvent } from '../domain/record-events.ts';
import { validateExtension } from '../domain/deadlines.ts';
import { formatLongDate } from '../domain/format-date.ts';
import { complaintLink } from '../domain/console-link.ts';
import type { Language } from '../domain/reply-types.ts';
import { deadlineState } from '../domain/plan-clock.ts';
import { replyVariables } from '../domain/reply-variables.ts';
import { planClosing, type CloseProblem } from '../domain/closing-rules.ts';
import { hearingProblem, type HearingProblem } from '../domain/hearing-rules.ts';
import { triageCorrectionDiff } from '../domain/triage-correction.ts';
import { hearingRecorded } from '../domain/record-events.ts';
import { HEARING_MODE_WORDS, OUTCOME_WORDS, WAIVER_WORDS } from './complaint-words.ts';
import type { Renderer } from '../app/ports.ts';
import { toCorrection, type ActionInput } from './action-inputs.ts';
import type { ComplaintAction, LetterAction } from './roles.ts';
import { flagWord, kindWord, statusWord } from './words.ts';

/**
 * What an action will do, said before it is done: the confirmation page. Built from the same
 * rules the action uses (deadline arithmetic, the extension check, the reply variables and
 * templates the notice is sent with), so the preview is what the complainant will receive.
 */
export interface PreviewMail {
  title: string;
  to: string;
  subject: string;
  text: string;
}

export interface ActionPreview {
  lines: string[];
  mails: PreviewMail[];
  /** What the confirm button says when it differs from the action's usual label (a letter printed instead of sent). */
  confirmLabel?: string;
  /** Set when the action would be refused; the confirm button is not offered. */
  refusal: string | null;
}

export interface PreviewDeps {
  config: Config;
  templates: Renderer;
  now: Date;
}

const nl = (date: string) => formatLongDate(date, 'nl');

function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'leeg';
  if (key === 'kind') return kindWord(String(value));
  if (key === 'urgent') return value ? 'ja' : 'nee';
  if (key === 'flags' && Array.isArray(value)) return value.length ? value.map(String).map(flagWord).join(', ') : 'geen';
  if (key === 'address' && typeof value === 'object') return Object.values(value).filter(Boolean).join(' ');
  return String(value);
}

const FIELD_WORDS: Record<string, string> = { kind: 'soort', urgent: 'spoed', flags: 'signalen', name: 'naam', address: 'adres', phone: 'telefoon' };

const CLOSE_REFUSALS: Record<CloseProblem, string> = {
  already_closed: 'Deze klacht is al afgesloten.',
  outcome_required: 'Kies een uitkomst. Een klacht die behandeld wordt, sluit u af met een uitkomst (Awb 9:12).',
  outcome_letter_missing:
    'Er is nog geen afhandelingsbrief verstuurd of afgedrukt. Schrijf eerst de afhandelingsbrief (Schrijven aan de indiener), of vul in waarom er geen brief komt, bijvoorbeeld: telefonisch naar tevredenheid opgelost, of ingetrokken.',
};

function hearingRefusal(problem: HearingProblem, record: ComplaintRecord, date: string | null): string {
  switch (problem) {
    case 'not_a_complaint': return `Dit is geen klacht die behandeld wordt (status ${statusWord(record.status)}); er is geen horen vast te leggen.`;
    case 'hearing_in_future': return `De datum ${nl(date ?? '')} ligt na vandaag. Leg het horen vast als het gesprek geweest is.`;
    case 'hearing_before_receipt': return `De datum ${nl(date ?? '')} ligt vóór de ontvangst van de klacht (${nl(record.receivedDate)}).`;
  }
}

function hearingLines(events: RecordEvent[], note: string | undefined): string[] {
  return [
    ...(note ? [`Met de interne notitie (wordt nooit verstuurd): ${note}`] : []),
    ...(hearingRecorded(events) ? ['Er is al eerder iets over het horen vastgelegd; dit komt erbij, het eerdere blijft in de geschiedenis.'] : []),
    'De indiener krijgt hierover geen bericht.',
  ];
}

/** Every action but the letters, whose preview renders the letter itself (letter-preview.ts). */
export function previewAction<A extends Exclude<ComplaintAction, LetterAction>>(deps: PreviewDeps, record: ComplaintRecord, events: RecordEvent[], action: A, input: ActionInput<A>): ActionPreview {
  const today: CalendarDate = amsterdamDateOf(deps.now);
  const lang: Language = record.triage?.language ?? 'nl';
  const complainant = record.message?.replyTo?.address ?? record.message?.from?.address ?? record.contact.email ?? 'de indiener';
  const refuse = (why: string): ActionPreview => ({ lines: [], mails: [], refusal: why });
  switch (action) {
    case 'extend': {
      const { weeks, reason } = input as ActionInput<'extend'>;
      if (!record.deadline || !['open', 'awaiting_details'].includes(record.status)) return refuse(`Deze klacht heeft geen lopende termijn (status ${statusWord(record.status)}).`);
      const check = validateExtension({ currentDeadline: parseCalendarDate(record.deadline.deadline), alreadyExtended: record.deadline.extensionWeeks > 0, weeks, today });
      if (!check.ok) return refuse(`Verlengen kan niet: ${check.message}`);
      const next = deadlineState(deps.config, record.deadline.received, record.deadline.route, check.weeks);
      const after = { ...record, deadline: next };
      const extended = makeEvent('extended', 'preview', { weeks: check.weeks, reason, from: record.deadline.deadline, to: next.deadline });
      const notice = deps.templates.render('extension_notice', lang, replyVariables(deps.config, after, [...events, extended], 'extension_notice', lang));
      const officers = deps.templates.render('deadline_reminder', 'nl', {
        reference: record.id,
        kind: 'extended',
        deadline: nl(next.deadline),
        daysLeft: Math.max(0, daysBetween(today, parseCalendarDate(next.deadline))),
        viewCommand: complaintLink(deps.config.CONSOLE_URL, record.id) ?? `npm run cli -- complaints show ${record.id}`,
      });
      return {
        lines: [
          `De uiterste datum gaat van ${nl(record.deadline.deadline)} naar ${nl(next.deadline)} (${check.weeks} ${check.weeks === 1 ? 'week' : 'weken'} erbij). Verlengen kan maar één keer.`,
          'De indiener krijgt het bericht hieronder. Let op: de reden die u schreef gaat letterlijk naar de indiener.',
          'De klachtenfunctionarissen krijgen ook bericht, zodat zij de betrokken medewerker inlichten (Awb 9:11).',
        ],
        mails: [
          { title: 'Bericht aan de indiener', to: complainant, subject: notice.subject, text: notice.text },
          { title: 'Bericht aan de klachtenfunctionarissen', to: 'klachtenfunctionarissen', subject: officers.subject, text: officers.text },
        ],
        refusal: null,
      };
    }
    case 'committee': {
      if (!['open', 'awaiting_details'].includes(record.status)) return refuse(`Alleen een lopende klacht kan naar de commissie (status ${statusWord(record.status)}).`);
      if (record.deadline?.route === 'committee') return refuse('Deze klacht loopt al via de klachtencommissie.');
      const next = deadlineState(deps.config, record.receivedDate, 'committee', record.deadline?.extensionWeeks ?? 0);
      return { lines: [`De klacht gaat via de klachtencommissie. De termijn wordt 10 weken: uiterste datum ${nl(next.deadline)}${record.deadline ? ` (was ${nl(record.deadline.deadline)})` : ''}.`, 'De herinneringen worden opnieuw gepland. De indiener krijgt geen automatisch bericht.'], mails: [], refusal: null };
    }
    case 'close': {
      const close = input as ActionInput<'close'>;
      const plan = planClosing(record, events, close);
      if (plan.problem) return refuse(CLOSE_REFUSALS[plan.problem]);
      const letter = plan.letterJobId
        ? 'De afhandelingsbrief is verstuurd of staat klaar om te versturen; het afsluiten verwijst ernaar.'
        : plan.letterPrintedKey
          ? 'De afhandelingsbrief is afgedrukt om per post te versturen; het afsluiten verwijst ernaar.'
          : plan.noLetterReason
            ? `Geen afhandelingsbrief, want: "${plan.noLetterReason}".`
            : 'Dit bericht is geen klacht die behandeld wordt; er hoort geen afhandelingsbrief bij.';
      return { lines: [`De status wordt "afgesloten" (nu: ${statusWord(record.status)}). Uitkomst: ${close.outcome ? OUTCOME_WORDS[close.outcome] : 'geen (geen klacht)'}.`, letter], mails: [], refusal: null };
    }
    case 'heard': {
      const { date, how, note } = input as ActionInput<'heard'>;
      const problem = hearingProblem(record, date, today);
      if (problem) return refuse(hearingRefusal(problem, record, date));
      return { lines: [`Vastgelegd wordt: de indiener is op ${nl(date)} ${HEARING_MODE_WORDS[how]} gehoord (Awb 9:10).`, ...hearingLines(events, note)], mails: [], refusal: null };
    }
    case 'hearing_waived': {
      const { ground, note } = input as ActionInput<'hearing_waived'>;
      const problem = hearingProblem(record, null, today);
      if (problem) return refuse(hearingRefusal(problem, record, null));
      return { lines: [`Vastgelegd wordt: er is afgezien van horen, omdat ${WAIVER_WORDS[ground]} (Awb 9:10).`, ...hearingLines(events, note)], mails: [], refusal: null };
    }
    case 'not_handled': {
      if (['closed', 'not_handled', 'ignored', 'quarantined'].includes(record.status)) return refuse(`Dat kan niet bij status ${statusWord(record.status)}.`);
      const reason = (input as ActionInput<'not_handled'>).reason;
      const history = [...events, makeEvent('not_handled', 'preview', { reason, previousStatus: record.status })];
      const notice = deps.templates.render('not_handled_notice', lang, replyVariables(deps.config, { ...record, status: 'not_handled' }, history, 'not_handled_notice', lang));
      return {
        lines: ['De klacht wordt niet in behandeling genomen (Awb 9:8); de termijn stopt.', 'De indiener krijgt het bericht hieronder, met de reden die u schreef.'],
        mails: [{ title: 'Bericht aan de indiener', to: complainant, subject: notice.subject, text: notice.text }],
        refusal: null,
      };
    }
    case 'reopen': {
      if (record.status !== 'closed' && record.status !== 'not_handled') return refuse(`Alleen een afgesloten klacht kan heropend worden (status ${statusWord(record.status)}).`);
      const deadline = record.deadline ?? deadlineState(deps.config, record.receivedDate, 'standard', 0);
      return { lines: [`De status wordt weer "in behandeling"; de uiterste datum is ${nl(deadline.deadline)}.`, 'De herinneringen worden opnieuw gepland.'], mails: [], refusal: null };
    }
    case 'assign': {
      const to = (input as ActionInput<'assign'>).to;
      if (record.assignedTo === to) return refuse('De klacht is al aan deze medewerker toegewezen.');
      return { lines: [`De klacht wordt toegewezen aan ${to}${record.assignedTo ? ` (nu: ${record.assignedTo})` : ''}. Herinneringen gaan voortaan naar deze medewerker.`], mails: [], refusal: null };
    }
    case 'note':
      return { lines: ['Deze notitie komt in de geschiedenis van de klacht. Ze wordt nooit naar de indiener gestuurd:', (input as ActionInput<'note'>).note], mails: [], refusal: null };
    case 'correct_triage': {
      if (!record.triage) return refuse('Dit bericht is nooit beoordeeld; er is niets te corrigeren.');
      const { before, after } = triageCorrectionDiff(record, toCorrection(input as ActionInput<'correct_triage'>));
      const keys = Object.keys(after);
      if (keys.length === 0) return refuse('Er verandert niets: alle velden hebben al deze waarde.');
      return {
        lines: [...keys.map((key) => `${FIELD_WORDS[key] ?? key}: ${describeValue(key, before[key])} wordt ${describeValue(key, after[key])}`), 'De correctie wordt met de oude en nieuwe waarden vastgelegd. Status en termijn veranderen hierdoor niet.'],
        mails: [],
        refusal: null,
      };
    }
    default:
      return refuse('Onbekende handeling.');
  }
}
