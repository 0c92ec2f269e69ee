import { nameWordCount, readName, readWholeName } from './names.ts';

/**
 * A name the sender states in the text: "Mijn naam is ...", "Ik, ..., wil", "ondergetekende ...",
 * "My name is ...", or form lines ("Naam: ...", "Voornaam:" with "Achternaam:").
 */

interface Statement {
  pattern: RegExp;
  /** Statements that also open ordinary sentences ("Ik ben boos") need first and last name. */
  minWords: number;
}

const STATEMENTS: readonly Statement[] = [
  { pattern: /\bmijn naam is\s+/gi, minWords: 1 },
  { pattern: /\bik heet\s+/gi, minWords: 1 },
  { pattern: /\bmy name is\s+/gi, minWords: 1 },
  { pattern: /\bondergetekende,?\s+/gi, minWords: 2 },
  { pattern: /\b[Ii]k,\s+(?=\p{Lu})/gu, minWords: 1 },
  { pattern: /\b[Ii]k ben\s+(?=\p{Lu})/gu, minWords: 2 },
  { pattern: /\bI am\s+(?=\p{Lu})/gu, minWords: 2 },
  { pattern: /\bI'm\s+(?=\p{Lu})/gu, minWords: 2 },
  { pattern: /\bthis is\s+(?=\p{Lu})/gu, minWords: 2 },
];

const FORM_NAME = /^[ \t]*(?:naam|volledige naam|naam (?:indiener|klager|melder)|name|full name)[ \t]*:[ \t]*(.+)$/im;
const FORM_FIRST = /^[ \t]*(?:voornaam|voornamen|voorletters|first name)[ \t]*:[ \t]*(.+)$/im;
const FORM_INFIX = /^[ \t]*(?:tussenvoegsel|tussenvoegsels)[ \t]*:[ \t]*(.*)$/im;
const FORM_LAST = /^[ \t]*(?:achternaam|familienaam|surname|last name)[ \t]*:[ \t]*(.+)$/im;

export function findStatedName(text: string): string | null {
  for (const { pattern, minWords } of STATEMENTS) {
    for (const match of text.matchAll(pattern)) {
      const name = readName(text.slice(match.index + match[0].length, match.index + match[0].length + 80));
      if (name !== null && nameWordCount(name) >= minWords) return name;
    }
  }
  return null;
}

export function findFormName(text: string): string | null {
  const full = FORM_NAME.exec(text)?.[1];
  if (full) return readWholeName(full, { allowLowerCase: full === full.toLowerCase() });
  const first = FORM_FIRST.exec(text)?.[1]?.trim();
  const last = FORM_LAST.exec(text)?.[1]?.trim();
  if (!first || !last) return null;
  const infix = FORM_INFIX.exec(text)?.[1]?.trim().toLowerCase() ?? '';
  return readWholeName([first, infix, last].filter(Boolean).join(' '));
}
