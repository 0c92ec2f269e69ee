import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from '../adapters/redis-keys.ts';

/**
 * The audit trail (BIO 8.15, NEN 7513): one entry per sign-in (also failed), sign-out, view,
 * search, download, action and refusal, with time, actor, role, origin, action, object and
 * result. Never message content and never a search term (only what kind of term it was).
 *
 * Append-only: a Redis stream written only with XADD, never trimmed or edited by the service;
 * the stream id is the time of the entry, so a period is one XRANGE.
 */
export const AuditEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  role: z.string(),
  origin: z.string(),
  action: z.string(),
  object: z.string(),
  result: z.enum(['ok', 'refused', 'failed']),
  /** A code (why it was refused, what kind of search), never free text. */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'at'>;

export const AuditFilterSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(60).optional(),
  object: z.string().trim().max(60).optional(),
  result: z.enum(['ok', 'refused', 'failed']).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

const FIELDS = ['actor', 'role', 'origin', 'action', 'object', 'result', 'detail'] as const;

export interface AuditLog {
  append(entry: AuditInput): Promise<void>;
  read(filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
}

function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.actor && !entry.actor.toLowerCase().includes(filter.actor.toLowerCase())) return false;
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.object && entry.object.toUpperCase() !== filter.object.toUpperCase()) return false;
  if (filter.result && entry.result !== filter.result) return false;
  return true;
}

export function makeAuditLog(redis: Redis, keys: Keys): AuditLog {
  return {
    async append(entry) {
      const clean = AuditEntrySchema.omit({ at: true }).parse(entry);
      await redis.xadd(keys.consoleAudit(), '*', ...FIELDS.flatMap((field) => [field, clean[field]]));
    },
    /** Newest first; `from`/`to` are UTC days, inclusive. */
    async read(filter, limit) {
      const end = filter.to ? String(dayStartMs(filter.to) + 86_400_000 - 1) : '+';
      const start = filter.from ? String(dayStartMs(filter.from)) : '-';
      const out: AuditEntry[] = [];
      let cursor = end;
      // Page backwards until enough entries match or the range is exhausted.
      for (;;) {
        const page = (await redis.xrevrange(keys.consoleAudit(), cursor, start, 'COUNT', 1000)) as [string, string[]][];
        for (const [id, flat] of page) {
          const fields: Record<string, string> = {};
          for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] ?? ''] = flat[i + 1] ?? '';
          const entry = AuditEntrySchema.safeParse({ ...fields, at: new Date(Number(id.split('-')[0])).toISOString() });
          if (entry.success && matchesFilter(entry.data, filter)) out.push(entry.data);
          if (out.length >= limit) return out;
        }
        if (page.length < 1000) return out;
        const last = page[page.length - 1]?.[0] ?? '0-0';
        cursor = `(${last}`;
      }
    },
  };
}

/** A CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const header = ['tijd', 'wie', 'rol', 'herkomst', 'handeling', 'object', 'resultaat', 'toelichting'];
  const rows = entries.map((e) => [e.at, e.actor, e.role, e.origin, e.action, e.object, e.result, e.detail].map(csvCell).join(','));
  return `${[header.map(csvCell).join(','), ...rows].join('\r\n')}\r\n`;
}
