import type { ParsedMessage } from '../parsed-message.ts';

/**
 * The receiving mail server's spam verdict. A message it judged spam is recorded (kind `spam`,
 * status `ignored`) and never answered: answering spam is backscatter to forged senders, which
 * gets a domain blocklisted. Officers still see it in the digest and can rescue a real complaint
 * a filter got wrong. Only verdict headers count, never the content.
 *
 * SpamAssassin: `X-Spam-Flag: YES`, `X-Spam-Status: Yes, score=...`; many filters: `X-Spam: Yes`;
 * Rspamd: `X-Rspamd-Action` (`reject`, `add header`, `rewrite subject`; `soft reject` is
 * greylisting, no verdict); Microsoft: the spam confidence level, `X-MS-Exchange-Organization-SCL`
 * or `SCL:` in `X-Forefront-Antispam-Report`, at or above a threshold (5 by default: Exchange
 * Online's own junk threshold), and `SFV:SPM` (filtered as spam) in the latter.
 */
export const DEFAULT_SPAM_SCL_THRESHOLD = 5;

export function spamVerdict(message: ParsedMessage, sclThreshold = DEFAULT_SPAM_SCL_THRESHOLD): string[] {
  const values = (name: string) => (message.headers[name] ?? '').split('\n').map((value) => value.trim()).filter(Boolean);
  const rules: string[] = [];
  if (values('x-spam-flag').some((value) => /^yes\b/i.test(value))) rules.push('spam:x_spam_flag');
  if (values('x-spam-status').some((value) => /^yes\b/i.test(value))) rules.push('spam:x_spam_status');
  if (values('x-spam').some((value) => /^(?:yes|true|spam)\b/i.test(value))) rules.push('spam:x_spam');
  if (values('x-rspamd-action').some((value) => /^(?:reject|add header|rewrite subject)\b/i.test(value))) rules.push('spam:rspamd_action');
  const scl = [...values('x-ms-exchange-organization-scl'), ...values('x-forefront-antispam-report').map((value) => /\bSCL:(-?\d+)/i.exec(value)?.[1] ?? '')]
    .map(Number)
    .filter((level) => Number.isInteger(level) && level >= 0);
  if (scl.some((level) => level >= sclThreshold)) rules.push('spam:microsoft_scl');
  if (values('x-forefront-antispam-report').some((value) => /\bSFV:SPM\b/i.test(value))) rules.push('spam:microsoft_sfv');
  return rules;
}
