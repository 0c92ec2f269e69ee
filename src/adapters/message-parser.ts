import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { compile } from 'html-to-text';
import { MailParser } from 'mailparser';
import type { AddressObject, AttachmentStream, HeaderLines, Headers, MessageText } from 'mailparser';
import { AppError } from '../errors.ts';
import type { MailAddress, ParsedMessage } from '../domain/parsed-message.ts';
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
 * breaks them into a `parse_error`; the rest cut what is kept so a record stays small.
 */
/** Bytes of one header block (mailsplit's default, stated here so it is visible). */
const MAX_HEAD_BYTES = 1024 * 1024;
/** MIME parts in one message; 200-level nesting fits, 5,000 does not. */
const MAX_MIME_PARTS = 1_000;
/** Distinct header names kept; repeats of a kept name do not count. */
const MAX_HEADERS = 200;
/** Characters kept of one header value. */
const MAX_HEADER_VALUE = 4_000;
/** Values kept of one repeated header (a Received chain). */
const MAX_HEADER_REPEATS = 50;
/** RFC 5322 caps a line at 998 characters; a longer message id is not one. */
const MAX_MESSAGE_ID = 998;
const MAX_REFERENCES = 100;
const MAX_SUBJECT = 1_000;
const MAX_ADDRESSES = 100;
/** Element nesting the HTML converter is given; mailparser uses the same bound. */
const MAX_HTML_DEPTH = 1_000;

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

/** A header name is printable ASCII without a colon (RFC 5322 ftext). */
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * Lower-case name -> unfolded raw value(s), repeats joined by "\n". Every line of the head is
 * looked at (the head is capped at MAX_HEAD_BYTES), so a long Received chain cannot push an
 * `Auto-Submitted` further down out of the map; only new names past MAX_HEADERS are dropped.
 */
function headerMap(headerLines: HeaderLines): Record<string, string> {
  const values = new Map<string, string[]>();
  for (const { key, line } of headerLines) {
    const name = key.toLowerCase();
    if (!HEADER_NAME.test(name)) continue;
    let kept = values.get(name);
    if (kept === undefined) {
      if (values.size >= MAX_HEADERS) continue;
      kept = [];
      values.set(name, kept);
    }
    if (kept.length >= MAX_HEADER_REPEATS) continue;
    const colon = line.indexOf(':');
    // Slice before unfolding so a megabyte-long line costs no more than a short one.
    const raw = colon >= 0 ? line.slice(colon + 1, colon + 1 + 2 * MAX_HEADER_VALUE) : '';
    kept.push(cleanInline(raw.replace(/\r?\n[ \t]+/g, ' ')).trim().slice(0, MAX_HEADER_VALUE));
  }
  const out: Record<string, string> = {};
  for (const [name, list] of values) out[name] = list.join('\n');
  return out;
}

/** Control characters other than tab and line feed: NUL and friends never belong in text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Line ends become LF, control characters go, and no-break spaces (Outlook's `&nbsp;`) become spaces. */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/\u00a0/g, ' ');
}

/** One-line values (header values, names): line breaks become spaces, other controls go. */
function cleanInline(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(CONTROL, '');
}

function stringHeader(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  return cleanInline(first).trim() || null;
}

/** A message id as written (brackets kept), or null when absent or longer than a line may be. */
function messageIdOf(value: unknown): string | null {
  const id = stringHeader(value);
  return id !== null && id.length <= MAX_MESSAGE_ID ? id : null;
}

/** The thread root and the nearest ancestors when a References header is too long to keep whole. */
function referencesOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const ids = (raw.match(/<[^<>\s]+>/g) ?? []).filter((id) => id.length <= MAX_MESSAGE_ID).map(cleanInline);
  return ids.length <= MAX_REFERENCES ? ids : [ids[0] ?? '', ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}

