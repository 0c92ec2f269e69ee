import { join, resolve } from 'node:path';
import { LanguageSchema } from '../../domain/reply-types.ts';
import type { Language, TemplateType } from '../../domain/reply-types.ts';

/**
 * Where templates live: `templates/<type>/<lang>.<part>.hbs`, shared partials in
 * `templates/partials/<name>.hbs` (used as `{{> name}}`). See templates/README.md.
 */

/** The templates that ship with the service (`templates/` at the project root); resolved only here. */
export const TEMPLATES_DIR = resolve(import.meta.dirname, '..', '..', '..', 'templates');

export const LANGUAGES: readonly Language[] = LanguageSchema.options;
export const TEMPLATE_PARTS = ['subject', 'text', 'html'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export const templateFile = (dir: string, type: TemplateType, lang: Language, part: TemplatePart) => join(dir, type, `${lang}.${part}.hbs`);
