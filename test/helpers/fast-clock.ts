import type { Clock } from '../../src/app/ports.ts';

/** A clock that starts at `start` and runs `speed` times faster than real time. */
export function makeFastClock(start: Date, speed: number): Clock {
  const realStart = Date.now();
  const now = () => new Date(start.getTime() + (Date.now() - realStart) * speed);
  return { now, msUntil: (instant) => Math.max(0, Math.round((instant.getTime() - now().getTime()) / speed)) };
}
