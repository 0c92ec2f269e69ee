import type { Readable } from 'node:stream';
import type { Source } from './complaint-record.ts';
import type { ParsedMessage } from './parsed-message.ts';

/**
 * A message as a mailbox hands it to intake, and what reading it once gives. Shapes only: the
 * mailbox adapters (IMAP, the local folder) produce them, the message reader fills in a
 * ReadResult, and intake (app/ingest-message.ts) takes both through its ports.
 */
export interface IncomingMessage {
  source: Pick<Source, 'kind' | 'mailbox' | 'uidValidity' | 'uid' | 'file'>;
  /** The server's INTERNALDATE (or the file's arrival time in local mode). */
  receivedAt: Date;
  declaredSize: number;
  open(): Promise<Readable>;
}

/** Where a handled message goes: the processed folder, or quarantine for an officer to see. */
export type Disposition = 'processed' | 'quarantine';

/** The bytes of a message, read once: its hash, its size and what the parser made of it. */
export interface ReadResult {
  sha256: string;
  size: number;
  message: ParsedMessage | null;
  failure: 'parse_error' | 'too_large' | null;
}

/** Limits of reading one message: over `maxBytes` only its header block is parsed. */
export interface ReadLimits {
  maxBytes: number;
  declaredSize: number;
}
