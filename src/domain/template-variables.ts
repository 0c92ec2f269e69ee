import { z } from 'zod';
import { longDateLanguage } from './format-date.ts';
import { RecordStatusSchema } from './complaint-record.ts';
import { MachineCodeSchema } from './machine-code.ts';
import { ComplaintIdSchema, ComplainantMailTypeSchema } from './reply-types.ts';
import { HearingModeSchema, OutcomeCategorySchema } from './complaint-handling.ts';
import { TRIAGE_KINDS } from './triage/triage-result.ts';
import type { TemplateType } from './reply-types.ts';

/**
 * The variables each template receives, one zod schema per template type.
 *
 * Rules that keep replies safe (see docs in templates/README.md):
 * - No variable ever carries the complainant's message, its subject, or their name or address.
 *   The mailbox may be read by the person the complainant is afraid of, so a reply says only
 *   what we generate ourselves: the reference, dates, and what is missing.
 * - Schemas are strict: an extra field (say `subject` or `message`) is an error, not silently
 *   dropped, so a caller cannot slip complainant text in by accident.
 * - Every field is always present (no optional fields), so templates in strict mode never trip
 *   over a field that is sometimes absent.
 * - Dates arrive formatted in the mail's language (`formatLongDate`), e.g. "19 november 2026".
 * - The only free text is written by a complaints officer (`reason`); it is HTML-escaped in the
 *   HTML part and may never appear in a subject (see SUBJECT_VARIABLES).
 */

const LONG_DATE_HINT = 'expected a long date such as "19 november 2026" or "19 November 2026" (use formatLongDate)';
const LongDateSchema = z
  .string()
  .refine((v) => !v.includes(',') && longDateLanguage(v) !== null, LONG_DATE_HINT);
const LongDateTimeSchema = z
  .string()
  .refine(
    (v) => v.includes(',') && longDateLanguage(v) !== null,
    'expected a date and time such as "19 november 2026, 14:05" (use formatLongDateTime)',
  );

/** Text a complaints officer wrote for this complainant (reason for an extension, for not handling). */
const OfficerTextSchema = z.string().trim().min(1, 'expected text written by the complaints officer').max(2000);

/** A letter's own text, written by the officer for this complainant: longer than a reason. */
const LetterTextSchema = z.string().trim().min(1, 'expected text written by the complaints officer').max(10_000);

/**
 * The route after the outcome (Awb 9:12): the Nationale ombudsman (or the ombudsman that applies),
 * configurable; `applies` false leaves the paragraph out.
 */
const OmbudsmanSchema = z.strictObject({
  applies: z.boolean(),
  name: z.string().min(1).max(100),
  website: z.string().min(1).max(200),
  phone: z.string().min(1).max(40),
});

const CommandSchema = z
  .string()
  .min(1)
  .max(300)
  .refine((v) => !/[\r\n]/.test(v), 'expected one line (a command or a link)');

/** Contact details of the independent vertrouwenspersoon (Jeugdstem); configurable. */
const VertrouwenspersoonSchema = z.strictObject({
  phone: z.string().min(1).max(40),
  email: z.email(),
});

/**
 * The types that can also go on paper: a letter printed in the console and posted to a
 * complainant without an e-mail address. One template serves both; `byPost` chooses the
 * sentences that differ (how to reach us instead of "reply to this e-mail", no "this mailbox"),
 * and `klachtenfunctionaris` says where to write or call (KLACHTENFUNCTIONARIS_ADDRESS, _PHONE).
 */
export const POSTABLE_TYPES = ['acknowledgement', 'request_details', 'anonymous_registered', 'outcome', 'hearing_invitation', 'blank_letter'] as const satisfies readonly TemplateType[];
export type PostableType = (typeof POSTABLE_TYPES)[number];
export const isPostable = (type: TemplateType): type is PostableType => (POSTABLE_TYPES as readonly string[]).includes(type);

const BY_POST_FIELDS = {
  /** True when the letter is printed and posted; false when it goes by e-mail. */
  byPost: z.boolean(),
  klachtenfunctionaris: z.strictObject({
    /** Where a complainant writes to, on one line: "Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden". */
    postalAddress: z.string().min(1).max(200),
    /** The number to call, or null when none is configured (then the letter offers only the post). */
    phone: z.string().min(1).max(40).nullable(),
  }),
};

/**
 * Which legal clock a deadline belongs to:
 * - handling: Awb 9:11, six weeks after receipt;
 * - extended: the same term after its one deferral of at most four weeks;
 * - committee: the Klachtencommissie route, about ten weeks;
 * - not_handled_notice: Awb 9:8, tell the complainant within four weeks that we will not handle it.
 */
export const DEADLINE_KINDS = ['handling', 'extended', 'committee', 'not_handled_notice'] as const;
export const DeadlineKindSchema = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;

/**
 * One complaint in the officers' digest. Machine codes, dates and counts only: no names,
 * addresses, subjects or message text (officers open the record for those).
 */
