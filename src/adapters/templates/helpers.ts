import Handlebars from 'handlebars';
import { splitLines, splitParagraphs } from '../../domain/officer-text.ts';

/**
 * The helpers a template may use besides the blocks if, unless, each and with: registered with
 * Handlebars when templates are compiled (compile.ts) and the only ones the checker
 * (template-check.ts) lets through, with their number of values. A helper with an `html`
 * variant uses that one in the HTML part.
 */
export const CUSTOM_HELPERS = {
  /** `{{plural weeks "week" "weken"}}` -> "1 week", "4 weken". */
  plural: { params: 3, fn: (count: unknown, one: unknown, many: unknown) => `${String(count)} ${count === 1 ? String(one) : String(many)}` },
  /** `{{#if (eq kind "handling")}}` */
  eq: { params: 2, fn: (a: unknown, b: unknown) => a === b },
  /** `{{#if (lt daysLeft 0)}}` */
  lt: { params: 2, fn: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a < b },
  /** `{{abs daysLeft}}`: 3 for -3. */
  abs: { params: 1, fn: (n: unknown) => (typeof n === 'number' ? Math.abs(n) : n) },
  /**
   * `{{paragraphsOf reasons}}`: officer text with its paragraphs (blank lines) and line breaks.
   * In HTML a `<p>` per paragraph and `<br>` per line break, every line escaped; in text as written.
   */
  paragraphsOf: {
    params: 1,
    fn: (text: unknown) => String(text),
    html: (text: unknown) => new Handlebars.SafeString(splitParagraphs(String(text)).map((p) => `<p>${escapedLines(p)}</p>`).join('\n')),
  },
  /** `<li>Waar: {{lineBreaks place}}</li>`: officer text inside a line; in HTML its line breaks become `<br>`, escaped. */
  lineBreaks: { params: 1, fn: (text: unknown) => String(text), html: (text: unknown) => new Handlebars.SafeString(escapedLines(String(text))) },
} as const satisfies Record<string, { params: number; fn: (...args: never[]) => unknown; html?: (...args: never[]) => unknown }>;

/** The lines of officer text, each HTML-escaped, joined by `<br>`: the only HTML a helper makes. */
function escapedLines(text: string): string {
  return splitLines(text).map((line) => Handlebars.escapeExpression(line)).join('<br>\n');
}

export type CustomHelperName = keyof typeof CUSTOM_HELPERS;
export const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
export const isCustomHelper = (name: string): name is CustomHelperName => Object.hasOwn(CUSTOM_HELPERS, name);
