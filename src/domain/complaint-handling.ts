import { z } from 'zod';

/**
 * What officers record while handling a complaint, beyond the clock: how it came in, the
 * hearing (Awb 9:10), the outcome (Awb 9:12) and the letters they wrote. The events that
 * record them have their schemas in record-events.ts.
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

