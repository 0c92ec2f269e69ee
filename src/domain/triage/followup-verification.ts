import { chooseReply } from './reply.ts';
import { isAutomaticKind } from './triage-result.ts';
import type { TriageResult } from './triage-result.ts';

/**
 * Triage calls a message a follow-up on the strength of a reference alone; the intake, which
 * has the store, then says whether the complaint exists and whether the sender may add to it.
 * A reference is trusted when the complaint exists and either the sender is the complainant or
 * the message answers one of our replies (In-Reply-To/References), since only a recipient of
 * our reply has its Message-ID in a reply chain. Otherwise the message is treated as if it
 * carried no reference (a new complaint, compliment, ...) and flagged `unverified_reference`,
 * keeping `caseRef` so officers can see which complaint it claimed.
 */
export interface FollowupVerification {
  /** The referenced complaint exists in the store. */
  known: boolean;
  /** The sender's address matches the stored complainant's. */
  senderMatches: boolean;
  /** In-Reply-To/References point at one of our reply Message-IDs. */
  headersPointAtOurReply: boolean;
}

export function applyFollowupVerification(result: TriageResult, verification: FollowupVerification): TriageResult {
  if (result.kind !== 'followup') return result;
  if (verification.known && (verification.senderMatches || verification.headersPointAtOurReply)) return result;
  const contentKind = result.contentKind;
  if (isAutomaticKind(contentKind)) return result;
  const flags = result.flags.includes('unverified_reference') ? result.flags : [...result.flags, 'unverified_reference' as const];
  // A follow-up whose reply was suppressed (our own mailbox, no sender) stays without reply.
  const suppressed = result.reply === null ? 'suppressed_before_verification' : null;
  const decision = chooseReply({ kind: contentKind, contentKind, urgent: result.urgent, flags, suppressed });
  return {
    ...result,
    kind: contentKind,
    flags,
    reply: decision.reply,
    reasons: [
      ...result.reasons.filter((reason) => !reason.startsWith('reply:')),
      `flag:unverified_reference:${verification.known ? 'sender_mismatch' : 'unknown_reference'}`,
      `reply:${decision.reply ?? 'none'}:${decision.rule}`,
    ],
  };
}