/** Every mailbox, group members included, in order; at most MAX_ADDRESSES. */
function addressesOf(value: unknown): MailAddress[] {
  const objects = (Array.isArray(value) ? value : [value]) as (AddressObject | undefined)[];
  const out: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object?.value ?? []) {
      const members = entry.group ?? [entry];
      for (const member of members) {
        if (!member.address) continue;
        out.push({
          name: cleanInline(member.name ?? '').trim().slice(0, 300),
          address: cleanInline(member.address).toLowerCase().slice(0, 320),
        });
        if (out.length >= MAX_ADDRESSES) return out;
      }
    }
  }
  return out;
}

function firstAddress(value: unknown): MailAddress | null {
  return addressesOf(value)[0] ?? null;
}

/*
 * HTML to text with html-to-text, the converter mailparser uses, set up for reading rather than
 * display: no word wrap (a wrapped line can split a street from its house number), table rows on
 * lines of their own with the cells of a row separated by a space (by default cells run together:
 * "AdresHooigracht 15"), no image references (`[cid:image001.png@...]` is noise), no upper-casing
 * of headings (names stay as written), and a link's address only when it differs from its text.
 */
const convertHtml = compile({
  wordwrap: false,
  limits: { maxDepth: MAX_HTML_DEPTH },
  formatters: {
    tableCell: (elem, walk, builder) => {
      builder.addInline(' ');
      walk(elem.children, builder);
      builder.addInline(' ');
    },
  },
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'td', format: 'tableCell' },
    { selector: 'th', format: 'tableCell' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/**
 * Plain text of an HTML body: paragraphs, line breaks, lists, tables and entities as html-to-text
 * renders them. HTML nested deeper than the converter handles (htmlparser2 is quadratic in the
 * depth and html-to-text recurses) is reduced to its text by a linear tag strip instead.
 */
export function htmlToPlainText(html: string): string {
  if (exceedsNestingDepth(html, MAX_HTML_DEPTH)) return stripTags(html);
  try {
    return convertHtml(html).replace(/\u00a0/g, ' ').replace(/^\n+/, '').trimEnd();
  } catch {
    return stripTags(html);
  }
}

/** Elements that never hold content, so a start tag does not open a level. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements the HTML parser closes when a sibling opens (p, li, td): unclosed runs do not nest. */
const IMPLIED_END_ELEMENTS: ReadonlySet<string> = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/**
 * Whether `html` nests elements deeper than `maxDepth`, in one linear pass that follows what
 * htmlparser2 builds: a start tag opens an element, an end tag closes down to the nearest open
 * element of that name (and is ignored when none is open), comments are skipped.
 */
function exceedsNestingDepth(html: string, maxDepth: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let index = html.indexOf('<');
  while (index >= 0) {
    let position = index + 1;
    if (html.startsWith('!--', position)) {
      const end = html.indexOf('-->', position + 3);
      index = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(position) === 0x2f;
    if (closing) position += 1;
    const nameStart = position;
    while (position < html.length && isTagNameChar(html.charCodeAt(position))) position += 1;
    if (position === nameStart) {
      index = html.indexOf('<', position);
      continue;
    }
    const end = html.indexOf('>', position);
    if (end < 0) return false;
    const name = html.slice(nameStart, position).toLowerCase();
    if (!VOID_ELEMENTS.has(name) && !IMPLIED_END_ELEMENTS.has(name)) {
      if (!closing) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > maxDepth) return true;
      } else if (open.get(name)) {
        let popped: string | undefined;
        do {
          popped = stack.pop();
          if (popped !== undefined) open.set(popped, (open.get(popped) ?? 1) - 1);
        } while (popped !== undefined && popped !== name);
      }
    }
    index = html.indexOf('<', end + 1);
  }
  return false;
}

function isTagNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x3a || code === 0x5f;
}

/** Text between tags, in one pass with no backtracking; entities are left as written. */
function stripTags(html: string): string {
  const parts: string[] = [];
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) {
      parts.push(html.slice(position));
      break;
    }
    parts.push(html.slice(position, open));
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    parts.push(' ');
    position = close + 1;
  }
  // Each pattern matches without backtracking, so hostile whitespace runs stay linear.
  return parts.join('').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
