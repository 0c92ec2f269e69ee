/** Small text helpers shared by the triage rules. */

/** Unix newlines, plain spaces, no zero-width characters, no trailing blanks, at most one empty line. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Sentences: split after . ! ? and at line breaks; empty ones dropped. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

/** Lines wrapped inside a paragraph become one line; empty lines still separate paragraphs. */
export function joinWrappedLines(text: string): string {
  return text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
}

/** True when any pattern matches. */
export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

/** `LEIDEN` -> `Leiden`, `ALPHEN AAN DEN RIJN` -> `Alphen aan den Rijn`; mixed case stays as written. */
export function titleCaseIfShouting(text: string, keepLower: ReadonlySet<string>): string {
  if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return text;
  return text
    .toLowerCase()
    .split(' ')
    .map((word, index) => (index > 0 && keepLower.has(word) ? word : capitalize(word)))
    .join(' ');
}

/** Upper-cases the first letter and every letter after a hyphen or apostrophe-s (`'s-gravenhage`). */
export function capitalize(word: string): string {
  return word.replace(/(^|-)(\p{Ll})/gu, (_match, lead: string, letter: string) => lead + letter.toUpperCase());
}
