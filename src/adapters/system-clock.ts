/** The wall clock, what every process runs on outside tests (the Clock port of app/ports.ts). */
export const systemClock = {
  now: (): Date => new Date(),
  /** Real milliseconds until `instant`, 0 when it is past: a job's delay. */
  msUntil: (instant: Date): number => Math.max(0, instant.getTime() - Date.now()),
};
