import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { amsterdamInstant } from './amsterdam-time.ts';
import { amsterdamDateOf } from './calendar-date.ts';
import { RegisteredChannelSchema } from './complaint-handling.ts';
import { RECORD_ID_PLACEHOLDER, type ComplaintRecord, type NewRecord } from './complaint-record.ts';
import { replyJobId } from './jobs.ts';
import { planClock } from './plan-clock.ts';
import { isCompleteAddress } from './postal-address.ts';
import { makeEvent, type RecordEvent } from './record-events.ts';
import { initialStatus } from './record-rules.ts';
import { LanguageSchema } from './reply-types.ts';
import { PostalAddressSchema, type TriageFlag, type TriageReply, type TriageResult } from './triage/triage-result.ts';

/**
 * A complaint that did not come by e-mail (a letter, a phone call, a visit), as an officer
 * registers it: the input, and the record and history it makes. Pure, so the console's
 * confirmation page shows what registering will do with the same rules that
 * app/register-complaint.ts stores.
 */
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null));

export const RegisterComplaintSchema = z.object({
  channel: RegisteredChannelSchema,
  receivedDate: z.iso.date({ error: 'the date of receipt is YYYY-MM-DD' }),
  name: optionalText,
  email: z.email({ error: 'the e-mail address is not valid' }).nullish().transform((v) => v?.toLowerCase() ?? null),
  phone: optionalText,
  address: PostalAddressSchema.nullish().transform((v) => v ?? null),
  description: z.string({ error: 'a description of the conduct is required' }).trim().min(1, 'a description of the conduct is required').max(50_000),
  employees: z.array(z.string().trim().min(1)).default([]),
  /** The complainant does not want to give name and address: registered, not handled (Awb 9:4). */
  anonymous: z.boolean().default(false),
  language: LanguageSchema.default('nl'),
});
export type RegisterComplaintInput = z.input<typeof RegisterComplaintSchema>;
export type RegisterComplaint = z.output<typeof RegisterComplaintSchema>;

/**
 * The acknowledgement a registered complaint with these flags gets (Awb 9:6): by e-mail when an
 * address is given, otherwise the same text printed as a letter from the console.
 */
export function acknowledgementType(flags: readonly TriageFlag[]): 'anonymous_registered' | 'request_details' | 'acknowledgement' {
  if (flags.includes('anonymous')) return 'anonymous_registered';
  return flags.includes('missing_name') || flags.includes('missing_address') ? 'request_details' : 'acknowledgement';
}

/** What triage would have decided for a complaint with these details: the flags, and the reply when we can mail one. */
function registeredTriage(input: RegisterComplaint): TriageResult {
  const flags: TriageFlag[] = [];
  if (input.anonymous) flags.push('anonymous');
  else {
    if (!input.name) flags.push('missing_name');
    if (!isCompleteAddress(input.address)) flags.push('missing_address');
  }
  const reply: TriageReply | null = input.email ? acknowledgementType(flags) : null;
  return {
    kind: 'complaint',
    contentKind: 'complaint',
    urgent: false,
    language: input.language,
    complainant: { name: input.anonymous ? null : input.name, email: input.email, phone: input.phone, address: input.anonymous ? null : input.address },
    incidentDate: null,
    employees: input.employees,
    caseRef: null,
    referenceSource: null,
    flags,
    reply,
    reasons: [`registered_by:${input.channel}`],
  };
}

/**
 * The record a registration makes, without its reference (minted when it is stored), its
 * events and the acknowledgement it gets. Refuses a date of receipt after today.
 */
export function planRegistration(config: Config, input: RegisterComplaint, actor: string, now: Date) {
  if (input.receivedDate > amsterdamDateOf(now)) throw new AppError('received_in_future', `The date of receipt ${input.receivedDate} is after today.`, { permanent: true });
  const triage = registeredTriage(input);
  // The same registration (a double click, a retried command) is one record: its content is its identity.
  const sha256 = createHash('sha256').update(JSON.stringify({ ...input, kind: 'registered' })).digest('hex');
  const noon = amsterdamInstant(input.receivedDate, '12:00');
  const receivedAt = noon.getTime() > now.getTime() ? now : noon;
  const status = initialStatus(triage, []);
  const source = { kind: 'officer' as const, mailbox: input.channel, uidValidity: null, uid: null, file: null };
  const base: NewRecord = {
    schemaVersion: 1,
    receivedAt: receivedAt.toISOString(),
    receivedDate: input.receivedDate,
    ingestedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    status,
    intakeFlags: [],
    source: { ...source, messageId: null, sha256, size: Buffer.byteLength(input.description) },
    message: null,
    triage,
    contact: { name: triage.complainant.name, email: input.email, phone: input.phone, address: triage.complainant.address },
    deadline: null,
    noticeBy: null,
    assignedTo: null,
  };
  const clock = planClock(config, { ...base, id: 'KL-0000-00000' } as ComplaintRecord);
  const record: NewRecord = { ...base, ...clock };
  const events: RecordEvent[] = [
    makeEvent('received', actor, { sha256, size: base.source.size, intakeFlags: [], source }, now),
    makeEvent('registered_by', actor, { channel: input.channel, receivedDate: input.receivedDate, anonymous: input.anonymous, description: input.description }, now),
    makeEvent('triaged', actor, { kind: triage.kind, flags: triage.flags, reply: triage.reply, reasons: triage.reasons }, now),
  ];
  if (triage.reply) events.push(makeEvent('reply_queued', actor, { type: triage.reply, jobId: replyJobId({ complaintId: RECORD_ID_PLACEHOLDER, type: triage.reply, key: '' }) }, now));
  return { record, events, acknowledgement: triage.reply };
}
