import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { planRegistration, RegisterComplaintSchema, type RegisterComplaintInput } from '../domain/registration-plan.ts';
import type { Clock, JobQueues, RecordStore } from './ports.ts';
import { makeRecordEffects } from './record-effects.ts';

/**
 * A complaint that did not come by e-mail (a letter, a phone call, a visit), registered by an
 * officer. It becomes the same kind of record as mail does: a reference number from the same
 * counter, the Awb 9:11 clock from the date of receipt given (not the day it was typed in), the
 * same reminders, and an acknowledgement by e-mail when an address is given. The officer's
 * registration is the `registered_by` event. Registering the same thing twice gives one record.
 * The record and its events are planned by domain/registration-plan.ts.
 */
export interface RegisterDeps {
  store: RecordStore;
  queues: JobQueues;
  config: Config;
  log: Logger;
  clock: Clock;
}

export async function registerComplaint(deps: RegisterDeps, raw: RegisterComplaintInput & { actor: string }) {
  const parsed = RegisterComplaintSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('registration_invalid', `The registration is not complete: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`, { permanent: true });
  }
  const input = parsed.data;
  const { record, events, acknowledgement } = planRegistration(deps.config, input, raw.actor, deps.clock.now());
  const result = await deps.store.create({ record, events, fingerprint: null, senderAddress: input.email });
  const stored = result.created ? ({ ...record, id: result.id } as ComplaintRecord) : await deps.store.require(result.id);
  await makeRecordEffects(deps).afterCreate([stored], { fresh: result.created });
  deps.log.info(result.created ? 'complaint_registered' : 'registration_repeated', { id: result.id, channel: input.channel, status: record.status });
  return { record: stored, created: result.created, acknowledgement };
}