const DIGEST_ITEM_FIELDS = {
  reference: ComplaintIdSchema,
  /** What the message is (triage kind), or `unparsed` when it could not be read. */
  messageKind: z.enum([...TRIAGE_KINDS, 'unparsed']),
  status: RecordStatusSchema,
  /** The clock that runs out first; null (with deadline and daysLeft) when none runs. */
  kind: DeadlineKindSchema.nullable(),
  deadline: LongDateSchema.nullable(),
  /** Calendar days until the deadline; negative when it has passed. */
  daysLeft: z.number().int().nullable(),
  flags: z.array(MachineCodeSchema),
  /** DIGEST_DETAIL=standard: the day of receipt; null at the minimal level. */
  receivedDate: LongDateSchema.nullable(),
  /** DIGEST_DETAIL=standard: the assigned officer's address (never a complainant's); else null. */
  assignedTo: z.email().nullable(),
  /** With CONSOLE_URL: the complaint's page in the officer console; else null. */
  link: z.url({ protocol: /^https?$/ }).nullable(),
};
type DigestItemFields = { kind: unknown; deadline: unknown; daysLeft: unknown };
const clockIsWhole = (item: DigestItemFields) => (item.kind === null) === (item.deadline === null) && (item.deadline === null) === (item.daysLeft === null);
const CLOCK_HINT = 'expected kind, deadline and daysLeft all set or all null';

const DigestItemSchema = z.strictObject(DIGEST_ITEM_FIELDS).refine(clockIsWhole, CLOCK_HINT);
export type DigestItem = z.infer<typeof DigestItemSchema>;

const AwaitingDetailsItemSchema = z
  .strictObject({
    ...DIGEST_ITEM_FIELDS,
    /** True when the request_details reply went out; false when it did not (yet). */
    detailsAsked: z.boolean(),
    /** Days since the request went out, or since receipt when it did not. */
    daysSinceAsked: z.number().int().min(0),
  })
  .refine(clockIsWhole, CLOCK_HINT);
export type AwaitingDetailsItem = z.infer<typeof AwaitingDetailsItemSchema>;

const ReplyFailedItemSchema = z
  .strictObject({
    ...DIGEST_ITEM_FIELDS,
    /** Reply types the mail server refused since the last digest. */
    failedReplies: z.array(ComplainantMailTypeSchema).min(1),
  })
  .refine(clockIsWhole, CLOCK_HINT);
export type ReplyFailedItem = z.infer<typeof ReplyFailedItemSchema>;

const FollowupItemSchema = z
  .strictObject({
    ...DIGEST_ITEM_FIELDS,
    /** Messages about this complaint received since the last digest. */
    followups: z.number().int().min(1),
  })
  .refine(clockIsWhole, CLOCK_HINT);
export type FollowupItem = z.infer<typeof FollowupItemSchema>;

