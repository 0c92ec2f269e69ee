import { findForwarded } from './forwarded.ts';
import type { ForwardedMessage } from './forwarded.ts';
import { cutQuotedReply } from './quoted-reply.ts';
import { normalizeText } from './text.ts';

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

export function splitMessageBody(text: string, subject: string): MessageBody {
  const normalized = normalizeText(text);
  const forwarded = findForwarded(normalized, subject);
  if (forwarded === null) {
    const own = stripDeviceFooters(cutQuotedReply(normalized));
    return { own, forwarded: null, complainantText: own, allText: own };
  }
  const own = stripDeviceFooters(cutQuotedReply(forwarded.note));
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
