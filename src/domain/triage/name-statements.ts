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

/**
 * `sender`: the From address, or its display name. A lower-case statement is trusted only when
 * the sender's address or name starts with the first name ("ik ben echt bang" names nobody).
 */
export function findStatedName(text: string, sender = ''): string | null {
  for (const { pattern, minWords } of STATEMENTS) {
    for (const match of text.matchAll(pattern)) {
      const name = readName(text.slice(match.index + match[0].length, match.index + match[0].length + 80));
      if (name !== null && nameWordCount(name) >= minWords) return name;
    }
  }
  // A phone-written, all lower-case text: "hoi ik ben lotte van den berg en ik ben 17".
  if (text === text.toLowerCase()) {
    const lower = /\b(?:ik\s+ben|ik\s+heet|mijn\s+naam\s+is|my\s+name\s+is|i'?m|i\s+am)\s+/g;
    for (const match of text.matchAll(lower)) {
      const words = text.slice(match.index + match[0].length).split(/[\s,.!?]+/).slice(0, 5);
      const until = words.findIndex((word) => /^(?:en|and|uit|from|van\s+\d|\d+|ik|i|ben|heb|woon|live)$/.test(word));
      const name = readWholeName(words.slice(0, until < 0 ? 4 : until).join(' '), { allowLowerCase: true });
      const first = name?.split(' ')[0]?.toLowerCase() ?? '';
      if (name !== null && nameWordCount(name) >= 2 && first.length >= 2 && sender.toLowerCase().replace(/^["'\s]+/, '').startsWith(first)) return name;
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
