import { z } from 'zod';
import { AppError } from '../errors.ts';
import { ComplaintIdSchema } from '../domain/reply-types.ts';

/**
 * Command-line input read with zod: each command declares a schema for its options and
 * positionals, and a value that does not fit is a usage error (exit 2) naming the option.
 */
export const usage = (message: string) => new AppError('usage', message, { permanent: true });

/** One value with its schema; `what` names it in the message (`--weeks: --weeks is at most 4`). */
export function need<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw usage(`${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/**
 * A command's whole input with its object schema. Each field is named as the person typed it:
 * `--<field>`, or `reference` for the complaint's reference.
 */
export function parseInput<S extends z.ZodObject>(schema: S, input: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const byField = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'input');
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  throw usage([...byField].map(([field, messages]) => `${field === 'id' ? 'reference' : `--${field}`}: ${messages.join('; ')}`).join('\n'));
}

/** Required text an officer types. */
export const text = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} may not be empty`);

/** The complaint a command acts on: the third word, upper-cased. */
export const ReferenceInput = z
  .string({ error: 'give the reference, like KL-2026-00042' })
  .transform((value) => value.toUpperCase())
  .pipe(ComplaintIdSchema);
