/**
 * Text an officer typed in a form (the reasons of an outcome, where a hearing takes place, a
 * blank letter) keeps its shape in a letter: a blank line starts a new paragraph, a single line
 * break stays a line break. The one rule for both, used to split a blank letter into its
 * paragraphs and by the templates' `paragraphsOf` and `lineBreaks` helpers for the HTML part.
 */

const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

/** Paragraphs as the officer separated them with blank lines, trimmed; empty ones dropped. Line breaks inside one stay. */
export function splitParagraphs(text: string): string[] {
  return normalise(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]+$/gm, '').trim())
    .filter(Boolean);
}

/** The lines of one paragraph (or of any text), trimmed at the end; blank lines dropped. */
export function splitLines(text: string): string[] {
  return normalise(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}
