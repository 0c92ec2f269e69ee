/**
 * The sign-off (`Met vriendelijke groet,`) and the signature under it: where a name, address and
 * phone number are most likely to be. The last sign-off wins, since earlier "groeten" lines can
 * belong to text the sender pasted in.
 */
export interface SignatureSplit {
  /** Text above the sign-off line (all text when there is none). */
  body: string;
  /** Words after the sign-off on the same line (`Groet, Piet`), or null. */
  inlineName: string | null;
  /** Non-empty lines after the sign-off, at most eight. */
  signature: string[];
}

const SIGN_OFF =
  /^\s*(?:(?:met\s+)?(?:vriendelijke|hartelijke|lieve|warme|beste|fijne|collegiale|zonnige|vr\.?)\s+groet(?:en|jes)?|hoogachtend|groet(?:en|jes)?|liefs|doei|mvg|m\.?\s?v\.?\s?g\.?|gr\.?|(?:alvast\s+)?bedankt|bij voorbaat dank|dank u wel|dank je wel|(?:kind|best|warm|warmest)\s+regards|best wishes|best|regards|sincerely|yours (?:sincerely|faithfully|truly)|cheers|many thanks|(?:thanks|thank you)\s+for\s+[^,\n]{1,40}|thanks(?:\s+(?:in advance|a lot|so much|again))?|thank you(?:\s+(?:very much|so much|again|in advance))?)\b[\s,.!:-]*(.*)$/i;

/** A sign-off line carries at most a short name after the phrase. */
const MAX_INLINE_WORDS = 5;

export function splitSignature(text: string): SignatureSplit {
  const all = text.split('\n');
  for (let index = all.length - 1; index >= 0; index -= 1) {
    const match = SIGN_OFF.exec(all[index] ?? '');
    if (!match) continue;
    // "Liefs van Noor", "Love from Sam": the name follows the preposition.
    const inline = (match[1] ?? '').trim().replace(/^(?:van|from)\s+/i, '');
    if (inline.split(/\s+/).length > MAX_INLINE_WORDS) continue;
    return {
      body: all.slice(0, index).join('\n').trim(),
      inlineName: inline || null,
      signature: all.slice(index + 1).map((line) => line.trim()).filter((line) => line !== '').slice(0, 8),
    };
  }
  return { body: text, inlineName: null, signature: [] };
}
