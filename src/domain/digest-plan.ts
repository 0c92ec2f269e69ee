import { complaintLink } from './console-link.ts';
import { z } from 'zod';
import { amsterdamDateOf, daysBetween, parseCalendarDate, type CalendarDate } from './calendar-date.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { eventsOf, hasEvent, hearingRecorded, lastEvent, type RecordEvent } from './record-events.ts';
import { formatLongDate } from './format-date.ts';
import { isMachineCode } from './machine-code.ts';
import { needsDeadline } from './record-rules.ts';
import type { ComplainantMailType, Language } from './reply-types.ts';
import type {
  AwaitingDetailsItem,
  DeadlineKind,
  DigestItem,
  FollowupItem,
  ReplyFailedItem,
  TemplateVariables,
} from './template-variables.ts';

/**
 * What goes into the officers' daily digest, decided from records and their events alone (no
 * I/O, so every rule can be tested with plain data). Sections:
 *
 *   needsReview      messages triage could not classify (`needs_review`) that no officer has
 *                    closed yet: first, since only a person can decide what they are
 *   urgent           recorded since the last digest with signs of acute danger, or an urgent
 *                    follow-up since then (the officers were alerted at once; this is the recap)
 *   overdue          complaints whose clock runs and whose first deadline has passed
 *   dueSoon          the same, deadline today or within DUE_SOON_DAYS
 *   noHearing        running complaints within HEARING_DUE_DAYS of their deadline (or past it)
 *                    with no hearing held or waived (Awb 9:10)
 *   received         everything recorded since the last digest except automatic mail
 *   awaitingDetails  complaints waiting for a name or address, with the days since we asked
 *                    (the request_details reply), or since receipt when that never went out
 *   anonymous        anonymous complaints registered since the last digest
 *   replyFailed      replies the mail server refused since the last digest
 *   followups        messages about a known complaint received since the last digest
 *   spam             mail the server judged spam since the last digest (never answered; an
 *                    officer can still rescue a real complaint a filter got wrong)
 *
 * "Since the last digest" means after `since` and up to `until`, both in ms; a complaint's
 * first deadline is the earlier of its Awb 9:11 deadline and its Awb 9:8 notice date. Every
 * section is sorted by days left (none last), then by reference. Items carry references, codes,
 * dates and counts only; at DIGEST_DETAIL=standard also the receipt date and assigned officer.
 */

export const DUE_SOON_DAYS = 7;
/** Two weeks before the deadline a complaint should have had its hearing, or a reason it will not. */
export const HEARING_DUE_DAYS = 14;
export const DIGEST_DETAIL_LEVELS = ['minimal', 'standard'] as const;
export type DigestDetail = (typeof DIGEST_DETAIL_LEVELS)[number];

export interface DigestRecord {
  record: ComplaintRecord;
  events: readonly RecordEvent[];
}

export interface DigestPlanInput {
  /** The calendar day (Europe/Amsterdam) the digest is for. */
  today: CalendarDate;
  /** Events and records after `since` and up to `until` (epoch ms) are "since the last digest". */
  since: number;
  until: number;
  detail: DigestDetail;
  lang: Language;
  /** Every running complaint, plus any other record that may have news; duplicates are ignored. */
  records: readonly DigestRecord[];
  listCommand: string;
  /** CONSOLE_URL: each reference links to the complaint's page. */
  consoleUrl?: string | null;
}

const OfficerAddress = z.email();

interface Clock {
  kind: DeadlineKind;
  date: CalendarDate;
}

/** The deadline that runs out first while a complaint is being handled; null when none runs. */
export function firstDeadline(record: ComplaintRecord): Clock | null {
  if (!needsDeadline(record.status)) return null;
  const clocks: Clock[] = [];
  if (record.deadline) {
    const kind: DeadlineKind = record.deadline.route === 'committee' ? 'committee' : record.deadline.extensionWeeks > 0 ? 'extended' : 'handling';
    clocks.push({ kind, date: parseCalendarDate(record.deadline.deadline) });
  }
  if (record.noticeBy) clocks.push({ kind: 'not_handled_notice', date: parseCalendarDate(record.noticeBy) });
  return clocks.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}

