/**
 * Slow-down and lock-out of repeated failed sign-ins, per account and per origin address (BIO:
 * resist guessing, notice spikes). Pure: the store keeps the count and the time of the last
 * failure for 15 minutes after it.
 *
 * Up to 3 failures: no wait. Then each attempt must wait 2^(n-3) seconds (at most 60) after the
 * last failure; an attempt that comes too soon is refused and counts as a failure, so a script
 * that ignores the wait locks itself out sooner. At 10 failures for an account (30 for an
 * address) sign-in is locked for 15 minutes after the last failure.
 */
export interface FailureState {
  count: number;
  lastMs: number;
}

export interface SignInLimits {
  freeFailures: number;
  lockAfter: number;
  lockMs: number;
  maxWaitMs: number;
}

export const ACCOUNT_LIMITS: SignInLimits = { freeFailures: 3, lockAfter: 10, lockMs: 15 * 60_000, maxWaitMs: 60_000 };
export const ADDRESS_LIMITS: SignInLimits = { freeFailures: 10, lockAfter: 30, lockMs: 15 * 60_000, maxWaitMs: 60_000 };

export type AttemptDecision = { allowed: true } | { allowed: false; reason: 'slow_down' | 'locked'; retryAfterMs: number };

export function decideAttempt(state: FailureState | null, nowMs: number, limits: SignInLimits): AttemptDecision {
  if (!state || state.count < limits.freeFailures) return { allowed: true };
  const since = nowMs - state.lastMs;
  if (state.count >= limits.lockAfter) {
    return since >= limits.lockMs ? { allowed: true } : { allowed: false, reason: 'locked', retryAfterMs: limits.lockMs - since };
  }
  const wait = Math.min(limits.maxWaitMs, 1000 * 2 ** (state.count - limits.freeFailures));
  return since >= wait ? { allowed: true } : { allowed: false, reason: 'slow_down', retryAfterMs: wait - since };
}

/** The stricter of two decisions (account and address). */
export function stricter(a: AttemptDecision, b: AttemptDecision): AttemptDecision {
  if (a.allowed) return b;
  if (b.allowed) return a;
  if (a.reason !== b.reason) return a.reason === 'locked' ? a : b;
  return a.retryAfterMs >= b.retryAfterMs ? a : b;
}
