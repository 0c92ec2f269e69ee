import type { TriageFlag, TriageResult } from '../../src/domain/triage/triage-result.ts';
import { TRIAGE_KINDS } from '../../src/domain/triage/triage-result.ts';
import type { Label, LabelledMessage } from './labelled-sets.ts';

/**
 * Scores triage results against labels: per-field accuracy, a kind confusion matrix, urgent
 * recall and precision, and replies to mail no person wrote. Pure; the caller triages.
 */

/** Flags the batch authors label; the first fixtures label every flag. */
const BATCH_FLAGS: readonly TriageFlag[] = ['missing_name', 'missing_address', 'anonymous', 'incident_over_one_year', 'urgent_safety', 'needs_review'];
const COMPLAINT_PROCEDURE_FLAGS: readonly TriageFlag[] = ['missing_name', 'missing_address'];
const MACHINE_KINDS = new Set(['auto_reply', 'bounce', 'bulk', 'spam']);

export const FIELDS = ['kind', 'reply', 'urgent', 'language', 'flags', 'name', 'email', 'phone', 'address', 'incidentDate', 'employees', 'caseRef'] as const;
export type Field = (typeof FIELDS)[number];

export function comparableFlags(flags: readonly TriageFlag[], message: LabelledMessage): string[] {
  if (message.group === 'first') return [...flags].sort();
  return flags
    .filter((flag) => BATCH_FLAGS.includes(flag))
    .filter((flag) => message.label.kind === 'complaint' || !COMPLAINT_PROCEDURE_FLAGS.includes(flag))
    .sort();
}

/**
 * Authors wrote the same address two ways: a city alone as `{city}` or as no address, and a PO box
 * as `Postbus 2071` or as street `Postbus` with number `2071`. Neither changes a decision (a city
 * alone is no postal address), so both are compared in one form.
 */
function comparableAddress(address: Label['complainant']['address']): Label['complainant']['address'] {
  if (address === null || (address.street === null && address.postcode === null)) return null;
  // "hooigracht 37 leiden" written in lower case is the same address as "Hooigracht 37, Leiden".
  const cased = { ...address, street: address.street?.toLowerCase() ?? null, city: address.city?.toLowerCase() ?? null };
  if (cased.street === 'postbus' && cased.houseNumber !== null) return { ...cased, street: `postbus ${cased.houseNumber}`, houseNumber: null };
  return cased;
}

