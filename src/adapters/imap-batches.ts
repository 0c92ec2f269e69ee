/**
 * How the inbox is read: small messages in batches (one FETCH for many, bounded in bytes so
 * memory stays flat), large ones alone as a stream. Pure; the IMAP adapter runs the plan.
 */
export interface MailboxEntry {
  uid: number;
  size: number;
}

export type ReadBatch = { kind: 'buffered'; uids: number[] } | { kind: 'streamed'; uid: number };

export interface BatchLimits {
  /** Messages larger than this are streamed one by one. */
  streamAboveBytes: number;
  /** Upper bound of the bytes one buffered batch holds in memory. */
  maxBatchBytes: number;
  maxBatchCount: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { streamAboveBytes: 1024 * 1024, maxBatchBytes: 8 * 1024 * 1024, maxBatchCount: 50 };

export function planReadBatches(entries: readonly MailboxEntry[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): ReadBatch[] {
  const batches: ReadBatch[] = [];
  let current: number[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length > 0) batches.push({ kind: 'buffered', uids: current });
    current = [];
    bytes = 0;
  };
  for (const entry of [...entries].sort((a, b) => a.uid - b.uid)) {
    if (entry.size > limits.streamAboveBytes) {
      flush();
      batches.push({ kind: 'streamed', uid: entry.uid });
      continue;
    }
    if (current.length >= limits.maxBatchCount || bytes + entry.size > limits.maxBatchBytes) flush();
    current.push(entry.uid);
    bytes += entry.size;
  }
  flush();
  return batches;
}
