import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { MailParser } from 'mailparser';
import type { AttachmentStream, HeaderLines, Headers, MailParserOptions, MessageText } from 'mailparser';
import { AppError } from '../errors.ts';
import type { ParsedMessage } from '../domain/parsed-message.ts';
import { addressesOf, cleanInline, cleanText, firstAddress, headerMap, messageIdOf, referencesOf, stringHeader } from './header-values.ts';
import { htmlToPlainText } from './html-to-plain-text.ts';
import { makeLineEndingNormaliser } from './line-endings.ts';
import { capTextParts } from './text-part-cap.ts';

export interface ParseOptions {
  /** Longest plain text kept (characters); the rest is cut and `textTruncated` set. Default 1,000,000. */
  maxTextChars?: number;
  /**
   * HTML longer than this is not converted whole (characters): mailparser refuses root HTML over
   * it, and only this much of the HTML is converted here, with `textTruncated` set. Default
   * 1,000,000: the text kept is at most a million characters anyway, and converting HTML builds
   * a DOM of it; at 2,000,000 a 45 MB HTML-only message took the mailbox worker past 200 MB RSS.
   * A long Outlook thread cut here loses its oldest quoted messages, never the newest at the top.
   */
  maxHtmlChars?: number;
}

/*
 * Limits on untrusted input. The parser's own limits (head size, part count) turn a message that
 * breaks them into a `parse_error`; the rest cut what is kept so a record stays small (those of
 * header values are in header-values.ts, the HTML nesting bound in html-to-plain-text.ts).
 */
/** Bytes of one header block (mailsplit's default, stated here so it is visible). */
const MAX_HEAD_BYTES = 1024 * 1024;
/** MIME parts in one message; 200-level nesting fits, 5,000 does not. */
const MAX_MIME_PARTS = 1_000;
const MAX_SUBJECT = 1_000;
/**
 * mailparser hashes every attachment with MD5 unless told `false` (its types say only a string,
 * the parser takes `false` since 3.11); we hash them ourselves (SHA-256, describeAttachment) and
 * never read its checksum. Without it a host whose OpenSSL refuses MD5 (FIPS) can parse too.
 */
const NO_CHECKSUM = { checksumAlgo: false } as unknown as Pick<MailParserOptions, 'checksumAlgo'>;

/**
 * Parses one message from a byte stream with mailparser's streaming parser: attachments are
 * hashed and described while they stream past, never held in memory. Text parts are held until
 * the end (mailparser joins them), but only up to a few bytes per character kept
 * (text-part-cap.ts), so a huge text or HTML body costs no more than a normal one.
 *
 * Rejects with AppError `parse_error` (permanent) when the bytes are not parseable MIME within
 * the limits above, and with the source's own error when reading the source fails.
 */
export function parseMessageStream(source: Readable, options: ParseOptions = {}): Promise<ParsedMessage> {
  const maxTextChars = options.maxTextChars ?? 1_000_000;
  const maxHtmlChars = options.maxHtmlChars ?? 1_000_000;
  return new Promise((resolve, reject) => {
    const normaliser = makeLineEndingNormaliser();
    const parser = new MailParser({
      maxHtmlLengthToParse: maxHtmlChars,
      maxHeadSize: MAX_HEAD_BYTES,
      maxChildNodes: MAX_MIME_PARTS,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      ...NO_CHECKSUM,
    });
    // Enough encoded bytes for the characters kept (text: up to 3 per character for UTF-8 in base64; HTML, mostly ASCII markup: 2).
    const cap = capTextParts(parser, { text: 3 * maxTextChars, html: 2 * maxHtmlChars });
    let headers: Headers = new Map();
    let headerLines: HeaderLines = [];
    let body: Body = { text: '', textTruncated: false, hasHtml: false };
    const attachments: ParsedMessage['attachments'] = [];
    const pendingAttachments: Promise<void>[] = [];
    let settled = false;
    const stop = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(normaliser);
      normaliser.unpipe(parser);
      // Keep the source flowing so the caller can finish hashing it.
      source.resume();
      reject(error);
    };
    const fail = (cause: unknown) =>
      stop(new AppError('parse_error', 'The message could not be parsed as MIME.', { cause, permanent: true }));

    parser.on('headers', (value: Headers) => {
      headers = value;
    });
    parser.on('headerLines', (value: HeaderLines) => {
      headerLines = value;
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'text') {
        body = bodyOf(data, isHtmlRoot(headers), maxTextChars, maxHtmlChars);
        return;
      }
      pendingAttachments.push(describeAttachment(data).then((info) => void attachments.push(info)));
    });
    parser.on('error', fail);
    normaliser.on('error', fail);
    // A failing source (a dropped IMAP connection) is not a malformed message: pass its error on.
    source.on('error', stop);
    parser.on('end', () => {
      if (settled) return;
      Promise.all(pendingAttachments).then(() => {
        if (settled) return;
        settled = true;
        resolve(buildMessage(headers, headerLines, cap.truncated() ? { ...body, textTruncated: true } : body, attachments));
      }, fail);
    });
    source.pipe(normaliser).pipe(parser);
  });
}

