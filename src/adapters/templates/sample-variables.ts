import { formatLongDate, formatLongDateTime } from '../../domain/format-date.ts';
import type { Language } from '../../domain/reply-types.ts';
import type { DeadlineKind, DigestItem, PostableType, TemplateVariables } from '../../domain/template-variables.ts';

/**
 * Fictional variables of every template type in both languages: every template is rendered with
 * them at start-up (load-templates.ts), by `templates preview` and by the snapshot tests. Made
 * up, and valid under the types' schemas (rendering checks that).
 */
const VERTROUWENSPERSOON = { phone: '088-5551000', email: 'info@jeugdstem.nl' };
/** By e-mail; `byPostSample` turns it into the printed letter. The phone number is fictional. */
const BY_MAIL = { byPost: false, klachtenfunctionaris: { postalAddress: 'Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden', phone: '071-123 45 67' } };

function samplesFor(lang: Language): TemplateVariables {
  const date = (iso: string) => formatLongDate(iso, lang);
  const digestItem = (
    reference: string,
    messageKind: DigestItem['messageKind'],
    status: DigestItem['status'],
    kind: DeadlineKind | null,
    deadline: string | null,
    daysLeft: number | null,
    flags: string[],
  ): DigestItem => ({ reference, messageKind, status, kind, deadline: deadline === null ? null : date(deadline), daysLeft, flags, receivedDate: null, assignedTo: null, link: null });
  const nl = lang === 'nl';
  return {
    acknowledgement: {
      reference: 'KL-2026-00042',
      receivedDate: date('2026-11-19'),
      deadline: date('2026-12-31'),
      missing: { name: false, address: true },
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    request_details: {
      reference: 'KL-2026-00042',
      receivedDate: date('2026-11-19'),
      deadline: date('2026-12-31'),
      missing: { name: true, address: true, incidentDate: true, description: false },
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    anonymous_registered: {
      reference: 'KL-2026-00043',
      receivedDate: date('2026-11-19'),
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    compliment_thanks: { reference: 'KL-2026-00044', complimentsEmail: 'info@veiligthuishm.nl' },
    idea_thanks: { reference: 'KL-2026-00045', complimentsEmail: 'info@veiligthuishm.nl' },
    question_received: { reference: 'KL-2026-00046' },
    report_received: { reference: 'KL-2026-00049' },
    message_received: { reference: 'KL-2026-00050' },
    urgent_redirect: {
      reference: 'KL-2026-00047',
      isComplaint: true,
      receivedDate: date('2026-11-19'),
      deadline: date('2026-12-31'),
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    followup_received: {
      reference: 'KL-2026-00042',
      receivedDate: date('2026-11-24'),
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    extension_notice: {
      reference: 'KL-2026-00042',
      newDeadline: date('2027-01-28'),
      weeks: 4,
      reason: nl
        ? 'De medewerker over wie uw klacht gaat, is een paar weken afwezig. Wij willen ook met deze medewerker praten.'
        : 'The employee your complaint is about is away for a few weeks. We also want to talk to this employee.',
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    not_handled_notice: {
      reference: 'KL-2026-00048',
      receivedDate: date('2026-11-19'),
      reason: nl
        ? 'Uw klacht gaat over een gesprek in maart 2025. Dat is meer dan een jaar voordat wij uw klacht ontvingen.'
        : 'Your complaint is about a conversation in March 2025. That is more than a year before we received your complaint.',
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    outcome: {
      reference: 'KL-2026-00042',
      receivedDate: date('2026-11-19'),
      outcome: 'partly_founded',
      reasons: nl
        ? 'U schreef dat de medewerker u niet liet uitpraten. Dat klopt: de medewerker heeft dat ook gezegd. Dat had niet zo mogen gaan. U schreef ook dat het verslag fouten bevat. Wij hebben het verslag nagekeken en zien daarin geen fouten.'
        : 'You wrote that the employee did not let you finish. That is right: the employee said so too. That should not have happened. You also wrote that the report contains mistakes. We checked the report and found no mistakes in it.',
      committeeDone: false,
      ombudsman: { applies: true, name: 'Nationale ombudsman', website: 'www.nationaleombudsman.nl', phone: '0800-33 55 555' },
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    hearing_invitation: {
      reference: 'KL-2026-00042',
      when: formatLongDateTime(new Date('2026-12-08T13:30:00Z'), lang),
      how: 'in_person',
      place: 'Hecht, Voorbeeldstraat 1, Leiden',
      attendees: nl ? 'de klachtenfunctionaris en de teamleider van de medewerker' : 'the complaints officer and the employee’s team leader',
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    blank_letter: {
      reference: 'KL-2026-00042',
      paragraphs: nl
        ? ['U vroeg ons om het verslag van het gesprek op 3 november. Het verslag zit niet bij deze e-mail. Wij sturen het u per post.', 'Wilt u het verslag liever ophalen? Dat kan op werkdagen tussen 9 en 17 uur.']
        : ['You asked us for the report of the conversation on 3 November. The report is not attached to this email. We will send it to you by post.', 'Would you rather collect the report? You can do so on working days between 9 am and 5 pm.'],
      ...BY_MAIL,
      vertrouwenspersoon: VERTROUWENSPERSOON,
    },
    officer_alert: {
      reference: 'KL-2026-00047',
      receivedAt: formatLongDateTime(new Date('2026-11-19T13:05:00Z'), lang),
      urgent: true,
      reasons: ['urgent_safety', 'missing_address'],
      viewCommand: 'npm run cli -- complaints show KL-2026-00047',
    },
    deadline_reminder: {
      reference: 'KL-2026-00042',
      kind: 'handling',
      deadline: date('2026-12-31'),
      daysLeft: 7,
      viewCommand: 'npm run cli -- complaints show KL-2026-00042',
    },
    digest: {
      date: date('2026-12-24'),
      counts: { open: 14, needsReview: 1, urgent: 1, overdue: 1, dueSoon: 2, noHearing: 1, received: 4, awaitingDetails: 2, anonymous: 1, replyFailed: 1, followups: 1, spam: 1 },
      needsReview: [digestItem('KL-2026-00055', 'complaint', 'awaiting_details', 'handling', '2027-02-03', 41, ['needs_review'])],
      urgent: [digestItem('KL-2026-00053', 'report', 'open', 'handling', '2027-02-03', 41, ['urgent_safety'])],
      overdue: [digestItem('KL-2026-00031', 'complaint', 'open', 'not_handled_notice', '2026-12-22', -2, ['incident_over_one_year'])],
      dueSoon: [
        digestItem('KL-2026-00038', 'complaint', 'open', 'extended', '2026-12-28', 4, []),
        digestItem('KL-2026-00042', 'complaint', 'awaiting_details', 'handling', '2026-12-31', 7, ['missing_address']),
      ],
      noHearing: [digestItem('KL-2026-00038', 'complaint', 'open', 'extended', '2026-12-28', 4, [])],
      received: [
        digestItem('KL-2026-00051', 'complaint', 'awaiting_details', 'handling', '2027-02-03', 41, ['missing_name', 'missing_address']),
        digestItem('KL-2026-00053', 'report', 'open', 'handling', '2027-02-03', 41, ['urgent_safety']),
        digestItem('KL-2026-00052', 'complaint', 'registered', null, null, null, ['anonymous']),
        digestItem('KL-2026-00054', 'compliment', 'routed', null, null, null, []),
      ],
      awaitingDetails: [
        { ...digestItem('KL-2026-00042', 'complaint', 'awaiting_details', 'handling', '2026-12-31', 7, ['missing_address']), detailsAsked: true, daysSinceAsked: 35 },
        { ...digestItem('KL-2026-00051', 'complaint', 'awaiting_details', 'handling', '2027-02-03', 41, ['missing_name', 'missing_address']), detailsAsked: true, daysSinceAsked: 1 },
      ],
      anonymous: [digestItem('KL-2026-00052', 'complaint', 'registered', null, null, null, ['anonymous'])],
      replyFailed: [{ ...digestItem('KL-2026-00049', 'complaint', 'open', 'handling', '2027-02-02', 40, []), failedReplies: ['acknowledgement'] }],
      followups: [{ ...digestItem('KL-2026-00038', 'complaint', 'open', 'extended', '2026-12-28', 4, []), followups: 2 }],
      spam: [digestItem('KL-2026-00056', 'spam', 'ignored', null, null, null, [])],
      listCommand: 'npm run cli -- complaints list',
    },
  };
}

/** Fictional variables per type and language, for previews, start-up checks and tests. */
export const SAMPLE_VARIABLES: Readonly<Record<Language, TemplateVariables>> = {
  nl: samplesFor('nl'),
  en: samplesFor('en'),
};

/** The sample of a type that can go on paper, as the printed letter: for previews, the start-up check and snapshots. */
export function byPostSample<T extends PostableType>(type: T, lang: Language): TemplateVariables[T] {
  return { ...SAMPLE_VARIABLES[lang][type], byPost: true };
}
