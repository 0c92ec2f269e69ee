import type { AddressObject, HeaderLines } from 'mailparser';
import type { MailAddress } from '../domain/parsed-message.ts';

/**
 * What is kept of a message's headers, from mailparser's view of them: message ids, references,
 * addresses, the raw header map, and the cleaning every untrusted value gets (no control
 * characters; one line where one line belongs). Everything here is cut to the limits below, so a
 * hostile header cannot make a record large.
 */

/** Distinct header names kept; repeats of a kept name do not count. */
const MAX_HEADERS = 200;
/** Characters kept of one header value. */
const MAX_HEADER_VALUE = 4_000;
/** Values kept of one repeated header (a Received chain). */
const MAX_HEADER_REPEATS = 50;
/** RFC 5322 caps a line at 998 characters; a longer message id is not one. */
const MAX_MESSAGE_ID = 998;
const MAX_REFERENCES = 100;
const MAX_ADDRESSES = 100;

/** A header name is printable ASCII without a colon (RFC 5322 ftext). */
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * Lower-case name -> unfolded raw value(s), repeats joined by "\n". Every line of the head is
 * looked at (the parser caps the head at MAX_HEAD_BYTES, message-parser.ts), so a long Received
 * chain cannot push an `Auto-Submitted` further down out of the map; only new names past
 * MAX_HEADERS are dropped.
 */
export function headerMap(headerLines: HeaderLines): Record<string, string> {
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
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(/\u00a0/g, ' ');
}

/** One-line values (header values, names): line breaks become spaces, other controls go. */
export function cleanInline(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(CONTROL, '');
}

export function stringHeader(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  return cleanInline(first).trim() || null;
}

/** A message id as written (brackets kept), or null when absent or longer than a line may be. */
export function messageIdOf(value: unknown): string | null {
  const id = stringHeader(value);
  return id !== null && id.length <= MAX_MESSAGE_ID ? id : null;
}

/** The thread root and the nearest ancestors when a References header is too long to keep whole. */
export function referencesOf(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  const ids = (raw.match(/<[^<>\s]+>/g) ?? []).filter((id) => id.length <= MAX_MESSAGE_ID).map(cleanInline);
  return ids.length <= MAX_REFERENCES ? ids : [ids[0] ?? '', ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}

/** Every mailbox, group members included, in order; at most MAX_ADDRESSES. */
export function addressesOf(value: unknown): MailAddress[] {
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

export function firstAddress(value: unknown): MailAddress | null {
  return addressesOf(value)[0] ?? null;
}
