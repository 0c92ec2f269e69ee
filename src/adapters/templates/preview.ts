import { AppError } from '../../errors.ts';
import { LanguageSchema, TEMPLATE_TYPES } from '../../domain/reply-types.ts';
import type { Language, TemplateType } from '../../domain/reply-types.ts';
import { LANGUAGES } from './layout.ts';
import { loadTemplates, type RenderedMail } from './load-templates.ts';
import { SAMPLE_VARIABLES } from './sample-variables.ts';

/** Previews for the CLI (`templates preview`) and the snapshot tests, in one layout. */

/**
 * A rendered mail as a person reads it: subject, then the text part, then the HTML part; with
 * `byPost`, headed as the printed letter (snapshots <type>.<lang>.post.txt).
 */
export function formatPreview(type: TemplateType, lang: Language, mail: RenderedMail, options: { byPost?: boolean } = {}): string {
  return [
    `Template: ${type} (${lang}${options.byPost ? ', printed letter' : ''}), rendered with sample data`,
    `Subject: ${mail.subject}`,
    '',
    '----- text -----',
    mail.text.trimEnd(),
    '',
    '----- html -----',
    mail.html.trimEnd(),
    '',
  ].join('\n');
}

/**
 * Loads the templates in `dir` and renders one with SAMPLE_VARIABLES, for
 * `npm run --silent cli -- templates preview <type> [--lang en]`. Type and language may come
 * straight from the command line; they are checked here. `formatPreview` lays the result out.
 */
export function renderPreview(dir: string, type: string, lang = 'nl'): RenderedMail {
  if (!(TEMPLATE_TYPES as readonly string[]).includes(type)) {
    throw new AppError('template_unknown_type', `Unknown template type "${type}". Types: ${TEMPLATE_TYPES.join(', ')}.`, {
      permanent: true,
    });
  }
  const language = LanguageSchema.safeParse(lang);
  if (!language.success) {
    throw new AppError('template_unknown_language', `Unknown language "${lang}". Languages: ${LANGUAGES.join(', ')}.`, {
      permanent: true,
    });
  }
  const templateType = type as TemplateType;
  return loadTemplates(dir).render(templateType, language.data, SAMPLE_VARIABLES[language.data][templateType]);
}
