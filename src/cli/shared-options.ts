import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError, errorCode } from '../errors.ts';
import { OUTCOME_CATEGORIES, OutcomeCategorySchema } from '../domain/complaint-handling.ts';
import type { PostalAddress } from '../domain/triage/triage-result.ts';
import type { CliValues } from './args.ts';
import { need, text, usage } from './input.ts';

/**
 * Options that more than one command reads: a text given inline or from a file (`write`,
 * `register`), a postal address (`register`, `correct-triage`), the outcome category (`write`,
 * `close`).
 */

/** `--<option> "..."`, or the contents of `--<option>-file F`. */
export async function textOrFile(values: CliValues, option: 'reasons' | 'description' | 'body', what: string): Promise<string> {
  const file = values[`${option}-file`];
  if (file !== undefined) {
    try {
      return need(text(what), await readFile(file, 'utf8'), `--${option}-file`);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('file_unreadable', `Cannot read ${file} (${errorCode(error)}).`, { cause: error, permanent: true });
    }
  }
  return need(text(`--${option} (or --${option}-file)`), values[option], `--${option}`);
}

/** `2311cs` and `2311 CS` alike; the address schema wants the normalised form. */
export function addressFrom(values: CliValues): PostalAddress | undefined {
  const parts = [values.street, values['house-number'], values.postcode, values.city];
  if (parts.every((part) => part === undefined)) return undefined;
  const postcode = values.postcode?.replace(/\s+/g, '').toUpperCase().replace(/^(\d{4})([A-Z]{2})$/, '$1 $2') ?? null;
  if (postcode !== null && !/^[1-9]\d{3} [A-Z]{2}$/.test(postcode)) throw usage('--postcode must be a Dutch postcode such as 2311 CS');
  return { street: values.street?.trim() || null, houseNumber: values['house-number']?.trim() || null, postcode, city: values.city?.trim() || null };
}

/** `--outcome` became the category; the old free text gets a message saying what to use now. */
export function outcomeCategory(value: string | undefined): z.infer<typeof OutcomeCategorySchema> | undefined {
  if (value === undefined) return undefined;
  const parsed = OutcomeCategorySchema.safeParse(value.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  if (parsed.success) return parsed.data;
  throw usage(
    `--outcome is now the outcome category, one of: ${OUTCOME_CATEGORIES.join(', ')}. Put your own words in --summary "...", ` +
      'send the outcome letter first (complaints write <id> --template outcome ... --send) or say why none is sent with --no-letter "...".',
  );
}
