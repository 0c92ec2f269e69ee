import { z } from 'zod';
import { REGISTERED_CHANNELS } from '../domain/complaint-handling.ts';
import { normalizePhone } from '../domain/triage/phone.ts';
import type { RegisterComplaintInput } from '../domain/registration-plan.ts';
import { dateField, postcodeField, text } from './action-inputs.ts';

/**
 * The "register a complaint" form (a letter, a phone call, a visit): every field checked with
 * zod, Dutch messages per field for the error summary, then handed to app/register-complaint.ts
 * in its own shape. The form's raw values go back into the form when something is wrong.
 */
export const REGISTRATION_FIELDS = ['channel', 'receivedDate', 'name', 'email', 'phone', 'street', 'houseNumber', 'postcode', 'city', 'description', 'employees', 'anonymous', 'language'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type RegistrationValues = Partial<Record<RegistrationField, string>>;

const optional = (what: string, max = 200) => z.string().trim().max(max, `${what} is te lang (hoogstens ${max} tekens)`).optional().transform((v) => (v ? v : null));

function registrationSchema(today: string) {
  return z.object({
    channel: z.enum(REGISTERED_CHANNELS, { error: 'Kies hoe de klacht binnenkwam: per brief, telefoon of bezoek.' }),
    receivedDate: dateField('De datum van ontvangst').refine((date) => date <= today, 'De datum van ontvangst ligt na vandaag. Vul de dag in waarop de klacht binnenkwam.'),
    name: optional('De naam'),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.email({ error: 'Het e-mailadres is niet geldig. Laat het veld leeg als er geen e-mailadres is.' }).nullable()),
    phone: optional('Het telefoonnummer', 40).transform((v, ctx) => {
      if (v === null) return null;
      const phone = normalizePhone(v);
      if (!phone) ctx.addIssue({ code: 'custom', message: 'Het telefoonnummer is niet geldig, bijvoorbeeld 06-12345678 of +32 470 12 34 56.' });
      return phone;
    }),
    street: optional('De straat'),
    houseNumber: optional('Het huisnummer', 20),
    postcode: postcodeField,
    city: optional('De plaats'),
    description: text('De omschrijving van de klacht', 50_000),
    employees: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(200, 'Een naam van een medewerker is te lang (hoogstens 200 tekens).')).max(20, 'Noem hoogstens 20 medewerkers.')),
    anonymous: z.literal('on').optional().transform((v) => v === 'on'),
    language: z.enum(['nl', 'en'], { error: 'Kies de taal van de brieven: Nederlands of Engels.' }).default('nl'),
  });
}

export type RegistrationProblems = { field: RegistrationField | null; message: string }[];

/** The form as the use case's input, or the problems per field. */
export function parseRegistration(body: Record<string, unknown>, today: string): { ok: true; value: RegisterComplaintInput } | { ok: false; problems: RegistrationProblems } {
  const result = registrationSchema(today).safeParse(body);
  if (!result.success) {
    const fieldOf = (path: readonly PropertyKey[]) => (REGISTRATION_FIELDS as readonly PropertyKey[]).includes(path[0] ?? '') ? (path[0] as RegistrationField) : null;
    return { ok: false, problems: result.error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })) };
  }
  const f = result.data;
  const hasAddress = f.street || f.houseNumber || f.postcode || f.city;
  return {
    ok: true,
    value: {
      channel: f.channel,
      receivedDate: f.receivedDate,
      name: f.name,
      email: f.email,
      phone: f.phone,
      address: hasAddress ? { street: f.street, houseNumber: f.houseNumber, postcode: f.postcode, city: f.city } : null,
      description: f.description,
      employees: f.employees,
      anonymous: f.anonymous,
      language: f.language,
    },
  };
}

/** The submitted strings of the form's own fields, to fill the form again or carry them through the confirmation. */
export function registrationValues(body: Record<string, unknown>): RegistrationValues {
  const values: RegistrationValues = {};
  for (const name of REGISTRATION_FIELDS) {
    const value = body[name];
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}
