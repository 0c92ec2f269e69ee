/**
 * Where the sender's own words end and a quoted earlier message begins. Only what the sender
 * wrote is triaged: a quoted acknowledgement of ours must not make a reply look like a complaint,
 * and the quoted text is no evidence about the sender.
 */

/** Each pattern matches the first line of a quote; a match at index 0 means the whole text is quoted. */
const QUOTE_MARKERS: readonly RegExp[] = [
  // Gmail / Apple: "Op di 24 nov 2026 om 10:15 schreef Naam <a@b.nl>:"; needs a time or an address
  // so that "Op 3 november schreef mevrouw Jansen in haar rapport:" is not taken for a quote.
  /^(?:Op|On|Am|Le)\s[^\n]{0,200}?(?:\d{1,2}:\d{2}|@)[^\n]{0,200}(?:\n[^\n]{0,200})?\b(?:schreef|wrote|geschreven|schrieb|a écrit)\b[^\n]{0,120}(?:\n[^\n]{0,120})?:[ \t]*$/m,
  /^-{2,}\s*(?:Oorspronkelijk bericht|Origineel bericht|Original Message|Urspr[üu]ngliche Nachricht)\s*-{2,}/im,
  /^_{10,}[ \t]*\n(?:[ \t]*\n)?\*?(?:Van|From):/m,
  /^\*?(?:Van|From):\*?[ \t][^\n]+\n(?:[ \t]*\n)?\*?(?:Verzonden|Sent|Datum|Date):/m,
];

/** Index of the first quote marker, or -1. */
export function quoteStart(text: string): number {
  let first = -1;
  for (const marker of QUOTE_MARKERS) {
    const match = marker.exec(text);
    if (match && (first < 0 || match.index < first)) first = match.index;
  }
  return first;
}

/** The text above the first quote, without `>`-quoted lines. */
export function cutQuotedReply(text: string): string {
  const start = quoteStart(text);
  const own = start >= 0 ? text.slice(0, start) : text;
  return own
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .trim();
}
