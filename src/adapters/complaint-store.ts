import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import { ComplaintRecordSchema, RECORD_ID_PLACEHOLDER, type ComplaintRecord, type NewRecord, type RecordStatus } from '../domain/complaint-record.ts';
import { EventTypeSchema, RecordEventSchema, type RecordEvent } from '../domain/record-events.ts';
import { isRunning } from '../domain/record-status.ts';
import { makeKeys, messageIdHash, type Keys } from './redis-keys.ts';
import { CREATE_RECORD_SCRIPT, CREATE_RECORD_SHA } from './create-record-script.ts';

/**
 * Complaint records in Redis. Creation is one Lua script per record (create-record-script.ts),
 * so a record, its first events, its indexes and its dedupe keys appear together or not at all;
 * a batch of records is created in one MULTI/EXEC (one round trip, one fsync). Updates are
 * compare-and-set on the stored JSON (also Lua), so two workers never overwrite each other's change.
 */
/** The create script replaces it with the id it assigns (domain/complaint-record.ts). */
const PLACEHOLDER = RECORD_ID_PLACEHOLDER;

const UPDATE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[6] == '1' then
  if redis.call('EXISTS', KEYS[6]) == 1 or (ARGV[7] == '1' and redis.call('EXISTS', KEYS[7]) == 1) then return -1 end
  redis.call('SET', KEYS[6], ARGV[3])
  if ARGV[7] == '1' then redis.call('SET', KEYS[7], ARGV[3]) end
  if ARGV[8] ~= '' then redis.call('SADD', KEYS[8], ARGV[8]) end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3])
