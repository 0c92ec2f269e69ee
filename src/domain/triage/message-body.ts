import { findForwarded } from './forwarded.ts';
import type { ForwardedMessage } from './forwarded.ts';
import { cutQuotedReply } from './quoted-reply.ts';
import { normalizeText } from './text.ts';
import { domainOf, isInDomain } from '../mail-address.ts';

/** "Ik wil hierover een klacht indienen", "I want to complain": the note is the sender's own complaint. */
const FIRST_PERSON_COMPLAINT =
  /\b(?:ik|wij|we)\s+(?:wil|willen|ga|gaan|dien|dienen)\b[^.!?\n]{0,30}\bklacht\w*\b|\bik\s+heb\s+een\s+klacht\b|\bI\s+(?:want|would\s+like|wish)\s+to\s+(?:complain|(?:make|file|lodge|submit)\s+a\s+complaint)\b/i;

/** Our own organisation (the mailbox's domain) and Veilig Thuis's mail domains. */
function isStaffAddress(email: string | null, ownDomain: string | null): boolean {
  if (email === null) return false;
  return /(?:^|[.-])veiligthuis/i.test(domainOf(email)) || (ownDomain !== null && isInDomain(email, ownDomain));
}

/** The parts of a message body the rules look at. */
export interface MessageBody {
  /** What the sender wrote: quotes removed, and for a forward only the note above it. */
  own: string;
  forwarded: ForwardedMessage | null;
  /** The words of the complainant: the forwarded text for a forward, otherwise `own`. */
  complainantText: string;
  /** The forwarder's note and the forwarded text together, for kind, urgency and language. */
  allText: string;
}

const DEVICE_FOOTERS: readonly RegExp[] = [
  /^\s*(?:Verstuurd|Verzonden) (?:vanaf|vanuit|met|via) (?:mijn|de|Outlook|Mail)\b.*$/gim,
  /^\s*Sent (?:from|with|via) (?:my|Outlook|Mail|the)\b.*$/gim,
  /^\s*(?:Get|Download|Haal) Outlook (?:for|voor) (?:iOS|Android)\b.*$/gim,
  /^\s*Outlook voor (?:iOS|Android) downloaden.*$/gim,
];

export function splitMessageBody(text: string, subject: string, fromHtml = false, ownDomain: string | null = null): MessageBody {
  const normalized = normalizeText(fromHtml ? undoWordParagraphSpacing(text) : text);
  const forwarded = findForwarded(normalized, subject);
  if (forwarded === null) {
    const own = stripDeviceFooters(cutQuotedReply(normalized));
    return { own, forwarded: null, complainantText: own, allText: own };
  }
  const own = stripDeviceFooters(cutQuotedReply(forwarded.note));
  // Mail of our own staff that the sender forwards (a worker's report), or anything forwarded
  // under a complaint the sender states in the first person, is evidence for their complaint:
  // its sender is not the complainant, and its text is no message of theirs.
  if (isStaffAddress(forwarded.fromEmail, ownDomain) || FIRST_PERSON_COMPLAINT.test(own)) {
    return { own, forwarded: null, complainantText: own, allText: own };
  }
  const inner = stripDeviceFooters(forwarded.text);
  return {
    own,
    forwarded: { ...forwarded, text: inner },
    complainantText: inner,
    allText: own ? `${own}\n\n${inner}` : inner,
  };
}

function stripDeviceFooters(text: string): string {
  return normalizeText(DEVICE_FOOTERS.reduce((out, footer) => out.replace(footer, ''), text));
}

/**
 * Outlook writes every line as a Word paragraph (`<p class=MsoNormal>`), which becomes a line
 * and an empty line in text, with `<p>&nbsp;</p>` (a line holding only a space) between real
 * paragraphs. Undone, a signature is a block of lines again and paragraphs stay apart.
 */
export function undoWordParagraphSpacing(text: string): string {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const spacers = all.filter((line) => line !== '' && line.trim() === '').length;
  if (spacers < 2) return text;
  return all
    .filter((line) => line !== '')
    .map((line) => (line.trim() === '' ? '' : line))
    .join('\n');
}
