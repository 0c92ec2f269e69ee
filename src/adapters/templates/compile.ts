import Handlebars from 'handlebars';
import type { Language } from '../../domain/reply-types.ts';
import { CUSTOM_HELPERS } from './helpers.ts';
import type { TemplatePart } from './layout.ts';
import type { ParsedTemplate } from './template-check.ts';

/**
 * Compiling and rendering: one Handlebars environment for text and subjects (no escaping) and
 * one for HTML (escaped), both strict and limited to our helpers; output normalised so skipped
 * sections leave no stray blank lines.
 */
type Environment = ReturnType<typeof Handlebars.create>;
export type Compiled = Record<TemplatePart, Handlebars.TemplateDelegate<unknown>>;

export function makeEnvironment(html: boolean, partials: ReadonlyMap<string, ParsedTemplate>): Environment {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(CUSTOM_HELPERS)) env.registerHelper(name, html && 'html' in helper ? helper.html : helper.fn);
  // Partials are compiled up front with this environment's options: a partial registered as a
  // string is compiled lazily with whichever template uses it first, and cached.
  for (const [name, partial] of partials) env.registerPartial(name, env.compile(partial.source, compileOptions(html)));
  return env;
}

export function compileOptions(html: boolean): CompileOptions {
  return {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(CUSTOM_HELPERS).map((name) => [name, true])),
    noEscape: !html,
  };
}

function normaliseSubject(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Drops trailing spaces and the blank lines that skipped sections leave behind. */
function normaliseText(value: string): string {
  return `${value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function renderPart(template: Handlebars.TemplateDelegate<unknown>, part: TemplatePart, data: unknown): string {
  const raw = template(data);
  return part === 'subject' ? normaliseSubject(raw) : normaliseText(raw);
}

/** Checks of the rendered sample that a static walk cannot see. */
export function checkRendered(part: TemplatePart, lang: Language, output: string): string | null {
  if (part === 'subject' && output === '') return 'the subject is empty';
  if (part === 'html') {
    if (!new RegExp(`<html[^>]*\\slang="${lang}"`).test(output)) return `the HTML part needs <html lang="${lang}">`;
    if (/<(img|script|iframe|object|embed)\b/i.test(output)) return 'the HTML part may not contain images or scripts';
    if (!/<h1\b/i.test(output) || !/<p\b/i.test(output)) return 'the HTML part needs a heading (<h1>) and paragraphs (<p>)';
  }
  return null;
}

/**
 * What only an e-mail can say, refused in the printed letter (`byPost`): a letter on paper cannot
 * be answered by replying, is no automatic message, and comes from no mailbox.
 */
const EMAIL_ONLY = /\b((antwoord|antwoorden|reply|replying)\b[^.?!]{0,20}\b(deze e-?mail|this e-?mail)|deze mailbox|this mailbox|automatisch bericht|automatic message)\b/i;

/** Checks of the rendered sample of the printed letter (byPost): nothing only an e-mail can say. */
export function checkOnPaper(output: string): string | null {
  const found = EMAIL_ONLY.exec(output)?.[0];
  return found ? `the printed letter (byPost) says "${found}"; on paper, say how to write or call instead ({{#if byPost}} ... {{else}} ... {{/if}})` : null;
}
