import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { triageRawMessage } from '../../../src/app/triage-raw-message.ts';
import { ComplainantSchema, TriageFlagSchema, TriageKindSchema, TriageReplySchema } from '../../../src/domain/triage/triage-result.ts';
import type { TriageResult } from '../../../src/domain/triage/triage-result.ts';
import { LanguageSchema } from '../../../src/domain/reply-types.ts';

/**
 * Scores triage against the labelled fictional messages in test/fixtures/triage. Kind, reply and
 * urgency must be right for every message; each extracted field must be right for at least 90%.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'triage');
const MIN_MESSAGES = 60;
const DECISION_FIELDS = ['kind', 'reply', 'urgent'] as const;
const DECISION_THRESHOLD = 1;
const EXTRACTION_THRESHOLD = 0.9;

const ExpectedSchema = z.object({
  receivedAt: z.iso.datetime(),
  kind: TriageKindSchema,
  urgent: z.boolean(),
  language: LanguageSchema,
  reply: TriageReplySchema.nullable(),
  flags: z.array(TriageFlagSchema),
  complainant: ComplainantSchema,
  incidentDate: z.string().nullable(),
  employees: z.array(z.string()),
  caseRef: z.string().nullable(),
  todo: z.string().optional(),
});
type Expected = z.infer<typeof ExpectedSchema>;

const ExpectedFileSchema = z.object({
  context: z.object({ mailboxAddress: z.string(), ownDomain: z.string() }),
  messages: z.record(z.string(), ExpectedSchema),
});

const FIELDS = {
  kind: (r, e) => r.kind === e.kind,
  reply: (r, e) => r.reply === e.reply,
  urgent: (r, e) => r.urgent === e.urgent,
  language: (r, e) => r.language === e.language,
  flags: (r, e) => sameSet(r.flags, e.flags),
  name: (r, e) => r.complainant.name === e.complainant.name,
  email: (r, e) => r.complainant.email === e.complainant.email,
  phone: (r, e) => r.complainant.phone === e.complainant.phone,
  address: (r, e) => JSON.stringify(r.complainant.address) === JSON.stringify(e.complainant.address),
  incidentDate: (r, e) => r.incidentDate === e.incidentDate,
  employees: (r, e) => sameSet(r.employees, e.employees),
  caseRef: (r, e) => r.caseRef === e.caseRef,
} as const satisfies Record<string, (result: TriageResult, expected: Expected) => boolean>;
type Field = keyof typeof FIELDS;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function actualOf(result: TriageResult, field: Field): unknown {
  if (field === 'name' || field === 'email' || field === 'phone' || field === 'address') return result.complainant[field];
  return result[field];
}

function expectedOf(expected: Expected, field: Field): unknown {
  if (field === 'name' || field === 'email' || field === 'phone' || field === 'address') return expected.complainant[field];
  return expected[field];
}

const expectedFile = ExpectedFileSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')));

async function triageFixture(file: string, expected: Expected): Promise<TriageResult> {
  const raw = readFileSync(join(FIXTURES, file));
  return triageRawMessage(raw, { ...expectedFile.context, receivedAt: new Date(expected.receivedAt) });
}

function mismatches(result: TriageResult, expected: Expected): string[] {
  return (Object.keys(FIELDS) as Field[])
    .filter((field) => !FIELDS[field](result, expected))
    .map((field) => `${field}: expected ${JSON.stringify(expectedOf(expected, field))}, got ${JSON.stringify(actualOf(result, field))}`);
}

test('every fixture has expected results and the set is large enough', () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.eml')).sort();
  const labelled = Object.keys(expectedFile.messages).sort();
  assert.deepEqual(files, labelled, 'each .eml needs an entry in expected.json and each entry a file');
  assert.ok(files.length >= MIN_MESSAGES, `at least ${MIN_MESSAGES} messages, found ${files.length}`);
});

test('labelled set: per-field accuracy', async () => {
  const scored = Object.entries(expectedFile.messages).filter(([, expected]) => expected.todo === undefined);
  const correct = Object.fromEntries((Object.keys(FIELDS) as Field[]).map((field) => [field, 0])) as Record<Field, number>;
  const wrong: string[] = [];
  for (const [file, expected] of scored) {
    const result = await triageFixture(file, expected);
    for (const field of Object.keys(FIELDS) as Field[]) {
      if (FIELDS[field](result, expected)) correct[field] += 1;
    }
    for (const line of mismatches(result, expected)) wrong.push(`  ${file}  ${line}`);
  }
  const total = scored.length;
  const lines = (Object.keys(FIELDS) as Field[]).map(
    (field) => `  ${field.padEnd(13)} ${String(correct[field]).padStart(3)}/${total}  ${((100 * correct[field]) / total).toFixed(1)}%`,
  );
  console.log(`triage labelled set: ${total} messages scored\n${lines.join('\n')}${wrong.length ? `\nmismatches:\n${wrong.join('\n')}` : ''}`);
  for (const field of Object.keys(FIELDS) as Field[]) {
    const threshold = (DECISION_FIELDS as readonly string[]).includes(field) ? DECISION_THRESHOLD : EXTRACTION_THRESHOLD;
    assert.ok(correct[field] / total >= threshold, `${field} accuracy ${correct[field]}/${total} is below ${threshold * 100}%`);
  }
});

for (const [file, expected] of Object.entries(expectedFile.messages)) {
  if (expected.todo === undefined) continue;
  test(`known gap: ${file}`, { todo: expected.todo }, async () => {
    const result = await triageFixture(file, expected);
    assert.deepEqual(mismatches(result, expected), []);
  });
}
