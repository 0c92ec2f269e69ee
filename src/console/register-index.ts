import type { Redis } from 'ioredis';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Logger } from '../log.ts';
import { errorCode } from '../errors.ts';
import { toRow, type RegisterRow } from './queue-plan.ts';

/**
 * The queue's rows in this process's memory, so a list or search over 20,000 records is a scan
 * of small objects instead of reading and parsing every record. Kept current from the activity
 * index (every record's latest event time): each request re-reads only the records with news
 * since the last look (with a few seconds' overlap, as writers' clocks differ; a record already
 * read at its current score is not read again), and a full
 * reload every five minutes, in the background, catches changes that wrote no event.
 * The search text holds personal data, so it lives here only, never in Redis or a log.
 */
const OVERLAP_MS = 5_000;
const FULL_RELOAD_MS = 5 * 60_000;
const CHUNK = 500;

export function makeRegisterIndex(deps: { store: ComplaintStore; redis: Redis; log: Logger; now?: () => number }) {
  const now = deps.now ?? Date.now;
  let rows = new Map<string, RegisterRow>();
  /** The activity score each row was read at: the overlap re-reads only what changed since. */
  let seen = new Map<string, number>();
  let loadedAt = 0;
  /** Local time of the last look: the next looks at activity from a little before it. */
  let checkedAt = 0;
  let loading: Promise<void> | null = null;
  let catchingUp: Promise<void> | null = null;

  async function readRows(ids: string[]): Promise<RegisterRow[]> {
    const out: RegisterRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const record of await deps.store.getMany(ids.slice(i, i + CHUNK))) out.push(toRow(record));
    }
    return out;
  }

  async function loadAll(): Promise<void> {
    const started = now();
    const activity = await deps.redis.zrange(deps.store.keys.byActivity(), '0', '-1', 'WITHSCORES');
    const scores = new Map<string, number>();
    for (let i = 0; i + 1 < activity.length; i += 2) {
      const score = Number(activity[i + 1]);
      scores.set(activity[i] ?? '', score);
    }
    const ids = await deps.store.listIds({ newestFirst: false });
    const next = new Map<string, RegisterRow>();
    for (const row of await readRows(ids)) next.set(row.id, row);
    rows = next;
    seen = scores;
    loadedAt = started;
    checkedAt = started;
    deps.log.info('console_index_loaded', { records: rows.size, ms: now() - started });
  }

  async function catchUp(): Promise<void> {
    const from = checkedAt - OVERLAP_MS;
    checkedAt = now();
    const changed = await deps.redis.zrangebyscore(deps.store.keys.byActivity(), String(from), '+inf', 'WITHSCORES');
    const ids: string[] = [];
    const scores: [string, number][] = [];
    for (let i = 0; i + 1 < changed.length; i += 2) {
      const id = changed[i] ?? '';
      const score = Number(changed[i + 1]);
      if (seen.get(id) !== score) {
        ids.push(id);
        scores.push([id, score]);
      }
    }
    if (ids.length > 0) await refreshIds(ids);
    for (const [id, score] of scores) seen.set(id, score);
  }

  async function refreshIds(ids: string[]): Promise<void> {
    for (const row of await readRows(ids)) rows.set(row.id, row);
  }

  /** Brings the rows up to date: the first call loads everything, later ones catch up. */
  async function current(): Promise<Iterable<RegisterRow>> {
    if (loadedAt === 0) {
      await (loading ??= loadAll().finally(() => (loading = null)));
    } else if (now() - loadedAt > FULL_RELOAD_MS && !loading) {
      loading = loadAll()
        .catch((error: unknown) => deps.log.warn('console_index_reload_failed', { code: errorCode(error) }))
        .finally(() => (loading = null));
    }
    await (catchingUp ??= catchUp().finally(() => (catchingUp = null)));
    return rows.values();
  }

  return { current, refreshIds, size: () => rows.size };
}
export type RegisterIndex = ReturnType<typeof makeRegisterIndex>;
