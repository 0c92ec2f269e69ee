import type { IntakeFlag } from './complaint-record.ts';
import { isMachineCode } from './machine-code.ts';
import type { TriageResult } from './triage/triage-result.ts';

/**
 * The reason codes an officer alert shows. Triage reasons are rule ids such as
 * `urgent:threat_to_life` or `kind:report:urgent_without_complaint`; a template accepts only
 * machine codes (`a-z0-9_`), so the urgency rules become `urgent_threat_to_life` and the rest
 * is represented by the flags (`urgent_safety`, `missing_address`). Never message text: rule ids
 * and flags are fixed vocabularies. Never empty, so an alert can always be sent.
 */
export const MAX_ALERT_REASONS = 20;

export function alertReasons(triage: (Pick<TriageResult, 'urgent' | 'flags' | 'reasons'> & Partial<Pick<TriageResult, 'kind'>>) | null, intakeFlags: readonly IntakeFlag[] = []): string[] {
  const urgencyRules = (triage?.reasons ?? [])
    .filter((reason) => reason.startsWith('urgent:'))
    .map((reason) => reason.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/_+$/, ''));
  const codes = [...(triage?.urgent ? ['urgent_safety'] : []), ...urgencyRules, ...(triage?.kind === 'report' ? ['safety_report'] : []), ...(triage?.flags ?? []), ...intakeFlags];
  const unique = [...new Set(codes)].filter(isMachineCode).slice(0, MAX_ALERT_REASONS);
  return unique.length > 0 ? unique : ['needs_attention'];
}
