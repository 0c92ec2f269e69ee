import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { ComplainantSchema, TriageFlagSchema, TriageKindSchema, TriageReplySchema } from '../../src/domain/triage/triage-result.ts';
import { LanguageSchema } from '../../src/domain/reply-types.ts';

/**
 * The labelled triage sets: the first fixtures (`expected.json`), the batches written later by
 * independent authors (`batch-NN/labels.json`), and the holdout (`holdout/<author>/labels.json`),
 * which is only ever scored. Batches label the decision fields and the complainant; the first
 * fixtures also label incident date, employees and case reference.
 */
export const TRIAGE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'triage');

export const LabelSchema = z.object({
  receivedAt: z.iso.datetime(),
  kind: TriageKindSchema,
  urgent: z.boolean(),
  language: LanguageSchema,
  reply: TriageReplySchema.nullable(),
  flags: z.array(TriageFlagSchema),
  complainant: ComplainantSchema,
  incidentDate: z.string().nullable().optional(),
  employees: z.array(z.string()).optional(),
  caseRef: z.string().nullable().optional(),
  /** A known gap outside triage; reported, not scored. */
  todo: z.string().optional(),
  /** The author's reason for the label, or the reason a label was corrected. */
  why: z.string().optional(),
});
export type Label = z.infer<typeof LabelSchema>;

const FirstSetSchema = z.object({
  context: z.object({ mailboxAddress: z.string(), ownDomain: z.string() }),
  messages: z.record(z.string(), LabelSchema),
});
const BatchSchema = z.object({
  author: z.string(),
  messages: z.record(z.string(), LabelSchema),
});

export const EVAL_CONTEXT = { mailboxAddress: 'klachtenopvang@wijzijnhecht.nl', ownDomain: 'wijzijnhecht.nl' } as const;

export interface LabelledMessage {
  /** Path relative to the fixtures folder, e.g. `batch-01/d1-03-knife.eml`. */
  id: string;
  path: string;
  /** `first`, `batch-01`, ..., `holdout/h1`. */
  group: string;
  label: Label;
}

export type SetName = 'dev' | 'holdout';

function readGroup(dir: string, group: string): LabelledMessage[] {
  const labels = BatchSchema.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const files = readdirSync(dir).filter((file) => file.endsWith('.eml')).sort();
  const missing = files.filter((file) => labels.messages[file] === undefined);
  const extra = Object.keys(labels.messages).filter((file) => !files.includes(file));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${relative(TRIAGE_FIXTURES, dir)}: every .eml needs a label and every label a file (unlabelled: ${missing.join(', ') || 'none'}; no file: ${extra.join(', ') || 'none'})`);
  }
  return files.map((file) => ({ id: join(group, file), path: join(dir, file), group, label: labels.messages[file] as Label }));
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((entry) => statSync(join(dir, entry)).isDirectory() && existsSync(join(dir, entry, 'labels.json'))).sort();
}

export function loadSet(name: SetName): LabelledMessage[] {
  if (name === 'holdout') {
    const root = join(TRIAGE_FIXTURES, 'holdout');
    return subdirs(root).flatMap((author) => readGroup(join(root, author), `holdout/${author}`));
  }
  const first = FirstSetSchema.parse(JSON.parse(readFileSync(join(TRIAGE_FIXTURES, 'expected.json'), 'utf8')));
  const firstMessages = Object.entries(first.messages).map(([file, label]) => ({
    id: file,
    path: join(TRIAGE_FIXTURES, file),
    group: 'first',
    label,
  }));
  const batches = subdirs(TRIAGE_FIXTURES).filter((dir) => dir.startsWith('batch-'));
  return [...firstMessages, ...batches.flatMap((dir) => readGroup(join(TRIAGE_FIXTURES, dir), dir))];
}

/** The groups of a set, for per-batch scores. */
export function groupsOf(messages: readonly LabelledMessage[]): string[] {
  return [...new Set(messages.map((message) => message.group))];
}

export function fileName(message: LabelledMessage): string {
  return basename(message.path);
}