/** The digest's sections, in the order the mail shows them; each has a count of the same name. */
export const DIGEST_SECTIONS = ['needsReview', 'urgent', 'overdue', 'dueSoon', 'noHearing', 'received', 'awaitingDetails', 'anonymous', 'replyFailed', 'followups', 'spam'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

const Count = z.number().int().min(0);

export const TEMPLATE_VARIABLE_SCHEMAS = {
  acknowledgement: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    deadline: LongDateSchema,
    missing: z.strictObject({ name: z.boolean(), address: z.boolean() }),
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  request_details: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    /** The Awb 9:11 deadline already runs; the complainant hears it now, with the procedure. */
    deadline: LongDateSchema,
    /** What Awb 9:4 needs and the complaint lacks; at least one is true. */
    missing: z
      .strictObject({ name: z.boolean(), address: z.boolean(), incidentDate: z.boolean(), description: z.boolean() })
      .refine((m) => m.name || m.address || m.incidentDate || m.description, 'expected at least one missing detail'),
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  anonymous_registered: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  /** `complimentsEmail`: where compliments and ideas belong (COMPLIMENTS_EMAIL). */
  compliment_thanks: z.strictObject({ reference: ComplaintIdSchema, complimentsEmail: z.email() }),
  idea_thanks: z.strictObject({ reference: ComplaintIdSchema, complimentsEmail: z.email() }),
  question_received: z.strictObject({ reference: ComplaintIdSchema }),
  report_received: z.strictObject({ reference: ComplaintIdSchema }),
  /** Triage could not tell what the message is (`needs_review`): a neutral receipt, no promise. */
  message_received: z.strictObject({ reference: ComplaintIdSchema }),
  /**
   * Starts with 112 and 0800-2000. When the message is also a complaint (`isComplaint`), what an
   * acknowledgement says follows: receipt date, deadline, procedure, vertrouwenspersoon.
   */
  urgent_redirect: z.strictObject({
    reference: ComplaintIdSchema,
    isComplaint: z.boolean(),
    receivedDate: LongDateSchema,
    deadline: LongDateSchema,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  followup_received: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  extension_notice: z.strictObject({
    reference: ComplaintIdSchema,
    newDeadline: LongDateSchema,
    /** Awb 9:11: one deferral of at most four weeks. */
    weeks: z.number().int().min(1).max(4),
    reason: OfficerTextSchema,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  not_handled_notice: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    reason: OfficerTextSchema,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  /** Awb 9:12: the outcome with its reasons, and where the complainant can go next. */
  outcome: z.strictObject({
    reference: ComplaintIdSchema,
    receivedDate: LongDateSchema,
    outcome: OutcomeCategorySchema,
    reasons: LetterTextSchema,
    /** True when the klachtencommissie already advised: then it is not offered again. */
    committeeDone: z.boolean(),
    ombudsman: OmbudsmanSchema,
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  /** Awb 9:10: the invitation to be heard. */
  hearing_invitation: z.strictObject({
    reference: ComplaintIdSchema,
    when: LongDateTimeSchema,
    how: HearingModeSchema,
    /** The address, the number we call, or how to join the video call. */
    place: OfficerTextSchema,
    /** Who will be there for Hecht (names or roles, written by the officer). */
    attendees: OfficerTextSchema,
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  /** The officer's own letter in the standard header and footer; paragraphs as the officer separated them. */
  blank_letter: z.strictObject({
    reference: ComplaintIdSchema,
    paragraphs: z.array(LetterTextSchema).min(1, 'expected at least one paragraph'),
    ...BY_POST_FIELDS,
    vertrouwenspersoon: VertrouwenspersoonSchema,
  }),
  officer_alert: z.strictObject({
    reference: ComplaintIdSchema,
    receivedAt: LongDateTimeSchema,
    /** True when triage saw signs of acute danger; the sender got urgent_redirect. */
    urgent: z.boolean(),
    reasons: z.array(MachineCodeSchema).min(1),
    viewCommand: CommandSchema,
  }),
  deadline_reminder: z.strictObject({
    reference: ComplaintIdSchema,
    kind: DeadlineKindSchema,
    deadline: LongDateSchema,
    /** Calendar days until the deadline: 0 on the day, negative once it has passed. */
    daysLeft: z.number().int(),
    viewCommand: CommandSchema,
  }),
  digest: z
    .strictObject({
      date: LongDateSchema,
      /** `open`: complaints whose clock runs; the others: the length of the section of that name. */
      counts: z.strictObject({
        open: Count,
        needsReview: Count,
        urgent: Count,
        overdue: Count,
        dueSoon: Count,
        noHearing: Count,
        received: Count,
        awaitingDetails: Count,
        anonymous: Count,
        replyFailed: Count,
        followups: Count,
        spam: Count,
      }),
      /** Messages triage could not classify (`needs_review`), until an officer handles them: first. */
      needsReview: z.array(DigestItemSchema),
      /** Urgent messages (new complaints or follow-ups) since the last digest. */
      urgent: z.array(DigestItemSchema),
      /** Running complaints whose deadline has passed. */
      overdue: z.array(DigestItemSchema),
      /** Running complaints whose deadline is today or within 7 days. */
      dueSoon: z.array(DigestItemSchema),
      /** Running complaints within two weeks of their deadline (or past it) with no hearing recorded (Awb 9:10). */
      noHearing: z.array(DigestItemSchema),
      /** Every message recorded since the last digest, automatic mail excepted. */
      received: z.array(DigestItemSchema),
      /** Complaints waiting for a name or address (Awb 9:4). */
      awaitingDetails: z.array(AwaitingDetailsItemSchema),
      /** Anonymous complaints registered since the last digest (registered, not handled). */
      anonymous: z.array(DigestItemSchema),
      replyFailed: z.array(ReplyFailedItemSchema),
      followups: z.array(FollowupItemSchema),
      /** Mail the server judged spam since the last digest: never answered, listed so a real complaint can be rescued. */
      spam: z.array(DigestItemSchema),
      listCommand: CommandSchema,
    })
    .refine((d) => DIGEST_SECTIONS.every((section) => d.counts[section] === d[section].length), 'expected each count to equal the length of its section'),
} as const satisfies Record<TemplateType, z.ZodType>;

export type TemplateVariables = { [T in TemplateType]: z.infer<(typeof TEMPLATE_VARIABLE_SCHEMAS)[T]> };

/**
 * The variables a subject line may use. Subjects are seen by anyone who glances at an inbox, so
 * they hold a reference, a date or a count, never officer-written text.
 */
export const SUBJECT_VARIABLES: Readonly<Record<TemplateType, readonly string[]>> = {
  acknowledgement: ['reference'],
  request_details: ['reference'],
  anonymous_registered: ['reference'],
  compliment_thanks: ['reference'],
  idea_thanks: ['reference'],
  question_received: ['reference'],
  report_received: ['reference'],
  message_received: ['reference'],
  urgent_redirect: ['reference'],
  followup_received: ['reference'],
  extension_notice: ['reference', 'newDeadline', 'weeks'],
  not_handled_notice: ['reference'],
  outcome: ['reference'],
  hearing_invitation: ['reference'],
  blank_letter: ['reference'],
  officer_alert: ['reference', 'urgent'],
  deadline_reminder: ['reference', 'kind', 'deadline', 'daysLeft'],
  digest: ['date', 'counts'],
};
