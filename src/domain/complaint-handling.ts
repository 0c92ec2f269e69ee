import { z } from 'zod';
import type { RecordEvent } from './complaint-record.ts';
import { OfficerLetterTypeSchema } from './reply-types.ts';

/**
 * What officers record while handling a complaint, beyond the clock: how it came in, the
 * hearing (Awb 9:10), the outcome (Awb 9:12) and the letters they wrote. One zod schema per
 * event's data, so the register, the digest and the CLI read history through one helper.
 */

/** How a complaint reached us. Mail arrives by itself; the others an officer registers. */
export const CHANNELS = ['email', 'letter', 'phone', 'visit'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;
export const REGISTERED_CHANNELS = ['letter', 'phone', 'visit'] as const satisfies readonly Channel[];
export const RegisteredChannelSchema = z.enum(REGISTERED_CHANNELS);

/** The outcome of a handled complaint; `resolved_informally` is Awb 9:5 (settled to the complainant's satisfaction). */
export const OUTCOME_CATEGORIES = ['founded', 'partly_founded', 'unfounded', 'resolved_informally', 'withdrawn'] as const;
export const OutcomeCategorySchema = z.enum(OUTCOME_CATEGORIES, { error: `expected one of: ${OUTCOME_CATEGORIES.join(', ')}` });
export type OutcomeCategory = z.infer<typeof OutcomeCategorySchema>;

/** How the complainant was heard (Awb 9:10 lid 1). */
export const HEARING_MODES = ['in_person', 'phone', 'video'] as const;
export const HearingModeSchema = z.enum(HEARING_MODES, { error: `expected one of: ${HEARING_MODES.join(', ')}` });
export type HearingMode = z.infer<typeof HearingModeSchema>;

/**
 * Why there was no hearing, Awb 9:10 lid 2: (a) the complaint is manifestly unfounded, (b) the
 * complainant declined, (c) the complainant did not say in time that they wanted to be heard.
 */
export const WAIVER_GROUNDS = ['manifestly_unfounded', 'declined', 'no_response_in_time'] as const;
export const WaiverGroundSchema = z.enum(WAIVER_GROUNDS, { error: `expected one of: ${WAIVER_GROUNDS.join(', ')}` });
export type WaiverGround = z.infer<typeof WaiverGroundSchema>;


const OfficerText = z.string().trim().min(1).max(5000);

export const EVENT_DATA_SCHEMAS = {
  /** `description`: the complaint as the officer took it down; gone once the record is anonymised. */
  registered_by: z.object({ channel: RegisteredChannelSchema, receivedDate: z.iso.date(), anonymous: z.boolean(), description: z.string().optional() }),
  hearing_held: z.object({ date: z.iso.date(), how: HearingModeSchema, note: z.string().optional() }),
  hearing_waived: z.object({ ground: WaiverGroundSchema, note: z.string().optional() }),
  /** `variables`: what the officer wrote, read back by the reply worker when it sends the letter. */
  letter_written: z.object({ letter: OfficerLetterTypeSchema, key: z.string(), variables: z.record(z.string(), z.unknown()) }),
  /** A letter to a complainant without an e-mail address, printed in the console to post (the `letter_written` of the same key holds its text). */
  letter_printed: z.object({ letter: OfficerLetterTypeSchema, key: z.string() }),
  /**
   * Older closings carry only `outcome` (free text); newer ones a `category`, the outcome
   * letter's job id (or its key when it was printed and posted) or a reason why none was sent,
   * and the officer's summary.
   */
  closed: z.object({
    category: OutcomeCategorySchema.optional(),
    letterJobId: z.string().nullable().optional(),
    /** The key of the outcome letter printed and posted to a complainant without e-mail. */
    letterPrintedKey: z.string().optional(),
    noLetterReason: z.string().optional(),
    summary: z.string().optional(),
    outcome: z.string().optional(),
    previousStatus: z.string().optional(),
  }),
  triage_corrected: z.object({ fields: z.array(z.string()), before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()) }),
} as const;
export type TypedEventType = keyof typeof EVENT_DATA_SCHEMAS;
export type EventData<T extends TypedEventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** The event's data read with its schema; null when the event is of another type or malformed. */
export function eventData<T extends TypedEventType>(event: RecordEvent, type: T): EventData<T> | null {
  if (event.type !== type) return null;
  const parsed = EVENT_DATA_SCHEMAS[type].safeParse(event.data);
  return parsed.success ? (parsed.data as EventData<T>) : null;
}

/** Every event of one type with its parsed data, in order. */
export function eventsOf<T extends TypedEventType>(events: readonly RecordEvent[], type: T): { event: RecordEvent; data: EventData<T> }[] {
  return events.flatMap((event) => {
    const data = eventData(event, type);
    return data ? [{ event, data }] : [];
  });
}

/** Whether the complainant was heard, or the hearing waived (Awb 9:10), at any point. */
export function hearingRecorded(events: readonly RecordEvent[]): boolean {
  return events.some((event) => event.type === 'hearing_held' || event.type === 'hearing_waived');
}
