/**
 * A few Prometheus counters and gauges, written out in the text exposition format. Small on
 * purpose: the service needs counts and a lag figure, not a metrics library.
 */
const HELP = {
  messages_ingested_total: ['counter', 'Messages turned into a complaint record or follow-up'],
  messages_duplicate_total: ['counter', 'Messages seen again and recognised as already recorded'],
  parse_failures_total: ['counter', 'Messages that could not be parsed as MIME'],
  messages_quarantined_total: ['counter', 'Messages moved to the quarantine mailbox'],
  intake_errors_total: ['counter', 'Messages whose intake failed and will be retried'],
  replies_sent_total: ['counter', 'Automatic replies accepted by the mail server'],
  replies_failed_total: ['counter', 'Automatic replies that failed permanently'],
  replies_suppressed_total: ['counter', 'Automatic replies not sent (loop or flood protection)'],
  imap_reconnects_total: ['counter', 'IMAP connections opened after a failure'],
  records_missing: ['gauge', 'Processed messages without a record in Redis (data lost?)'],
  intake_lag_seconds: ['gauge', 'Seconds from arrival in the mailbox to record, last message'],
  imap_connected: ['gauge', '1 while the mailbox connection is up'],
  mailbox_lease_held: ['gauge', '1 while this instance holds the mailbox lease and reads the inbox'],
  imap_auth_failed: ['gauge', '1 while the IMAP server refuses the login (check IMAP_USER/IMAP_PASSWORD)'],
  replies_deferred_total: ['counter', 'Reply attempts the mail server did not take for now (retried)'],
  smtp_failing: ['gauge', '1 while the last attempt to hand a reply to the mail server failed for now'],
  imap_move_failures_total: ['counter', 'Messages a MOVE out of the inbox failed for, after a retry per message'],
  imap_moves_stuck: ['gauge', 'Messages the last inbox pass could not move out (not ready while above 0)'],
} as const;
export type MetricName = keyof typeof HELP;

/** Gauges whose value is a code, shown as a label (the Prometheus "info" pattern). */
const LABELLED = {
  smtp_last_failure: ['code', 'Code of the last failed attempt to hand mail to the mail server'],
} as const;
export type LabelledName = keyof typeof LABELLED;

export interface Metrics {
  inc(name: MetricName, by?: number): void;
  set(name: MetricName, value: number): void;
  get(name: MetricName): number;
  observeLag(ms: number): void;
  setCode(name: LabelledName, code: string): void;
  getCode(name: LabelledName): string | null;
  render(): string;
}

export function makeMetrics(namespace = 'klachtenopvang'): Metrics {
  const values = new Map<MetricName, number>();
  const codes = new Map<LabelledName, string>();
  const metrics: Metrics = {
    inc: (name, by = 1) => void values.set(name, (values.get(name) ?? 0) + by),
    set: (name, value) => void values.set(name, value),
    get: (name) => values.get(name) ?? 0,
    observeLag: (ms) => metrics.set('intake_lag_seconds', Math.max(0, ms) / 1000),
    // Codes are ours (delivery-error.ts); the character filter keeps the exposition valid anyway.
    setCode: (name, code) => void codes.set(name, code.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64)),
    getCode: (name) => codes.get(name) ?? null,
    render: () =>
      (Object.keys(HELP) as MetricName[])
        .map((name) => {
          const [type, help] = HELP[name];
          const full = `${namespace}_${name}`;
          return `# HELP ${full} ${help}\n# TYPE ${full} ${type}\n${full} ${values.get(name) ?? 0}\n`;
        })
        .join('') +
      (Object.keys(LABELLED) as LabelledName[])
        .filter((name) => codes.has(name))
        .map((name) => {
          const [label, help] = LABELLED[name];
          const full = `${namespace}_${name}`;
          return `# HELP ${full} ${help}\n# TYPE ${full} gauge\n${full}{${label}="${codes.get(name)}"} 1\n`;
        })
        .join(''),
  };
  return metrics;
}
