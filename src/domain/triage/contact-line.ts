import { capitalize } from './text.ts';
import { PARTICLES } from './names.ts';
import { placeAt } from './places.ts';
import type { PostalAddress } from './triage-result.ts';

/**
 * A name and address written on a phone in one lower-case line, without punctuation:
 * `youssef el idrissi hoflaan 23 2331gd leiden 0623344556`, or `ik woon aan de hooigracht 41 in
 * leiden`. Capitals cannot mark a street or a name here, so the street is the word with a street
 * ending that a house number follows, the name the few words before it (when they are no
 * sentence), and the city a known place or the word after a postcode.
 */
const STREET_END = /^[\p{Ll}'’.-]*(?:straat|weg|laan|plein|gracht|kade|singel|dijk|pad|hof|dreef|markt|park|steeg|plantsoen|erf|baan|wal|burgwal|haven|vaart|zijde)$/u;
const HOUSE_NUMBER = /^\d{1,5}[a-z]{0,2}(?:-(?:[ivx]{1,4}|\d{1,4}|[a-z]{1,3}|bis))?$/i;
const POSTCODE_WHOLE = /^([1-9]\d{3})([a-z]{2})$/i;
const POSTCODE_DIGITS = /^[1-9]\d{3}$/;
/** Particles of street names after people (`burgemeester van der werffstraat`); a bare `de` or `aan` is the sentence's. */
const STREET_NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'der', 'den', 'ter', 'ten']);
/** Words of a sentence, never of a name. */
const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  'ik', 'wij', 'we', 'woon', 'wonen', 'woont', 'aan', 'de', 'het', 'mijn', 'ons', 'adres', 'is', 'op', 'te', 'in',
  'en', 'bij', 'naar', 'via', 'my', 'address', 'i', 'live', 'at', 'the', 'is', 'nu', 'hier', 'zit', 'ben',
]);

export interface ContactLine {
  name: string | null;
  address: PostalAddress;
}

/** Reads the first lower-case clause of `line` that holds a street, a house number and more. */
export function readContactLine(line: string): ContactLine | null {
  for (const clause of line.split(/[.!?;]\s+/)) {
    const found = readClause(clause);
    if (found !== null) return found;
  }
  return null;
}

function readClause(line: string): ContactLine | null {
  if (line !== line.toLowerCase() || line.length > 200) return null;
  const words = line.trim().replace(/[,;]/g, ' ').split(/\s+/).filter(Boolean);
  for (let index = 0; index < words.length - 1; index += 1) {
    if (!STREET_END.test(words[index] ?? '') || !HOUSE_NUMBER.test(words[index + 1] ?? '')) continue;
    let start = index;
    // `2e binnenvestgracht`: an ordinal belongs to the street.
    if (/^\d{1,2}e$/.test(words[index - 1] ?? '')) start -= 1;
    if (STREET_NAME_PARTICLES.has(words[index - 1] ?? '')) {
      while (start > 0 && PARTICLES.has(words[start - 1] ?? '')) start -= 1;
      if (start > 0) start -= 1;
    }
    const street = words.slice(start, index + 1).map((word, position) => (position > 0 && PARTICLES.has(word) ? word : capitalize(word))).join(' ');
    const { postcode, city } = readRest(words.slice(index + 2));
    return { name: readName(words.slice(0, start)), address: { street, houseNumber: words[index + 1] ?? null, postcode, city } };
  }
  return null;
}

function readRest(rest: readonly string[]): { postcode: string | null; city: string | null } {
  let postcode: string | null = null;
  let at = 0;
  const whole = POSTCODE_WHOLE.exec(rest[0] ?? '');
  if (whole) {
    postcode = `${whole[1]} ${(whole[2] ?? '').toUpperCase()}`;
    at = 1;
  } else if (POSTCODE_DIGITS.test(rest[0] ?? '') && /^[a-z]{2}$/i.test(rest[1] ?? '')) {
    postcode = `${rest[0]} ${(rest[1] ?? '').toUpperCase()}`;
    at = 2;
  }
  if (/^(?:in|te)$/.test(rest[at] ?? '')) at += 1;
  const known = placeAt(rest.slice(at));
  if (known !== null) return { postcode, city: known.place };
  const next = rest[at] ?? '';
  // After a postcode the next word is the city, known to us or not.
  return { postcode, city: postcode !== null && /^\p{Ll}[\p{Ll}'’-]+$/u.test(next) ? capitalize(next) : null };
}

function readName(words: readonly string[]): string | null {
  if (words.length < 2 || words.length > 5 || words.some((word) => SENTENCE_WORDS.has(word) || !/^[\p{Ll}'’-]+$/u.test(word))) return null;
  return words.map((word, position) => (position > 0 && PARTICLES.has(word) ? word : capitalize(word))).join(' ');
}