export function parseRawMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  return parseMessageStream(Readable.from([raw]), options);
}

interface Body {
  text: string;
  textTruncated: boolean;
  hasHtml: boolean;
}

function isHtmlRoot(headers: Headers): boolean {
  const contentType = headers.get('content-type');
  return !!contentType && typeof contentType === 'object' && 'value' in contentType && String(contentType.value).toLowerCase() === 'text/html';
}

/**
 * The message text. HTML is converted here, with one configuration, whenever the text comes from
 * HTML alone: a root text/html part (mailparser's own conversion wraps at 80 columns and runs
 * table cells together, so it is replaced), and HTML that mailparser leaves without text, which
 * is Outlook's HTML inside multipart/related (an inline logo) or multipart/mixed (an attachment),
 * and root HTML over `maxHtmlChars`. Text that mailparser joined from plain and HTML parts side
 * by side (a forward as attachment) is kept as mailparser made it.
 */
function bodyOf(data: MessageText, htmlRoot: boolean, maxTextChars: number, maxHtmlChars: number): Body {
  const html = typeof data.html === 'string' ? data.html : '';
  let text = typeof data.text === 'string' ? data.text : '';
  let textTruncated = false;
  if (html.trim() && (htmlRoot || !text.trim())) {
    textTruncated = html.length > maxHtmlChars;
    text = htmlToPlainText(textTruncated ? html.slice(0, maxHtmlChars) : html);
  }
  if (text.length > maxTextChars) {
    text = text.slice(0, maxTextChars);
    textTruncated = true;
  }
  return { text: cleanText(text), textTruncated, hasHtml: html.length > 0 };
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
        filename: typeof data.filename === 'string' ? cleanInline(data.filename).slice(0, 500) : null,
        contentType: cleanInline(String(data.contentType ?? 'application/octet-stream')).slice(0, 200),
        size,
        sha256: hash.digest('hex'),
      });
    });
  });
}

function buildMessage(headers: Headers, headerLines: HeaderLines, body: Body, attachments: ParsedMessage['attachments']): ParsedMessage {
  const contentType = headers.get('content-type');
  const date = headers.get('date');
  return {
    messageId: messageIdOf(headers.get('message-id')),
    inReplyTo: messageIdOf(headers.get('in-reply-to')),
    references: referencesOf(headers.get('references')),
    from: firstAddress(headers.get('from')),
    replyTo: firstAddress(headers.get('reply-to')),
    to: addressesOf(headers.get('to')),
    cc: addressesOf(headers.get('cc')),
    subject: (stringHeader(headers.get('subject')) ?? '').slice(0, MAX_SUBJECT),
    date: date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
    headers: headerMap(headerLines),
    contentType:
      contentType && typeof contentType === 'object' && 'value' in contentType
        ? cleanInline(String(contentType.value)).toLowerCase().slice(0, 200)
        : 'text/plain',
    text: body.text,
    textTruncated: body.textTruncated,
    hasHtml: body.hasHtml,
    attachments,
  };
}
