import { z } from 'zod';
import { AppError } from '../errors.ts';
import { makeEvent, type ComplaintRecord } from '../domain/complaint-record.ts';
import { isAnonymised } from '../domain/retention.ts';
import { PostalAddressSchema, TriageFlagSchema, TriageKindSchema } from '../domain/triage/triage-result.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';

/**
 * An officer corrects what triage decided or extracted. The `triage_corrected` event keeps the
 * before and after of each changed field, so `npm run eval:triage -- --from-records` can score
 * today's rules against the mail that actually arrived. Status and deadline stay as they are:
 * they change through their own actions (close, not handled, reopen).
 */
export const TriageCorrectionSchema = z.strictObject({
  kind: TriageKindSchema.optional(),
  urgent: z.boolean().optional(),
  flags: z.array(TriageFlagSchema).optional(),
  name: z.string().trim().min(1).nullable().optional(),
  address: PostalAddressSchema.nullable().optional(),
  phone: z.string().trim().min(1).nullable().optional(),
});
export type TriageCorrection = z.infer<typeof TriageCorrectionSchema>;

const FIELDS = ['kind', 'urgent', 'flags', 'name', 'address', 'phone'] as const;

/** Before and after of each field the correction changes (empty when it changes nothing). Pure. */
export function triageCorrectionDiff(record: ComplaintRecord, correction: TriageCorrection): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const current: Record<(typeof FIELDS)[number], unknown> = {
    kind: record.triage?.kind,
    urgent: record.triage?.urgent,
    flags: record.triage?.flags,
    name: record.contact.name,
    address: record.contact.address,
    phone: record.contact.phone,
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const wanted = correction[key];
    if (wanted !== undefined && JSON.stringify(current[key]) !== JSON.stringify(wanted)) {
      before[key] = current[key] ?? null;
      after[key] = wanted;
    }
  }
  return { before, after };
}

const refuse = (code: string, message: string) => new AppError(code, message, { permanent: true });

export async function correctTriage(deps: { store: ComplaintStore }, input: { id: string; actor: string; correction: TriageCorrection }) {
  const parsed = TriageCorrectionSchema.safeParse(input.correction);
  if (!parsed.success) throw refuse('correction_invalid', `The correction is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = parsed.data;
  const result = await deps.store.update(input.id, async (record, history) => {
    if (isAnonymised(await history())) throw refuse('action_not_allowed', `${record.id} was anonymised after its retention period; it can no longer be changed.`);
    const triage = record.triage;
    if (!triage) throw refuse('action_not_allowed', `${record.id} was never triaged (the message could not be read); there is nothing to correct.`);
    const { before, after } = triageCorrectionDiff(record, c);
    if (Object.keys(after).length === 0) throw refuse('nothing_to_correct', `Nothing to correct on ${record.id}: every field already has that value.`);
    const name = c.name === undefined ? record.contact.name : c.name;
    const phone = c.phone === undefined ? record.contact.phone : c.phone;
    const address = c.address === undefined ? record.contact.address : c.address;
    return {
      record: {
        ...record,
        triage: { ...triage, kind: c.kind ?? triage.kind, urgent: c.urgent ?? triage.urgent, flags: c.flags ?? triage.flags, complainant: { ...triage.complainant, name, phone, address } },
        contact: { ...record.contact, name, phone, address },
      },
      events: [makeEvent('triage_corrected', input.actor, { fields: Object.keys(after), before, after })],
    };
  });
  return result.record;
}