export function planDigest(input: DigestPlanInput): TemplateVariables['digest'] {
  const inWindow = (iso: string) => {
    const at = Date.parse(iso);
    return at > input.since && at <= input.until;
  };
  const unique = new Map<string, DigestRecord>();
  for (const entry of input.records) if (!unique.has(entry.record.id)) unique.set(entry.record.id, entry);
  const entries = [...unique.values()];

  const urgentFollowup = (entry: DigestRecord) =>
    hasEvent(entry.events, 'followup_received', (e) => inWindow(e.at) && e.data.triage?.urgent === true);

  const item = (entry: DigestRecord): DigestItem => {
    const { record } = entry;
    const clock = firstDeadline(record);
    const flags = [...record.intakeFlags, ...(record.triage?.flags ?? []), ...(urgentFollowup(entry) ? ['urgent_followup'] : [])];
    const standard = input.detail === 'standard';
    return {
      reference: record.id,
      messageKind: record.triage?.kind ?? 'unparsed',
      status: record.status,
      kind: clock?.kind ?? null,
      deadline: clock ? formatLongDate(clock.date, input.lang) : null,
      daysLeft: clock ? daysBetween(input.today, clock.date) : null,
      flags: [...new Set(flags)].filter(isMachineCode),
      receivedDate: standard ? formatLongDate(record.receivedDate, input.lang) : null,
      assignedTo: standard && record.assignedTo && OfficerAddress.safeParse(record.assignedTo).success ? record.assignedTo : null,
      link: complaintLink(input.consoleUrl, record.id),
    };
  };

  const isNew = (entry: DigestRecord) => inWindow(entry.record.ingestedAt);
  const running = entries.filter((entry) => needsDeadline(entry.record.status));
  const withClock = running.map((entry) => ({ entry, daysLeft: item(entry).daysLeft })).filter((x): x is { entry: DigestRecord; daysLeft: number } => x.daysLeft !== null);

  const urgent = entries.filter((entry) => (isNew(entry) && entry.record.triage?.urgent === true) || urgentFollowup(entry)).map(item);
  const overdue = withClock.filter((x) => x.daysLeft < 0).map((x) => item(x.entry));
  const dueSoon = withClock.filter((x) => x.daysLeft >= 0 && x.daysLeft <= DUE_SOON_DAYS).map((x) => item(x.entry));
  const noHearing = withClock.filter((x) => x.daysLeft <= HEARING_DUE_DAYS && !hearingRecorded(x.entry.events)).map((x) => item(x.entry));
  const received = entries.filter((entry) => isNew(entry) && entry.record.status !== 'ignored').map(item);
  const anonymous = entries.filter((entry) => isNew(entry) && entry.record.status === 'registered').map(item);
  const needsReview = entries
    .filter((entry) => entry.record.triage?.flags.includes('needs_review') === true && !isClosedStatus(entry.record.status))
    .map(item);
  const spam = entries.filter((entry) => isNew(entry) && entry.record.triage?.kind === 'spam').map(item);

  const awaitingDetails = entries
    .filter((entry) => entry.record.status === 'awaiting_details')
    .map((entry): AwaitingDetailsItem => {
      const asked = lastEvent(entry.events, 'reply_sent', (e) => e.data.type === 'request_details' && Date.parse(e.at) <= input.until);
      const from = asked ? amsterdamDateOf(new Date(asked.at)) : parseCalendarDate(entry.record.receivedDate);
      return { ...item(entry), detailsAsked: asked !== undefined, daysSinceAsked: Math.max(0, daysBetween(from, input.today)) };
    });

  const replyFailed = entries.flatMap((entry): ReplyFailedItem[] => {
    const types = new Set<ComplainantMailType>(eventsOf(entry.events, 'reply_failed', (e) => inWindow(e.at)).map((e) => e.data.type));
    return types.size > 0 ? [{ ...item(entry), failedReplies: [...types] }] : [];
  });

  const followups = entries.flatMap((entry): FollowupItem[] => {
    const count = eventsOf(entry.events, 'followup_received', (e) => inWindow(e.at)).length;
    return count > 0 ? [{ ...item(entry), followups: count }] : [];
  });

  const sections = {
    needsReview: sortItems(needsReview),
    urgent: sortItems(urgent),
    overdue: sortItems(overdue),
    dueSoon: sortItems(dueSoon),
    noHearing: sortItems(noHearing),
    received: sortItems(received),
    awaitingDetails: sortItems(awaitingDetails),
    anonymous: sortItems(anonymous),
    replyFailed: sortItems(replyFailed),
    followups: sortItems(followups),
    spam: sortItems(spam),
  };
  return {
    date: formatLongDate(input.today, input.lang),
    counts: {
      open: running.length,
      needsReview: sections.needsReview.length,
      urgent: sections.urgent.length,
      overdue: sections.overdue.length,
      dueSoon: sections.dueSoon.length,
      noHearing: sections.noHearing.length,
      received: sections.received.length,
      awaitingDetails: sections.awaitingDetails.length,
      anonymous: sections.anonymous.length,
      replyFailed: sections.replyFailed.length,
      followups: sections.followups.length,
      spam: sections.spam.length,
    },
    ...sections,
    listCommand: input.listCommand,
  };
}

/** Decided records leave the review list: closed, or not handled (Awb 9:8). */
function isClosedStatus(status: ComplaintRecord['status']): boolean {
  return status === 'closed' || status === 'not_handled';
}

/** A follow-up event stores its triage; only its `urgent` field is read here. */

/** Fewest days left first, complaints without a running deadline last, then by reference. */
function sortItems<T extends DigestItem>(items: T[]): T[] {
  const days = (i: DigestItem) => i.daysLeft ?? Number.POSITIVE_INFINITY;
  return items.sort((a, b) => days(a) - days(b) || a.reference.localeCompare(b.reference, 'en', { numeric: true }));
}
