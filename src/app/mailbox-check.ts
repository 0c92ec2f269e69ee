import type { Logger } from '../log.ts';
import type { ProcessedFolder, RecordStore } from './ports.ts';

export interface ProcessedCheck {
  processed: number;
  withRecord: number;
  missing: number;
  /** Messages without a Message-ID cannot be matched without downloading them. */
  unverifiable: number;
}

/**
 * Detects lost Redis data: every message in the processed folder (IMAP, or `inbox/processed` in
 * local mode) should have a record. Mail is
 * never deleted, so a loss is recoverable: move the messages back to the inbox to re-ingest.
 */
export async function checkProcessedMailbox(deps: { folder: ProcessedFolder; store: Pick<RecordStore, 'knownMessageIds'>; log: Logger }): Promise<ProcessedCheck> {
  const envelopes = await deps.folder.envelopes();
  const result: ProcessedCheck = { processed: envelopes.length, withRecord: 0, missing: 0, unverifiable: 0 };
  const withId = envelopes.filter((envelope) => envelope.messageId);
  result.unverifiable = envelopes.length - withId.length;
  const known = await deps.store.knownMessageIds(withId.map((envelope) => envelope.messageId ?? ''));
  result.withRecord = known.filter(Boolean).length;
  result.missing = known.length - result.withRecord;
  if (result.missing > 0) {
    deps.log.error('records_missing', { missing: result.missing, processed: result.processed, hint: 'Redis data lost? move them back to the inbox to re-ingest' });
  }
  return result;
}
