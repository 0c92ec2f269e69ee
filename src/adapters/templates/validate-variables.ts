import { AppError } from '../../errors.ts';
import { longDateLanguage } from '../../domain/format-date.ts';
import type { Language, TemplateType } from '../../domain/reply-types.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../domain/template-variables.ts';

/**
 * Checks variables against the type's schema, and that every formatted date is in the mail's
 * language. Messages name the fields, never their values.
 */
export function validateVariables(type: TemplateType, lang: Language, variables: unknown): unknown {
  const result = TEMPLATE_VARIABLE_SCHEMAS[type].safeParse(variables);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(variables)';
      const detail = issue.code === 'unrecognized_keys' ? `not a variable of ${type}: ${issue.keys.join(', ')}` : issue.message;
      return `${path}: ${detail}`;
    });
    throw new AppError('template_variables_invalid', `Variables for template ${type} are invalid: ${fields.join('; ')}`, {
      permanent: true,
    });
  }
  const wrong: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const dateLang = longDateLanguage(value);
      if (dateLang && dateLang !== lang) wrong.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}.${i}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  visit(result.data, '');
  if (wrong.length > 0) {
    throw new AppError(
      'template_variables_invalid',
      `Variables for template ${type} are invalid: ${wrong.join(', ')}: date is not formatted in ${lang} (use formatLongDate(date, '${lang}'))`,
      { permanent: true },
    );
  }
  return result.data;
}
