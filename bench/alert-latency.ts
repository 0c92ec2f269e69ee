/**
 * `npm run bench` (third part), alone `npm run bench:alert`: how long an urgent message takes
 * from its receipt (the IMAP APPEND to Dovecot) until the officers' alert is accepted by the
 * SMTP server. Fresh Redis (AOF, fsync always), Dovecot and SMTP sink on loopback, as
 * `bench/run.ts` starts them; the service runs its mailbox, replies and officer roles in this
 * process. BENCH_ALERTS urgent messages (default 20), one at a time with the service otherwise
 * idle, each from another sender; prints the median and the worst. Target: worst < 5 s (the
 * alert must not wait for a digest or a retry). This figure was an assertion in
 * test/integration/reminders.test.ts, which now asserts only that the alert is sent.
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { startDovecot } from '../test/helpers/dovecot-server.ts';
import { imapFlowOptions } from '../test/helpers/imap-client.ts';
import { makeEml } from '../test/helpers/make-eml.ts';
import { startRedis } from '../test/helpers/redis-server.ts';
import { startSmtpSink, type ReceivedMessage, type SmtpSink } from '../test/helpers/smtp-sink.ts';
import { startService } from '../test/helpers/service.ts';

const ALERTS = Number(process.env['BENCH_ALERTS'] ?? 20);
const TIMEOUT_MS = 30_000;
const URGENT_BODY = ['Hij staat nu voor de deur en dreigt mij te vermoorden. Ik durf niet open te doen.', '', 'Sanne Visser'].join('\r\n');
/** The alert's Message-ID names its type (`<KL-2026-00001.officer_alert.…>`); the header may be folded. */
const isAlert = (message: ReceivedMessage) => /^Message-ID:[^\n]*\.officer_alert\./im.test(message.raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' '));
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/** Resolves when the next officer alert after message `from` is accepted by the sink. */
async function nextAlert(smtp: SmtpSink, from: number): Promise<number> {
  for (let seen = from; ; seen += 1) {
    // The sink resolves waitFor in the same turn it accepts the message: the moment is exact.
    const messages = await smtp.waitFor(seen + 1, TIMEOUT_MS);
    const message = messages[seen];
    if (message && isAlert(message)) return seen + 1;
  }
}

async function main(): Promise<void> {
  const [redis, dovecot, smtp] = await Promise.all([startRedis(), startDovecot(), startSmtpSink()]);
  try {
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'] });
    // One logged-in client for the appends, so the figure starts at APPEND, not at a login.
    const appender = new ImapFlow(imapFlowOptions(dovecot));
    await appender.connect();
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const latencies: number[] = [];
      for (let i = 0; i < ALERTS; i += 1) {
        const before = smtp.messages.length;
        const raw = makeEml({ messageId: `<alert-${i}-${randomBytes(4).toString('hex')}@example.nl>`, from: `Melder ${i} <melder${i}@example.nl>`, subject: 'Help', body: URGENT_BODY });
        const alerted = nextAlert(smtp, before);
        const t0 = performance.now();
        await appender.append('INBOX', raw);
        await alerted;
        latencies.push(performance.now() - t0);
        // The urgent reply to the complainant goes out too; let it pass before the next message.
        await smtp.waitFor(before + 2, TIMEOUT_MS);
        await new Promise((r) => setTimeout(r, 200));
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const median = sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] ?? NaN) : ((sorted[sorted.length / 2 - 1] ?? NaN) + (sorted[sorted.length / 2] ?? NaN)) / 2;
      const worst = sorted.at(-1) ?? NaN;
      console.log(`(f) APPEND -> officer alert at SMTP: median ${fmt(median)}, worst ${fmt(worst)} (${ALERTS} urgent messages; target worst < 5 s)`);
    } finally {
      await appender.logout();
      await service.stop();
    }
  } finally {
    await Promise.all([redis.stop(), dovecot.stop(), smtp.stop()]);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
