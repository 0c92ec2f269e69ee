import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { MailParser } from 'mailparser';
import type { AddressObject, AttachmentStream, HeaderLines, Headers, MessageText } from 'mailparser';
import { AppError } from '../errors.ts';
import type { MailAddress, ParsedMessage } from '../domain/parsed-message.ts';

export interface ParseOptions {
  /** Longest plain text kept (characters); the rest is cut and `textTruncated` set. */
  maxTextChars?: number;
  /** HTML longer than this is not converted to text (mailparser's guard against slow input). */
  maxHtmlChars?: number;
}

const MAX_HEADERS = 200;
const MAX_HEADER_VALUE = 4_000;

/**
 * Parses one message from a byte stream with mailparser's streaming parser: attachments are
 * hashed and described while they stream past, never held in memory.
 */
export function parseMessageStream(source: Readable, options: ParseOptions = {}): Promise<ParsedMessage> {
  const maxTextChars = options.maxTextChars ?? 1_000_000;
  return new Promise((resolve, reject) => {
    const parser = new MailParser({
      maxHtmlLengthToParse: options.maxHtmlChars ?? 5_000_000,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    let headers: Headers = new Map();
    let headerLines: HeaderLines = [];
    let text = '';
    let html = false;
    const attachments: ParsedMessage['attachments'] = [];
    const pendingAttachments: Promise<void>[] = [];
    let failed = false;
    const fail = (cause: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.resume();
      reject(new AppError('parse_error', 'The message could not be parsed as MIME.', { cause, permanent: true }));
    };

    parser.on('headers', (value: Headers) => {
      headers = value;
    });
    parser.on('headerLines', (value: HeaderLines) => {
      headerLines = value;
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'text') {
        if (typeof data.text === 'string') text = data.text;
        if (data.html) html = true;
        // mailparser converts only a root text/html part; HTML inside multipart/related
        // (Outlook with an inline logo) arrives without text, so convert it here.
        if (!text.trim() && typeof data.html === 'string') text = htmlToPlainText(data.html);
        return;
      }
      pendingAttachments.push(describeAttachment(data).then((info) => void attachments.push(info)));
    });
    parser.on('error', fail);
    source.on('error', fail);
    parser.on('end', () => {
      if (failed) return;
      Promise.all(pendingAttachments).then(() => {
        const truncated = text.length > maxTextChars;
        resolve(buildMessage(headers, headerLines, truncated ? text.slice(0, maxTextChars) : text, truncated, html, attachments));
      }, fail);
    });
    source.pipe(parser);
  });
}

export function parseRawMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  return parseMessageStream(Readable.from([raw]), options);
}

function describeAttachment(data: AttachmentStream): Promise<ParsedMessage['attachments'][number]> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    data.content.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    data.content.on('error', reject);
    data.content.on('end', () => {
      data.release?.();
      resolve({
        filename: typeof data.filename === 'string' ? data.filename.slice(0, 500) : null,
        contentType: String(data.contentType ?? 'application/octet-stream').slice(0, 200),
        size,
        sha256: hash.digest('hex'),
      });
    });
  });
}

function buildMessage(
  headers: Headers,
  headerLines: HeaderLines,
  text: string,
  textTruncated: boolean,
  hasHtml: boolean,
  attachments: ParsedMessage['attachments'],
): ParsedMessage {
  const rawHeaders: Record<string, string> = {};
  for (const { key, line } of headerLines.slice(0, MAX_HEADERS)) {
    const name = key.toLowerCase();
    if (!name) continue;
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim().slice(0, MAX_HEADER_VALUE);
    rawHeaders[name] = name in rawHeaders ? `${rawHeaders[name]}\n${value}` : value;
  }
  const contentType = headers.get('content-type');
  const date = headers.get('date');
  return {
    messageId: stringHeader(headers.get('message-id')),
    inReplyTo: stringHeader(headers.get('in-reply-to')),
    references: referencesOf(headers.get('references')),
    from: firstAddress(headers.get('from')),
    replyTo: firstAddress(headers.get('reply-to')),
    to: allAddresses(headers.get('to')),
    cc: allAddresses(headers.get('cc')),
    subject: (stringHeader(headers.get('subject')) ?? '').slice(0, 1_000),
    date: date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
    headers: rawHeaders,
    contentType:
      contentType && typeof contentType === 'object' && 'value' in contentType
        ? String(contentType.value).toLowerCase()
        : 'text/plain',
    text,
    textTruncated,
    hasHtml,
    attachments,
  };
}

function stringHeader(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim() || null;
  return null;
}

function referencesOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return raw.match(/<[^<>\s]+>/g)?.slice(0, 100) ?? [];
}

function addressesOf(value: unknown): MailAddress[] {
  const objects = (Array.isArray(value) ? value : [value]) as (AddressObject | undefined)[];
  const out: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object?.value ?? []) {
      const members = entry.group ?? [entry];
      for (const member of members) {
        if (member.address) out.push({ name: (member.name ?? '').slice(0, 300), address: member.address.toLowerCase().slice(0, 320) });
      }
    }
  }
  return out;
}

function firstAddress(value: unknown): MailAddress | null {
  return addressesOf(value)[0] ?? null;
}

function allAddresses(value: unknown): MailAddress[] {
  return addressesOf(value).slice(0, 100);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", euro: '€', eacute: 'é', euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü' };

/** A plain rendering of HTML: block ends become line breaks, tags go, entities are decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 32);
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 32);
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
