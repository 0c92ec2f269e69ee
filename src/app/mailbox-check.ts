import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import { listProcessedEnvelopes } from '../adapters/imap-mailbox.ts';
import { messageFingerprint } from '../adapters/redis-keys.ts';

export interface ProcessedCheck {
  processed: number;
  withRecord: number;
  missing: number;
  /** Messages without a Message-ID cannot be matched without downloading them. */
  unverifiable: number;
}

/**
 * Detects lost Redis data: every message in the processed folder should have a record. Mail is
 * never deleted, so a loss is recoverable: move the messages back to the inbox to re-ingest.
 */
export async function checkProcessedMailbox(deps: { config: Config; store: ComplaintStore; log: Logger }): Promise<ProcessedCheck> {
  if (!deps.config.mode.imap) return { processed: 0, withRecord: 0, missing: 0, unverifiable: 0 };
  const envelopes = await listProcessedEnvelopes(deps.config);
  const result: ProcessedCheck = { processed: envelopes.length, withRecord: 0, missing: 0, unverifiable: 0 };
  for (const envelope of envelopes) {
    if (!envelope.messageId) {
      result.unverifiable += 1;
      continue;
    }
    const found = await deps.store.findDuplicate('none', messageFingerprint(envelope.messageId, envelope.from, envelope.date));
    if (found) result.withRecord += 1;
    else result.missing += 1;
  }
  if (result.missing > 0) {
    deps.log.error('records_missing', { missing: result.missing, processed: result.processed, hint: 'Redis data lost? move them back to the inbox to re-ingest' });
  }
  return result;
}
