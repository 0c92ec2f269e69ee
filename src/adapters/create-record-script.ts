import { createHash } from 'node:crypto';
import { RECORD_ID_PLACEHOLDER } from '../domain/complaint-record.ts';

/**
 * Creates one complaint record, or finds the one its message already made. Everything of a
 * record (JSON, first events, indexes, dedupe keys) is written by this one script, so it appears
 * whole or not at all. complaint-store.ts runs it once per record of a batch inside one
 * MULTI/EXEC: one round trip and one AOF fsync for the whole batch.
 *
 * KEYS[1] dedupe by SHA-256 of the bytes          (idx:sha:<sha256>)
 * KEYS[2] dedupe by Message-ID fingerprint        (idx:msgid:<fingerprint>; unused when ARGV[5] is '0')
 * KEYS[3] counter of the year of receipt          (counter:<year>)
 * KEYS[4] every record by receipt time            (idx:all)
 * KEYS[5] records of the new record's status      (idx:status:<status>)
 * KEYS[6] running deadlines                       (idx:deadline; unused when ARGV[4] is '')
 * KEYS[7] records of the sender                   (idx:sender:<hash>; unused when ARGV[6] is '0')
 * KEYS[8] hashed Message-IDs ever recorded        (idx:seen-msgids)
 * KEYS[9] records by time of their latest event   (idx:activity)
 * ARGV[1] year of receipt, for the id KL-<year>-<n>
 * ARGV[2] record JSON with RECORD_ID_PLACEHOLDER for the id
 * ARGV[3] receipt time in ms (score in KEYS[4], KEYS[5], KEYS[7])
 * ARGV[4] deadline score (epoch days) or ''
 * ARGV[5] '1' when the message has a fingerprint
 * ARGV[6] '1' when the message has a sender
 * ARGV[7] prefix of record keys (the id is appended)
 * ARGV[8] prefix of event list keys (the id is appended)
 * ARGV[9] hashed Message-ID or ''
 * ARGV[10..] event JSON, each with the placeholder for the id
 * Returns {1, id} when created, {0, id} when a dedupe key names an existing record.
 */
export const CREATE_RECORD_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
if ARGV[5] == '1' then
  existing = redis.call('GET', KEYS[2])
  if existing then return {0, existing} end
end
local n = redis.call('INCR', KEYS[3])
local id = string.format('KL-%s-%05d', ARGV[1], n)
redis.call('SET', ARGV[7] .. id, (string.gsub(ARGV[2], '${RECORD_ID_PLACEHOLDER}', id)))
for i = 10, #ARGV do
  redis.call('RPUSH', ARGV[8] .. id, (string.gsub(ARGV[i], '${RECORD_ID_PLACEHOLDER}', id)))
end
if ARGV[9] ~= '' then redis.call('SADD', KEYS[8], ARGV[9]) end
local now = redis.call('TIME')
redis.call('ZADD', KEYS[9], now[1] * 1000 + math.floor(now[2] / 1000), id)
redis.call('SET', KEYS[1], id)
if ARGV[5] == '1' then redis.call('SET', KEYS[2], id) end
redis.call('ZADD', KEYS[4], ARGV[3], id)
redis.call('ZADD', KEYS[5], ARGV[3], id)
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[6], ARGV[4], id) end
if ARGV[6] == '1' then redis.call('ZADD', KEYS[7], ARGV[3], id) end
return {1, id}
`;

/** What EVALSHA names the script by. */
export const CREATE_RECORD_SHA = createHash('sha1').update(CREATE_RECORD_SCRIPT).digest('hex');
