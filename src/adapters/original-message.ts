import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Config } from '../config.ts';
import type { Source } from '../domain/complaint-record.ts';
import { connectionOptions } from './imap-mailbox.ts';
import { imapCredentials } from './imap-auth.ts';
import type { TokenSource } from './oauth2/token-source.ts';

/**
 * The original message of a record, read on demand (an officer downloads an attachment): in
 * local mode the file in `<DATA_DIR>/inbox/processed`, with IMAP the message in the processed
 * folder found by its Message-ID (its UID changed when it was moved). Null when it is gone.
 * Attachments are never copied into Redis; the mailbox keeps them.
 */
export async function readOriginalMessage(config: Config, source: Source, tokens: TokenSource | null = null): Promise<Buffer | null> {
  if (source.kind === 'local') {
    if (!source.file) return null;
    // basename: a record's file name must not walk out of the folder.
    return readFile(join(config.DATA_DIR, 'inbox', 'processed', basename(source.file))).catch(() => null);
  }
  if (!source.messageId) return null;
  const client = new ImapFlow(connectionOptions(config, (await imapCredentials(config, tokens)).auth));
  client.on('error', () => {});
  await client.connect();
  try {
    const lock = await client.getMailboxLock(config.IMAP_PROCESSED_MAILBOX);
    try {
      const uids = await client.search({ header: { 'message-id': source.messageId } }, { uid: true });
      const uid = uids && uids.length > 0 ? uids[uids.length - 1] : undefined;
      if (uid === undefined) return null;
      const download = await client.download(String(uid), undefined, { uid: true, maxBytes: config.MAX_MESSAGE_BYTES });
      const chunks: Buffer[] = [];
      for await (const chunk of download.content as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
