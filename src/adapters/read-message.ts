import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../errors.ts';
import type { ReadLimits, ReadResult } from '../domain/incoming-message.ts';
import type { ParsedMessage } from '../domain/parsed-message.ts';
import { parseMessageStream, parseRawMessage } from './message-parser.ts';

const HEADER_SCAN_BYTES = 256 * 1024;

/**
 * Streams a message once through a SHA-256 and the streaming parser. Messages over the size cap
 * are hashed in full but only their header block is parsed, so memory stays flat.
 */
export async function readMessage(source: Readable, options: ReadLimits): Promise<ReadResult> {
  if (options.declaredSize > options.maxBytes) return readHeadersOnly(source);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    size += chunk.length;
    hash.update(chunk);
  });
  source.on('error', (error) => tap.destroy(error));
  source.pipe(tap);
  try {
    const message = await parseMessageStream(tap);
    await finished(source);
    return { sha256: hash.digest('hex'), size, message, failure: size > options.maxBytes ? 'too_large' : null };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'parse_error') throw error;
    source.resume();
    await finished(source);
    return { sha256: hash.digest('hex'), size, message: null, failure: 'parse_error' };
  }
}

async function readHeadersOnly(source: Readable): Promise<ReadResult> {
  const hash = createHash('sha256');
  let size = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
    if (headBytes < HEADER_SCAN_BYTES) {
      head.push(chunk);
      headBytes += chunk.length;
    }
  }
  const block = Buffer.concat(head).subarray(0, HEADER_SCAN_BYTES);
  const end = headerEnd(block);
  let message: ParsedMessage | null = null;
  try {
    message = await parseRawMessage(Buffer.concat([block.subarray(0, end), Buffer.from('\r\n\r\n')]));
  } catch {
    message = null;
  }
  return { sha256: hash.digest('hex'), size, message, failure: 'too_large' };
}

function headerEnd(block: Buffer): number {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  const candidates = [crlf, lf].filter((index) => index >= 0);
  return candidates.length > 0 ? Math.min(...candidates) : block.length;
}

function finished(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
  });
}
