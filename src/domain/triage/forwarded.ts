import { cutQuotedReply, quoteStart } from './quoted-reply.ts';

/**
 * A forwarded complaint comes from a colleague (or from the complainant's other mailbox): the
 * complainant is the person inside the forward, and the note above it is the forwarder's.
 */
export interface ForwardedMessage {
  /** What the forwarder wrote above the forward. */
  note: string;
  /** The forwarded message's own text (its quotes removed). */
  text: string;
  /** Display name and address from the forward's `Van:` / `From:` line. */
  fromName: string | null;
  fromEmail: string | null;
  /** The first address on the forward's `Aan:` / `To:` line. */
  toEmail: string | null;
}

/** Markers that always introduce a forward, whatever the subject. */
const FORWARD_MARKERS: readonly RegExp[] = [
  /^[ \t]*-{2,}\s*(?:Doorgestuurd bericht|Doorgestuurd e-?mailbericht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}[ \t]*$/im,
  /^[ \t]*Begin (?:forwarded message|doorgestuurd bericht):[ \t]*$/im,
];

/** Outlook forwards look like quoted replies; the subject tells them apart. */
const FORWARD_SUBJECT = /^\s*(?:(?:re|aw|antw)\s*:\s*)*(?:fwd?|fw|doorst|tr|wg|wtr)\s*:/i;

const HEADER_LINE =
  /^[ \t]*(?:>[ \t]?)*\*?(Van|From|Verzonden|Sent|Datum|Date|Aan|To|Cc|Bcc|Onderwerp|Subject|Betreft|Reply-To|Antwoord aan)\s*:\*?[ \t]*(.*)$/i;

export function findForwarded(text: string, subject: string): ForwardedMessage | null {
  const start = forwardStart(text, subject);
  if (start === null) return null;
  const { from, to, bodyStart } = readHeaderBlock(text, start.headerSearchFrom);
  const sender = parseSender(from ?? '');
  return {
    note: text.slice(0, start.markerAt).trim(),
    text: cutQuotedReply(unquote(text.slice(bodyStart))),
    fromName: sender.name,
    fromEmail: sender.email,
    toEmail: parseSender(to ?? '').email,
  };
}

function forwardStart(text: string, subject: string): { markerAt: number; headerSearchFrom: number } | null {
  let best: { markerAt: number; headerSearchFrom: number } | null = null;
  for (const marker of FORWARD_MARKERS) {
    const match = marker.exec(text);
    if (match && (best === null || match.index < best.markerAt)) {
      best = { markerAt: match.index, headerSearchFrom: match.index + match[0].length };
    }
  }
  if (best !== null) return best;
  if (!FORWARD_SUBJECT.test(subject)) return null;
  const quoted = quoteStart(text);
  if (quoted < 0) return null;
  const firstLineEnd = text.indexOf('\n', quoted);
  const firstLine = text.slice(quoted, firstLineEnd < 0 ? undefined : firstLineEnd);
  // "-----Original Message-----" and "_____" lines are markers; a "Van:" line is already a header.
  const headerSearchFrom = HEADER_LINE.test(firstLine) ? quoted : firstLineEnd < 0 ? text.length : firstLineEnd + 1;
  return { markerAt: quoted, headerSearchFrom };
}

/** Reads `Van:`/`Datum:`/... lines (blank lines between them allowed, as HTML mail gives them). */
function readHeaderBlock(text: string, from: number): { from: string | null; to: string | null; bodyStart: number } {
  let sender: string | null = null;
  let recipient: string | null = null;
  let offset = from;
  for (const line of text.slice(from).split('\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match && line.trim() !== '') break;
    if (match && sender === null && /^(van|from)$/i.test(match[1] ?? '')) sender = match[2] ?? '';
    if (match && recipient === null && /^(aan|to)$/i.test(match[1] ?? '')) recipient = match[2] ?? '';
    offset += line.length + 1;
  }
  return { from: sender, to: recipient, bodyStart: Math.min(offset, text.length) };
}

/** `Naam <a@b.nl>`, `Naam [mailto:a@b.nl]`, `"Meer, J.W. van der" <a@b.nl>` or a bare address. */
export function parseSender(value: string): { name: string | null; email: string | null } {
  const email = /(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)+/.exec(value)?.[0]?.toLowerCase() ?? null;
  const name = value
    .replace(/<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)/gi, '')
    .replace(/[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g, '')
    .replace(/^[\s"']+|[\s"']+$/g, '')
    .trim();
  return { name: name || null, email };
}

/** Removes `> ` quoting when most lines of a forwarded body carry it. */
function unquote(text: string): string {
  const all = text.split('\n').filter((line) => line.trim() !== '');
  const quoted = all.filter((line) => /^\s*>/.test(line));
  if (all.length === 0 || quoted.length < all.length * 0.6) return text;
  return text.replace(/^[ \t]*>[ \t]?/gm, '');
}
