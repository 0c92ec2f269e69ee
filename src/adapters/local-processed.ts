import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileKind } from './local-inbox.ts';
import { parseRawMessage } from './message-parser.ts';
import { convertMsgToEml } from './outlook-msg.ts';
import type { ProcessedEnvelope } from './imap-mailbox.ts';

const HEAD_BYTES = 256 * 1024;

/**
 * Local mode's processed folder, read like the IMAP one for the lost-data check: the Message-ID
 * of every file (.eml from its header block, .msg through the same conversion as intake).
 */
export async function listLocalProcessedEnvelopes(dir: string): Promise<ProcessedEnvelope[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: ProcessedEnvelope[] = [];
  for (const name of names) {
    const kind = fileKind(name);
    if (kind === 'other' || name.startsWith('.')) continue;
    const head = kind === 'msg' ? await convertMsgToEml(await readFile(join(dir, name))).catch(() => null) : await readHead(join(dir, name));
    const message = head ? await parseRawMessage(headerBlock(head)).catch(() => null) : null;
    out.push({ messageId: message?.messageId ?? null, from: message?.from?.address?.toLowerCase() ?? null, date: message?.date ?? null });
  }
  return out;
}

async function readHead(path: string): Promise<Buffer | null> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return null;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function headerBlock(raw: Buffer): Buffer {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : raw.length;
  return Buffer.concat([raw.subarray(0, end), Buffer.from('\r\n\r\n')]);
}
