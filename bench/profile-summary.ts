/**
 * `node bench/profile-summary.ts <file.cpuprofile>`: where a V8 CPU profile of intake (from
 * BENCH_CPU_PROFILE) spent its time, by part of the pipeline. A sample counts for the first
 * category, in the order below, that any frame of its stack belongs to, so the regular
 * expressions triage runs count as triage and the socket writes under our store as the store.
 */
import { readFileSync } from 'node:fs';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfileData {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const CATEGORIES: readonly (readonly [string, RegExp])[] = [
  ['triage', /\/src\/domain\/triage\//],
  ['parsing (mailparser, mailsplit, libbase64, libmime, our parser adapters)', /\/(?:mailparser|@zone-eu\/mailsplit|libbase64|libmime|libqp)\/|\/src\/adapters\/(?:message-parser|read-message|text-part-cap|header-values|line-endings|html-to-plain-text)\.ts/],
  ['imapflow', /\/imapflow\//],
  ['BullMQ and msgpackr', /\/(?:bullmq|msgpackr)\//],
  ['our store and queue adapters (with the ioredis calls under them)', /\/src\/adapters\/(?:complaint-store|queues|redis-[\w-]+|create-record-script)\.ts/],
  ['ioredis', /\/(?:ioredis|redis-parser|redis-errors|cluster-key-slot|standard-as-callback)\//],
  ['deadlines and reminders', /\/src\/(?:app\/schedule-reminders|domain\/(?:reminder-plan|deadlines|dutch-holidays|plan-clock))\.ts/],
  ['intake use case', /\/src\/app\/ingest-message\.ts/],
  ['the bench itself (polling)', /\/bench\//],
];

/** Milliseconds per category, plus idle, garbage collection and the rest, largest first. */
export function summariseProfile(profile: CpuProfileData, categories = CATEGORIES): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const bySample = new Map<number, number>();
  profile.samples.forEach((id, index) => bySample.set(id, (bySample.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const totals = new Map<string, number>();
  for (const [id, micros] of bySample) {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    const leaf = stack[0]?.callFrame.functionName ?? '';
    const category =
      categories.find(([, pattern]) => stack.some((node) => pattern.test(node.callFrame.url)))?.[0] ??
      (leaf === '(idle)' ? 'idle' : leaf === '(garbage collector)' ? 'garbage collection' : 'other');
    totals.set(category, (totals.get(category) ?? 0) + micros);
  }
  return [...totals].map(([name, micros]) => ({ name, ms: micros / 1000 })).sort((a, b) => b.ms - a.ms);
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/profile-summary.ts <file.cpuprofile>');
  const rows = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfileData);
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  console.log(`${total.toFixed(0)} ms sampled`);
  for (const row of rows) console.log(`${row.ms.toFixed(0).padStart(7)} ms ${((100 * row.ms) / total).toFixed(1).padStart(5)} %  ${row.name}`);
}