/** "+31651238870" and "0651238870" are one number; authors kept the form the sender wrote. */
function comparablePhone(phone: string | null): string | null {
  return phone === null ? null : phone.replace(/^\+31/, '0');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/** The value triage gave and the label's, per field; `undefined` where the label leaves a field out. */
export function fieldValues(result: TriageResult, message: LabelledMessage): Record<Field, { got: unknown; want: unknown } | undefined> {
  const label: Label = message.label;
  return {
    kind: { got: result.kind, want: label.kind },
    reply: { got: result.reply, want: label.reply },
    urgent: { got: result.urgent, want: label.urgent },
    language: { got: result.language, want: label.language },
    flags: { got: comparableFlags(result.flags, message), want: comparableFlags(label.flags, message) },
    // Mail no person wrote has no complainant, whatever display name its sender carries.
    // Writers spell `El Amrani` and `el Amrani`; the capital is no decision.
    name: { got: result.complainant.name?.toLowerCase() ?? null, want: MACHINE_KINDS.has(label.kind) ? null : label.complainant.name?.toLowerCase() ?? null },
    email: { got: result.complainant.email, want: label.complainant.email },
    phone: { got: comparablePhone(result.complainant.phone), want: comparablePhone(label.complainant.phone) },
    address: { got: comparableAddress(result.complainant.address), want: comparableAddress(label.complainant.address) },
    incidentDate: label.incidentDate === undefined ? undefined : { got: result.incidentDate, want: label.incidentDate },
    employees: label.employees === undefined ? undefined : { got: [...result.employees].sort(), want: [...label.employees].sort() },
    caseRef: label.caseRef === undefined ? undefined : { got: result.caseRef, want: label.caseRef },
  };
}

export function isRight(values: { got: unknown; want: unknown }): boolean {
  if (Array.isArray(values.got) && Array.isArray(values.want)) return sameList(values.got as string[], values.want as string[]);
  return JSON.stringify(values.got) === JSON.stringify(values.want);
}

export interface Mismatch {
  id: string;
  field: Field;
  got: unknown;
  want: unknown;
}

export interface Score {
  messages: number;
  correct: Record<Field, number>;
  scored: Record<Field, number>;
  /** confusion[want][got] */
  confusion: Record<string, Record<string, number>>;
  urgent: { truePositive: number; falseNegative: number; falsePositive: number };
  /** Machine or spam messages (by label) that triage would answer. */
  repliesToMachines: string[];
  mismatches: Mismatch[];
}

export function scoreResults(pairs: readonly { message: LabelledMessage; result: TriageResult }[]): Score {
  const zero = () => Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
  const score: Score = {
    messages: 0,
    correct: zero(),
    scored: zero(),
    confusion: {},
    urgent: { truePositive: 0, falseNegative: 0, falsePositive: 0 },
    repliesToMachines: [],
    mismatches: [],
  };
  for (const { message, result } of pairs) {
    if (message.label.todo !== undefined) continue;
    score.messages += 1;
    const values = fieldValues(result, message);
    for (const field of FIELDS) {
      const pair = values[field];
      if (pair === undefined) continue;
      score.scored[field] += 1;
      if (isRight(pair)) score.correct[field] += 1;
      else score.mismatches.push({ id: message.id, field, ...pair });
    }
    const row = (score.confusion[message.label.kind] ??= {});
    row[result.kind] = (row[result.kind] ?? 0) + 1;
    if (message.label.urgent && result.urgent) score.urgent.truePositive += 1;
    if (message.label.urgent && !result.urgent) score.urgent.falseNegative += 1;
    if (!message.label.urgent && result.urgent) score.urgent.falsePositive += 1;
    if (MACHINE_KINDS.has(message.label.kind) && result.reply !== null) score.repliesToMachines.push(message.id);
  }
  return score;
}

export function accuracy(score: Score, field: Field): number {
  return score.scored[field] === 0 ? 1 : score.correct[field] / score.scored[field];
}

export function urgentRecall(score: Score): number {
  const { truePositive, falseNegative } = score.urgent;
  return truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative);
}

export function urgentPrecision(score: Score): number {
  const { truePositive, falsePositive } = score.urgent;
  return truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive);
}

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;

export function formatScore(title: string, score: Score): string {
  const lines = [`${title}: ${score.messages} messages`];
  for (const field of FIELDS) {
    if (score.scored[field] === 0) continue;
    lines.push(`  ${field.padEnd(13)} ${String(score.correct[field]).padStart(4)}/${String(score.scored[field]).padEnd(4)} ${pct(accuracy(score, field))}`);
  }
  const { truePositive, falseNegative, falsePositive } = score.urgent;
  lines.push(`  urgent recall ${pct(urgentRecall(score))} (${truePositive}/${truePositive + falseNegative}), precision ${pct(urgentPrecision(score))} (${truePositive}/${truePositive + falsePositive})`);
  lines.push(`  replies to automatic mail or spam: ${score.repliesToMachines.length}`);
  const kinds = TRIAGE_KINDS.filter((kind) => score.confusion[kind] !== undefined || Object.values(score.confusion).some((row) => row[kind] !== undefined));
  lines.push(`  kind confusion (rows: label, columns: triage)`);
  lines.push(`  ${''.padEnd(11)}${kinds.map((kind) => kind.slice(0, 9).padStart(10)).join('')}`);
  for (const want of kinds) {
    const row = score.confusion[want];
    if (row === undefined) continue;
    lines.push(`  ${want.padEnd(11)}${kinds.map((got) => String(row[got] ?? '.').padStart(10)).join('')}`);
  }
  return lines.join('\n');
}