if ARGV[5] == '' then redis.call('ZREM', KEYS[5], ARGV[3]) else redis.call('ZADD', KEYS[5], ARGV[5], ARGV[3]) end
for i = 9, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
if #ARGV >= 9 then
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[9], now[1] * 1000 + math.floor(now[2] / 1000), ARGV[3])
end
return 1
`;

export interface CreateInput {
  record: NewRecord;
  events: RecordEvent[];
  /** Dedupe by Message-ID fingerprint (see messageFingerprint); null when the message has none. */
  fingerprint: string | null;
  senderAddress: string | null;
  /** Remembered (hashed) so a lost Redis can be detected against the processed folder. */
  messageId?: string | null;
}

export interface LinkInput {
  sha256: string;
  fingerprint: string | null;
  messageId?: string | null;
}

export type Mutation = { record: ComplaintRecord; events: RecordEvent[] } | null;

/** Score of a record in the deadline index: the deadline as days since 1970, or none. */
export function deadlineScore(record: ComplaintRecord): string {
  if (!record.deadline || !isRunning(record.status)) return '';
  return String(Date.parse(`${record.deadline.deadline}T00:00:00Z`) / 86_400_000);
}

export function makeComplaintStore(redis: Redis, prefix: string) {
  const keys: Keys = makeKeys(prefix);

  function createArgs(input: CreateInput): string[] {
    const year = Number(input.record.receivedDate.slice(0, 4));
    const withId = { ...input.record, id: 'KL-0000-00000' } as ComplaintRecord;
    return [
      keys.bySha(input.record.source.sha256),
      input.fingerprint ? keys.byMessageId(input.fingerprint) : keys.byMessageId('none'),
      keys.counter(year),
      keys.all(),
      keys.byStatus(input.record.status),
      keys.byDeadline(),
      input.senderAddress ? keys.bySender(input.senderAddress) : keys.bySender('none'),
      keys.seenMessageIds(),
      keys.byActivity(),
      String(year),
      JSON.stringify({ ...input.record, id: PLACEHOLDER }),
      String(Date.parse(input.record.receivedAt)),
      deadlineScore(withId),
      input.fingerprint ? '1' : '0',
      input.senderAddress ? '1' : '0',
      keys.record(''),
      keys.events(''),
      input.messageId ? messageIdHash(input.messageId) : '',
      ...input.events.map((event) => JSON.stringify(event)),
    ];
  }

  /**
   * Creates the records of a batch in one MULTI/EXEC: one round trip and, with `appendfsync
   * always`, one fsync, before any of their messages may leave the inbox. Each record is its own
   * script run, so a message seen before (or twice in the batch) gets the existing id with
   * `created: false` and the others are created all the same. Results are in input order.
   */
  async function createMany(inputs: readonly CreateInput[]): Promise<{ created: boolean; id: string }[]> {
    if (inputs.length === 0) return [];
    const transaction = redis.multi();
    // The first record with the script's text, which (re)loads it: a Redis that restarted knows
    // no scripts, and EVALSHA alone would fail there. The rest by its SHA-1.
    inputs.forEach((input, index) => {
      if (index === 0) transaction.eval(CREATE_RECORD_SCRIPT, 9, ...createArgs(input));
      else transaction.evalsha(CREATE_RECORD_SHA, 9, ...createArgs(input));
    });
    const replies = (await transaction.exec()) ?? [];
    if (replies.length !== inputs.length) {
      throw new AppError('record_create_failed', 'Redis did not answer every record of the batch; the messages stay in the inbox and are read again.');
    }
    return replies.map(([error, reply]) => {
      if (error) throw error;
      const [flag, id] = reply as [number, string];
      return { created: flag === 1, id };
    });
  }

  async function create(input: CreateInput): Promise<{ created: boolean; id: string }> {
    const [result] = await createMany([input]);
    if (!result) throw new AppError('record_create_failed', 'Redis did not answer the create; the message stays in the inbox and is read again.');
    return result;
  }

  /**
   * The records the messages of a batch already made, in one round trip: by the SHA-256 of the
   * bytes, else by the Message-ID fingerprint. Null where there is none.
   */
  async function findDuplicates(messages: readonly { sha256: string; fingerprint: string | null }[]): Promise<(string | null)[]> {
    if (messages.length === 0) return [];
    const values = await redis.mget(messages.flatMap((m) => [keys.bySha(m.sha256), keys.byMessageId(m.fingerprint ?? 'none')]));
    return messages.map((m, i) => values[2 * i] ?? (m.fingerprint ? (values[2 * i + 1] ?? null) : null));
  }

  async function findDuplicate(sha256: string, fingerprint: string | null): Promise<string | null> {
    const [id] = await findDuplicates([{ sha256, fingerprint }]);
    return id ?? null;
  }

  async function getRaw(id: string): Promise<string | null> {
    return redis.get(keys.record(id));
  }

  function parseRecord(id: string, json: string): ComplaintRecord {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new AppError('record_invalid', `Record ${id} in Redis is not readable JSON; inspect it before changing it.`, { cause, permanent: true });
    }
    const parsed = ComplaintRecordSchema.safeParse(value);
    if (!parsed.success) {
      throw new AppError('record_invalid', `Record ${id} in Redis does not match the record schema; inspect it before changing it.`, {
        cause: parsed.error,
        permanent: true,
      });
    }
    return parsed.data;
  }

  async function get(id: string): Promise<ComplaintRecord | null> {
    const json = await getRaw(id);
    return json === null ? null : parseRecord(id, json);
  }

  async function require(id: string): Promise<ComplaintRecord> {
    const record = await get(id);
    if (!record) throw new AppError('record_not_found', `No complaint with reference ${id}. Check the reference with "complaints list".`, { permanent: true });
    return record;
  }

  /**
   * An event read with its type's schema (domain/record-events.ts), which reads older shapes as
   * today's; one that fits none is `record_invalid`, as a malformed record is. The message names
   * the event's position and type, never its data.
   */
  function parseEvent(id: string, line: string, index: number): RecordEvent {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new AppError('record_invalid', `Event ${index + 1} of ${id} in Redis is not readable JSON; inspect it before changing the record.`, { cause, permanent: true });
    }
    const parsed = RecordEventSchema.safeParse(value);
    if (!parsed.success) {
      const named = typeof value === 'object' && value !== null && 'type' in value ? EventTypeSchema.safeParse(value.type) : null;
      const type = named?.success ? named.data : 'unknown type';
      throw new AppError('record_invalid', `Event ${index + 1} (${type}) of ${id} in Redis does not match its schema; inspect it before changing the record.`, {
        cause: parsed.error,
        permanent: true,
      });
    }
    return parsed.data;
  }

  async function events(id: string): Promise<RecordEvent[]> {
    const raw = await redis.lrange(keys.events(id), 0, -1);
    return raw.map((line, index) => parseEvent(id, line, index));
  }

  async function appendEvents(id: string, list: RecordEvent[]): Promise<void> {
    if (list.length === 0) return;
    await redis
      .multi()
      .rpush(keys.events(id), ...list.map((event) => JSON.stringify(event)))
      .zadd(keys.byActivity(), String(Date.now()), id)
      .exec();
  }

  /** Records with an event (news) after `sinceMs`: follow-ups, failed replies, officer actions. */
  async function idsActiveSince(sinceMs: number): Promise<string[]> {
    return redis.zrangebyscore(keys.byActivity(), `(${sinceMs}`, '+inf');
  }

  /**
   * Applies `mutate` to the current record and stores the result with its new events, retrying
   * when another writer changed the record in between. `mutate` returning null changes nothing.
   * With `link`, the message's dedupe keys point at this record too (a follow-up); if they
   * already exist the update is refused and `{ duplicate: true }` returned.
   */
  async function update(
    id: string,
    mutate: (record: ComplaintRecord, history: () => Promise<RecordEvent[]>) => Mutation | Promise<Mutation>,
    link?: LinkInput,
  ): Promise<{ record: ComplaintRecord; changed: boolean; duplicate: boolean }> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const json = await getRaw(id);
      if (json === null) throw new AppError('record_not_found', `No complaint with reference ${id}. Check the reference with "complaints list".`, { permanent: true });
      const current = parseRecord(id, json);
      const mutation = await mutate(current, () => events(id));
      if (!mutation) return { record: current, changed: false, duplicate: false };
      const next: ComplaintRecord = { ...mutation.record, id, updatedAt: new Date().toISOString() };
      const valid = ComplaintRecordSchema.safeParse(next);
      if (!valid.success) {
        throw new AppError('record_invalid', `The change to ${id} would break the record schema; nothing was written.`, { cause: valid.error, permanent: true });
      }
      const result = (await redis.eval(
        UPDATE_SCRIPT,
        9,
        keys.record(id),
        keys.events(id),
        keys.byStatus(current.status),
        keys.byStatus(next.status),
        keys.byDeadline(),
        link ? keys.bySha(link.sha256) : keys.bySha('none'),
        link?.fingerprint ? keys.byMessageId(link.fingerprint) : keys.byMessageId('none'),
        keys.seenMessageIds(),
        keys.byActivity(),
        json,
        JSON.stringify(next),
        id,
        String(Date.parse(next.receivedAt)),
        deadlineScore(next),
        link ? '1' : '0',
        link?.fingerprint ? '1' : '0',
        link?.messageId ? messageIdHash(link.messageId) : '',
        ...mutation.events.map((event) => JSON.stringify(event)),
      )) as number;
      if (result === 1) return { record: next, changed: true, duplicate: false };
      if (result === -1) return { record: current, changed: false, duplicate: true };
    }
    throw new AppError('record_contended', `Record ${id} kept changing while it was being updated; try again.`);
  }

  async function listIds(options: { status?: RecordStatus; limit?: number; offset?: number; newestFirst?: boolean } = {}): Promise<string[]> {
    const key = options.status ? keys.byStatus(options.status) : keys.all();
    const start = options.offset ?? 0;
    const stop = options.limit === undefined ? -1 : start + options.limit - 1;
    return options.newestFirst === false ? redis.zrange(key, String(start), String(stop)) : redis.zrevrange(key, String(start), String(stop));
  }

  async function getMany(ids: string[]): Promise<ComplaintRecord[]> {
    if (ids.length === 0) return [];
    const values = await redis.mget(ids.map((id) => keys.record(id)));
    const out: ComplaintRecord[] = [];
    values.forEach((json, index) => {
      if (json !== null) out.push(parseRecord(ids[index] ?? '?', json));
    });
    return out;
  }

  async function idsReceivedBetween(fromMs: number, toMs: number): Promise<string[]> {
    return redis.zrangebyscore(keys.all(), fromMs, toMs);
  }

  async function idsWithDeadlineUntil(epochDay: number): Promise<string[]> {
    return redis.zrangebyscore(keys.byDeadline(), '-inf', String(epochDay));
  }

  async function idsBySender(address: string): Promise<string[]> {
    return redis.zrevrange(keys.bySender(address), '0', '99');
  }

  /** Which of these Message-IDs were ever recorded (as record or follow-up). */
  async function knownMessageIds(messageIds: string[]): Promise<boolean[]> {
    if (messageIds.length === 0) return [];
    const flags = await redis.smismember(keys.seenMessageIds(), ...messageIds.map(messageIdHash));
    return flags.map((flag) => flag === 1);
  }

  /** Test seam (tests and the benchmark wait on it): the service itself never counts records, and no port offers it. */
  async function count(status?: RecordStatus): Promise<number> {
    return redis.zcard(status ? keys.byStatus(status) : keys.all());
  }

  const REPLACE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('LLEN', KEYS[2]) ~= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('DEL', KEYS[2])
for i = 5, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('ZREM', KEYS[3], ARGV[4])
return 1
`;

  /**
   * Replaces a record and its whole event history in one step: retention rewrites both when it
   * anonymises. Compare-and-set on the stored JSON and on the number of events, retried like
   * `update`, so an event appended meanwhile (a `viewed`) is rewritten too, never lost. Status,
   * receipt time and deadline must stay as they are (their indexes are not touched); the id
   * leaves the old sender's index when the new record no longer names that sender.
   */
  async function replaceRecord(
    id: string,
    replace: (record: ComplaintRecord, history: RecordEvent[]) => Mutation,
  ): Promise<{ record: ComplaintRecord; replaced: boolean }> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const json = await getRaw(id);
      if (json === null) throw new AppError('record_not_found', `No complaint with reference ${id}. Check the reference with "complaints list".`, { permanent: true });
      const current = parseRecord(id, json);
      const history = await events(id);
      const next = replace(current, history);
      if (!next) return { record: current, replaced: false };
      const record = ComplaintRecordSchema.parse({ ...next.record, id });
      if (record.status !== current.status || record.receivedAt !== current.receivedAt || deadlineScore(record) !== deadlineScore(current)) {
        throw new AppError('record_replace_invalid', `Record ${id}: a replacement may not change status, receipt or deadline; use update.`, { permanent: true });
      }
      const oldSender = current.message?.from?.address?.toLowerCase() ?? null;
      const dropSender = oldSender && oldSender !== record.message?.from?.address?.toLowerCase() ? oldSender : 'none';
      const result = (await redis.eval(
        REPLACE_SCRIPT,
        3,
        keys.record(id),
        keys.events(id),
        keys.bySender(dropSender),
        json,
        String(history.length),
        JSON.stringify(record),
        id,
        ...next.events.map((event) => JSON.stringify(RecordEventSchema.parse(event))),
      )) as number;
      if (result === 1) return { record, replaced: true };
    }
    throw new AppError('record_contended', `Record ${id} kept changing while it was being replaced; try again.`);
  }

  return {
    keys,
    replaceRecord,
    create,
    createMany,
    findDuplicate,
    findDuplicates,
    get,
    require,
    events,
    appendEvents,
    update,
    listIds,
    getMany,
    idsReceivedBetween,
    idsWithDeadlineUntil,
    idsBySender,
    count,
    knownMessageIds,
    idsActiveSince,
  };
}
export type ComplaintStore = ReturnType<typeof makeComplaintStore>;
