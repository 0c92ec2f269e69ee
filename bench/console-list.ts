/**
 * `npm run bench` (second part): the officer console's work queue and search over 20,000
 * records (BENCH_CONSOLE_RECORDS), p50/p95 server time per request measured with Fastify's
 * inject (the whole request pipeline: session, audit entry, filtering, HTML; no network).
 * Records are fictional and written straight to the store. Target: p95 < 100 ms.
 */
import { makeRecord, makeMessage, makeTriage } from '../test/fixtures/records.ts';
import { startRedis } from '../test/helpers/redis-server.ts';
import { startService } from '../test/helpers/service.ts';
import { startConsoleRole } from '../workers/console-role.ts';
import type { RecordStatus } from '../src/domain/complaint-record.ts';

const N = Number(process.env['BENCH_CONSOLE_RECORDS'] ?? 20_000);
const SAMPLES = Number(process.env['BENCH_CONSOLE_SAMPLES'] ?? 200);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
const STREETS = ['Hynsteblom', 'Lindelaan', 'Breestraat', 'Haarlemmerweg', 'Kerkstraat'];
const FIRST = ['Marieke', 'Jan', 'Fatima', 'Kees', 'Ayse', 'Pieter', 'Sanne', 'Mohamed'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Yilmaz', 'Mulder', 'de Boer'];

function record(i: number) {
  const day = new Date(Date.UTC(2025, 0, 1) + (i % 700) * 86_400_000);
  const receivedDate = day.toISOString().slice(0, 10);
  const deadline = new Date(day.getTime() + 42 * 86_400_000).toISOString().slice(0, 10);
  // About a quarter still running, as in a register a few years old.
  const status: RecordStatus = i % 4 === 0 ? 'open' : i % 20 === 1 ? 'awaiting_details' : i % 10 === 3 ? 'routed' : 'closed';
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]}`;
  const email = `afzender${i}@example.nl`;
  const postcode = `${2300 + (i % 90)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i >> 5) % 26))}`;
  return makeRecord({
    receivedAt: `${receivedDate}T09:15:00.000Z`,
    receivedDate,
    ingestedAt: `${receivedDate}T09:15:01.000Z`,
    updatedAt: `${receivedDate}T09:15:01.000Z`,
    status,
    source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: `b${i}.eml`, messageId: `<bench-${i}@example.nl>`, sha256: i.toString(16).padStart(64, '0'), size: 2048 },
    message: makeMessage({ messageId: `<bench-${i}@example.nl>`, from: { name, address: email }, text: `Ik wil een klacht indienen. ${'Dit is een realistische klachttekst van enige lengte. '.repeat(25)}` }),
    triage: makeTriage({ urgent: i % 97 === 0, flags: i % 7 === 0 ? ['missing_address'] : [], complainant: { name, email, phone: null, address: { street: STREETS[i % STREETS.length] ?? null, houseNumber: String(i % 200), postcode, city: 'Leiden' } } }),
    contact: { name, email, phone: null, address: { street: STREETS[i % STREETS.length] ?? null, houseNumber: String(i % 200), postcode, city: 'Leiden' } },
    deadline: status === 'open' || status === 'awaiting_details' ? { route: 'standard', received: receivedDate, deadline, shiftedFrom: null, extensionWeeks: 0, reason: 'bench' } : null,
    assignedTo: i % 3 === 0 ? 'anna@wijzijnhecht.nl' : null,
  });
}

async function main(): Promise<void> {
  const redis = await startRedis({ appendonly: false });
  const service = await startService({ redis }, { roles: [], env: { LOG_LEVEL: 'warn' } });
  try {
    const t0 = performance.now();
    for (let i = 0; i < N; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, N - i) }, (_, k) => {
          const { id: _id, ...rest } = record(i + k);
          return service.rt.store.create({ record: rest, events: [], fingerprint: null, senderAddress: rest.contact.email, messageId: null });
        }),
      );
    }
    console.log(`console bench: ${N} records written in ${((performance.now() - t0) / 1000).toFixed(1)} s; node ${process.version}`);
    const started = await startConsoleRole(service.rt, { port: 0 });
    if (!started) throw new Error('console did not start');
    const session = await started.deps.sessions.create({ stage: 'active', email: 'anna@wijzijnhecht.nl', role: 'officer', auth: 'local' });
    const cookies = { ko_sessie: session.id };
    const l0 = performance.now();
    await started.deps.index.current();
    console.log(`register index loaded once at start: ${(performance.now() - l0).toFixed(0)} ms`);

    // A search is a POST (terms stay out of URLs), with the session's CSRF token like the form.
    const measure = async (label: string, urls: (i: number) => string, search?: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES + 10; i += 1) {
        const s = performance.now();
        const response = search
          ? await started.app.inject({ method: 'POST', url: '/complaints', cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: session.csrf, q: search(i) }).toString() })
          : await started.app.inject({ method: 'GET', url: urls(i), cookies });
        if (response.statusCode !== 200) throw new Error(`${urls(i)}: ${response.statusCode}`);
        if (i >= 10) times.push(performance.now() - s); // the first ten warm the JIT
      }
      console.log(`${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    };
    await measure('work queue /complaints (running, grouped)', () => '/complaints');
    await measure('queue filtered (assigned to me, due 14 d)', () => '/complaints?assigned=me&due=14');
    const terms = (i: number) => [`KL-2025-${String((i % N) + 1).padStart(5, '0')}`, `afzender${i * 37 % N}@example.nl`, LAST[i % LAST.length] ?? 'Jansen', `23${String(i % 90).padStart(2, '0')}AB`][i % 4] ?? '';
    await measure('search (reference, address, name, postcode)', () => '/complaints', terms);
  } finally {
    await service.stop();
    await redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
