import { existsSync } from 'node:fs';
import { AppError } from '../../errors.ts';
import { TEMPLATE_TYPES } from '../../domain/reply-types.ts';
import type { Language, TemplateType } from '../../domain/reply-types.ts';
import { isPostable, type TemplateVariables } from '../../domain/template-variables.ts';
import { checkOnPaper, checkRendered, compileOptions, makeEnvironment, renderPart, type Compiled } from './compile.ts';
import { LANGUAGES, TEMPLATE_PARTS, templateFile } from './layout.ts';
import { byPostSample, SAMPLE_VARIABLES } from './sample-variables.ts';
import { checkTemplate } from './template-check.ts';
import { findStrayFiles, isDirectory, loadError, parseFile, readPartials, type Problem } from './template-files.ts';
import { validateVariables } from './validate-variables.ts';

/**
 * Reply and officer templates, loaded once per process (see templates/README.md). Everything is
 * checked when the service starts, so a broken template stops start-up with a message naming the
 * file instead of failing on the first complaint:
 * 1. every type x language x part exists and parses (template-files.ts);
 * 2. a static walk over each template (and the partials it uses) checks every variable against
 *    the type's zod schema, including branches the sample data never takes, and only allows our
 *    helpers, no `{{{triple}}}` in HTML, and subjects that use only SUBJECT_VARIABLES
 *    (template-check.ts);
 * 3. each template is compiled in strict mode and rendered with SAMPLE_VARIABLES (compile.ts); a
 *    type that can go on paper (POSTABLE_TYPES) also as the printed letter (`byPost`), which may
 *    not say what only an e-mail can ("reply to this e-mail", "this mailbox", "automatic
 *    message"; checkOnPaper in compile.ts).
 */

export interface RenderedMail {
  /** One line, trimmed. */
  subject: string;
  /** Plain text, not HTML-escaped, ends with one newline. */
  text: string;
  /** A complete HTML document; variables are HTML-escaped. */
  html: string;
}

export interface TemplateSet {
  readonly dir: string;
  /** Validates `variables` with the type's schema, then renders all three parts. */
  render<T extends TemplateType>(type: T, lang: Language, variables: TemplateVariables[T]): RenderedMail;
}

/**
 * Reads, checks and compiles every template under `dir`. Throws `AppError` with code
 * `template_missing` (a type, language or part has no file) or `template_invalid` (anything else),
 * listing every problem with the file it is in.
 */
export function loadTemplates(dir: string): TemplateSet {
  if (!isDirectory(dir)) {
    throw new AppError('template_missing', `Template folder ${dir} not found; set the path to the templates folder.`, {
      permanent: true,
    });
  }
  const problems: Problem[] = [];
  findStrayFiles(dir, problems);
  const partials = readPartials(dir, problems);
  const sources = new Map<string, string>();

  for (const type of TEMPLATE_TYPES) {
    for (const lang of LANGUAGES) {
      for (const part of TEMPLATE_PARTS) {
        const file = templateFile(dir, type, lang, part);
        if (!existsSync(file)) {
          problems.push({ code: 'template_missing', message: `${file}: file is missing (${type}, ${lang}, ${part})` });
          continue;
        }
        const parsed = parseFile(file, problems);
        if (!parsed) continue;
        sources.set(file, parsed.source);
        for (const message of checkTemplate(parsed, { type, part, partials })) problems.push({ code: 'template_invalid', message });
      }
    }
  }
  if (problems.length > 0) throw loadError(dir, problems);

  const envs = { text: makeEnvironment(false, partials), html: makeEnvironment(true, partials) };
  const compiled = new Map<string, Compiled>();
  for (const type of TEMPLATE_TYPES) {
    for (const lang of LANGUAGES) {
      const parts = {} as Compiled;
      for (const part of TEMPLATE_PARTS) {
        const file = templateFile(dir, type, lang, part);
        const env = part === 'html' ? envs.html : envs.text;
        parts[part] = env.compile(sources.get(file) ?? '', compileOptions(part === 'html'));
        // A type that can go on paper is rendered twice: as the e-mail and as the printed letter.
        const samples = isPostable(type) ? [SAMPLE_VARIABLES[lang][type], byPostSample(type, lang)] : [SAMPLE_VARIABLES[lang][type]];
        for (const sample of samples) {
          const byPost = 'byPost' in sample && sample.byPost;
          const which = byPost ? 'the sample data of the printed letter (byPost)' : 'the sample data';
          try {
            const output = renderPart(parts[part], part, sample);
            const issue = checkRendered(part, lang, output);
            if (issue) problems.push({ code: 'template_invalid', message: `${file}: ${issue}${byPost ? ' (in the printed letter, byPost)' : ''}` });
            const onPaper = byPost ? checkOnPaper(output) : null;
            if (onPaper) problems.push({ code: 'template_invalid', message: `${file}: ${onPaper}` });
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            problems.push({ code: 'template_invalid', message: `${file}: fails with ${which}: ${detail}` });
          }
        }
      }
      compiled.set(`${type}/${lang}`, parts);
    }
  }
  if (problems.length > 0) throw loadError(dir, problems);

  return {
    dir,
    render<T extends TemplateType>(type: T, lang: Language, variables: TemplateVariables[T]): RenderedMail {
      const data = validateVariables(type, lang, variables);
      const parts = compiled.get(`${type}/${lang}`);
      if (!parts) throw new AppError('template_missing', `No template for ${type} in ${lang}.`, { permanent: true });
      const out = {} as RenderedMail;
      for (const part of TEMPLATE_PARTS) {
        try {
          out[part] = renderPart(parts[part], part, data);
        } catch (error) {
          throw new AppError(
            'template_render_failed',
            `Rendering ${templateFile(dir, type, lang, part)} failed; check the template and its variables.`,
            { cause: error, permanent: true },
          );
        }
      }
      return out;
    },
  };
}
