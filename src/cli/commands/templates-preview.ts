import { z } from 'zod';
import { LanguageSchema, TEMPLATE_TYPES, type TemplateType } from '../../domain/reply-types.ts';
import { TEMPLATES_DIR } from '../../adapters/templates/layout.ts';
import { formatPreview, renderPreview } from '../../adapters/templates/preview.ts';
import type { OfflineCommand } from '../command.ts';
import { need } from '../input.ts';

/** `templates preview <type> [--lang nl|en]`: one template with sample data, in the snapshot files' layout. */
const TypeInput = z.enum(TEMPLATE_TYPES as [TemplateType, ...TemplateType[]], { error: `type must be one of: ${TEMPLATE_TYPES.join(', ')}` });
const LangInput = z.enum(LanguageSchema.options, { error: '--lang must be nl or en' }).default('nl');

export const templatesPreviewCommand: OfflineCommand = ({ positionals, values, io }) => {
  const type = need(TypeInput, positionals[2], 'templates preview');
  const lang = need(LangInput, values.lang, '--lang');
  io.out(formatPreview(type, lang, renderPreview(TEMPLATES_DIR, type, lang)));
};
