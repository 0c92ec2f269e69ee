import { z } from 'zod';
import { daysBetween, parseCalendarDate, type CalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { COMPLAINT_ID_PATTERN } from '../domain/reply-types.ts';
import { CLOSED_STATUSES, RUNNING_STATUSES } from '../domain/record-status.ts';

/**
 * The work queue, pure: one row per record (register fields plus a lower-case search text kept
 * only in memory), the filters, and the grouping officers asked for: what needs attention today
 * first. Sections, in order, each sorted by days left then receipt:
 *   urgent     urgent or needs_review
 *   overdue    deadline passed
 *   due_soon   deadline within 7 days
 *   awaiting   waiting for name or address (Awb 9:4)
 *   new        received in the last 7 days, not assigned
 *   rest
 */
export interface RegisterRow {
  id: string;
  receivedAt: string;
  receivedDate: string;
  status: string;
  kind: string | null;
  urgent: boolean;
  flags: string[];
  deadline: string | null;
  assignedTo: string | null;
  /** Deadline and receipt as days since 1970, computed once: the queue sorts thousands of rows. */
  deadlineDay: number | null;
  receivedDay: number;
  /** Reference, sender and contact address, name, postcode (with and without space), lower case. */
  search: string;
}

export const SECTIONS = ['urgent', 'overdue', 'due_soon', 'awaiting', 'new', 'rest'] as const;
export type Section = (typeof SECTIONS)[number];
export const SECTION_TITLES: Record<Section, string> = {
  urgent: 'Spoed en controle nodig',
  overdue: 'Termijn verstreken',
  due_soon: 'Termijn binnen 7 dagen',
  awaiting: 'Wacht op gegevens van de indiener',
  new: 'Nieuw (laatste 7 dagen, niet toegewezen)',
  rest: 'Overige lopende klachten',
};

const RUNNING = new Set<string>(RUNNING_STATUSES);
const CLOSED = new Set<string>(CLOSED_STATUSES);
const NEW_DAYS = 7;
const DUE_SOON_DAYS = 7;

export function toRow(record: ComplaintRecord): RegisterRow {
  const contact = record.contact;
  const postcode = contact.address?.postcode ?? record.triage?.complainant.address?.postcode ?? null;
  const parts = [
    record.id,
    record.message?.from?.address,
    record.message?.replyTo?.address,
    contact.email,
    contact.name,
    record.triage?.complainant.name,
    postcode,
    postcode?.replace(/\s+/g, ''),
  ];
  return {
    id: record.id,
    receivedAt: record.receivedAt,
    receivedDate: record.receivedDate,
    status: record.status,
    kind: record.triage?.kind ?? null,
    urgent: record.triage?.urgent ?? false,
    flags: [...record.intakeFlags, ...(record.triage?.flags ?? [])],
    deadline: RUNNING.has(record.status) ? (record.deadline?.deadline ?? null) : null,
    assignedTo: record.assignedTo,
    deadlineDay: RUNNING.has(record.status) && record.deadline ? epochDay(record.deadline.deadline) : null,
    receivedDay: epochDay(record.receivedDate),
    search: parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n').toLowerCase(),
  };
}

/** An empty form field means "no filter", not 0 or "". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const QueueFilterSchema = z.preprocess((v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)])) : {}), z.object({
  status: z.string().trim().regex(/^[a-z_]{0,30}$/).optional().catch(undefined),
  kind: z.string().trim().regex(/^[a-z_]{0,30}$/).optional().catch(undefined),
  flag: z.string().trim().regex(/^[a-z_]{0,40}$/).optional().catch(undefined),
  /** An officer's address, `me` or `none`. */
  assigned: z.string().trim().max(200).optional().catch(undefined),
  due: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
}));
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

/** What kind of search term it is: the audit log records this, never the term. */
export function searchKind(q: string): 'reference' | 'email' | 'postcode' | 'text' {
  if (COMPLAINT_ID_PATTERN.test(q)) return 'reference';
  if (q.includes('@')) return 'email';
  if (/^\d{4}\s?[a-z]{2}$/i.test(q)) return 'postcode';
  return 'text';
}

export const epochDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

export function daysLeft(row: Pick<RegisterRow, 'deadline'> & Partial<Pick<RegisterRow, 'deadlineDay'>>, today: CalendarDate): number | null {
  if (row.deadlineDay !== undefined) return row.deadlineDay === null ? null : row.deadlineDay - epochDay(today);
  return row.deadline ? daysBetween(today, parseCalendarDate(row.deadline)) : null;
}

export function sectionOf(row: RegisterRow, today: CalendarDate): Section {
  if (row.urgent || row.flags.includes('needs_review')) return 'urgent';
  const left = daysLeft(row, today);
  if (left !== null && left < 0) return 'overdue';
  if (left !== null && left <= DUE_SOON_DAYS) return 'due_soon';
  if (row.status === 'awaiting_details') return 'awaiting';
  if (!row.assignedTo && epochDay(today) - row.receivedDay <= NEW_DAYS) return 'new';
  return 'rest';
}

/**
 * Rows an unfiltered queue shows: running complaints; messages triage could not classify until
 * an officer closes them (as the digest lists them); urgent messages of the last week.
 */
function isOnQueue(row: RegisterRow, today: CalendarDate): boolean {
  if (RUNNING.has(row.status)) return true;
  if (CLOSED.has(row.status) || row.status === 'ignored') return false;
  if (row.flags.includes('needs_review')) return true;
  return row.urgent && epochDay(today) - row.receivedDay <= NEW_DAYS;
}

export function filterRows(rows: Iterable<RegisterRow>, filter: QueueFilter, today: CalendarDate, me: string): RegisterRow[] {
  const q = filter.q?.toLowerCase() ?? '';
  const qCompact = q.replace(/\s+/g, '');
  const searching = q !== '';
  const out: RegisterRow[] = [];
  for (const row of rows) {
    if (filter.status) {
      if (row.status !== filter.status) continue;
    } else if (!searching && !isOnQueue(row, today)) continue;
    if (filter.kind && row.kind !== filter.kind) continue;
    if (filter.flag && !row.flags.includes(filter.flag) && !(filter.flag === 'urgent_safety' && row.urgent)) continue;
    if (filter.assigned) {
      const who = filter.assigned === 'me' ? me : filter.assigned.toLowerCase();
      if (who === 'none' ? row.assignedTo !== null : row.assignedTo?.toLowerCase() !== who) continue;
    }
    if (filter.due !== undefined) {
      const left = daysLeft(row, today);
      if (left === null || left > filter.due) continue;
    }
    if (searching && !row.search.includes(q) && !(qCompact.length >= 6 && row.search.includes(qCompact))) continue;
    out.push(row);
  }
  return out;
}

export interface QueueGroup {
  section: Section;
  title: string;
  rows: RegisterRow[];
}

export function groupRows(rows: readonly RegisterRow[], today: CalendarDate): QueueGroup[] {
  const bySection = new Map<Section, RegisterRow[]>(SECTIONS.map((section) => [section, []]));
  for (const row of rows) bySection.get(sectionOf(row, today))?.push(row);
  const order = (a: RegisterRow, b: RegisterRow) =>
    (a.deadlineDay ?? Number.MAX_SAFE_INTEGER) - (b.deadlineDay ?? Number.MAX_SAFE_INTEGER) || (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0);
  return SECTIONS.map((section) => ({ section, title: SECTION_TITLES[section], rows: (bySection.get(section) ?? []).sort(order) })).filter((group) => group.rows.length > 0);
}
