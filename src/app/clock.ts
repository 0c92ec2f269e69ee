/**
 * Time as the schedulers see it. Production uses the wall clock; tests use a fast clock in
 * which days pass in milliseconds, so reminders planned weeks ahead fire during a test.
 */
export interface Clock {
  now(): Date;
  /** Real milliseconds to wait until the clock shows `instant` (0 when it is past). */
  msUntil(instant: Date): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  msUntil: (instant) => Math.max(0, instant.getTime() - Date.now()),
};

/** A clock that starts at `start` and runs `speed` times faster than real time. */
export function makeFastClock(start: Date, speed: number): Clock {
  const realStart = Date.now();
  const now = () => new Date(start.getTime() + (Date.now() - realStart) * speed);
  return { now, msUntil: (instant) => Math.max(0, Math.round((instant.getTime() - now().getTime()) / speed)) };
}
