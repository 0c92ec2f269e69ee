/**
 * `npm run eval:triage -- --from-records [--errors]`: the same table for the records whose triage an
 * officer corrected, read from the Redis in REDIS_URL (see from-records.ts); `--errors` lists
 * reference, field and codes, never names or addresses.
 *
 * `npm run eval:triage [-- --set dev|holdout] [--group batch-03] [--errors]`: scores the triage
 * rules on the labelled sets, dev and holdout apart, with per-field accuracy, the kind
 * confusion matrix, urgent recall and precision, and replies to automatic mail or spam.
 * `--errors` lists the dev mismatches; the holdout is never listed message by message, so
 * tuning cannot look at it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { triageRawMessage } from '../../src/adapters/triage-raw-message.ts';
import type { TriageResult } from '../../src/domain/triage/triage-result.ts';
import { EVAL_CONTEXT, groupsOf, loadSet } from './labelled-sets.ts';
import type { LabelledMessage, SetName } from './labelled-sets.ts';
import { accuracy, formatScore, scoreResults, urgentRecall } from './score.ts';
import { scoreRecords } from './from-records.ts';
import { makeLogger } from '../../src/log.ts';
import { openRuntime } from '../../workers/runtime.ts';

export async function triageLabelled(messages: readonly LabelledMessage[]): Promise<{ message: LabelledMessage; result: TriageResult }[]> {
  const out = [];
  for (const message of messages) {
    const result = await triageRawMessage(readFileSync(message.path), { ...EVAL_CONTEXT, receivedAt: new Date(message.label.receivedAt) });
    out.push({ message, result });
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { set: { type: 'string' }, group: { type: 'string' }, errors: { type: 'boolean', default: false }, 'from-records': { type: 'boolean', default: false } },
  });
  if (values['from-records']) return evaluateRecords(values.errors);
  const sets: SetName[] = values.set === 'dev' ? ['dev'] : values.set === 'holdout' ? ['holdout'] : ['dev', 'holdout'];
  for (const set of sets) {
    let messages = loadSet(set);
    if (values.group !== undefined) messages = messages.filter((message) => message.group === values.group);
    const pairs = await triageLabelled(messages);
    console.log(formatScore(set, scoreResults(pairs)));
    console.log('  per group:      kind  reply urgent-recall  flags   name address');
    for (const group of groupsOf(messages)) {
      const score = scoreResults(pairs.filter((pair) => pair.message.group === group));
      const cells = [accuracy(score, 'kind'), accuracy(score, 'reply'), urgentRecall(score), accuracy(score, 'flags'), accuracy(score, 'name'), accuracy(score, 'address')];
      console.log(`  ${group.padEnd(14)} ${cells.map((value) => `${(100 * value).toFixed(0)}%`.padStart(6)).join(' ')}  (${score.messages})`);
    }
    if (values.errors && set === 'dev') {
      for (const mismatch of scoreResults(pairs).mismatches) {
        console.log(`  ${mismatch.id}  ${mismatch.field}: want ${JSON.stringify(mismatch.want)}, got ${JSON.stringify(mismatch.got)}`);
      }
    }
    console.log('');
  }
}

async function evaluateRecords(listErrors: boolean): Promise<void> {
  const rt = await openRuntime({ log: makeLogger({ level: 'warn' }) });
  try {
    const ids = await rt.store.listIds({ newestFirst: false });
    const items = [];
    for (const record of await rt.store.getMany(ids)) {
      const events = await rt.store.events(record.id);
      if (events.some((event) => event.type === 'triage_corrected')) items.push({ record, events });
    }
    const score = scoreRecords(items, rt.config.triage);
    console.log(formatScore(`records with officer corrections (of ${ids.length} records)`, score));
    // Names and addresses stay out of the output: only which field of which record differs.
    if (listErrors) for (const mismatch of score.mismatches) console.log(`  ${mismatch.id}  ${mismatch.field}${['kind', 'urgent', 'flags'].includes(mismatch.field) ? `: want ${JSON.stringify(mismatch.want)}, got ${JSON.stringify(mismatch.got)}` : ''}`);
  } finally {
    await rt.close();
  }
}

if (import.meta.main) await main();
