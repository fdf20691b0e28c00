/** The server's only source of time, injected so tests and the domain never read the wall clock directly. */
export interface Clock {
  now(): number;
  /** Server milliseconds per real millisecond; 1 unless a development fast clock is configured. */
  readonly rate?: number;
  /** The real instant at which this clock read `ms`; the identity unless the clock runs fast. */
  realTimeOf?(ms: number): number;
}

/**
 * The real instant of a meeting-time reading: what outside systems (Planner's timestamps, the
 * outbox's real-time worker) compare against, whatever clock the meetings run on.
 */
export function realTimeOf(clock: Clock, ms: number): number {
  return clock.realTimeOf ? clock.realTimeOf(ms) : ms;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that runs `rate` times faster than real time from the moment it is made, so end-to-end
 * tests can watch a 10-minute timebox overrun in seconds. Development only (see config).
 */
export function fastClock(rate: number, realNow: () => number = Date.now): Clock {
  const origin = realNow();
  return { now: () => Math.round(origin + (realNow() - origin) * rate), rate, realTimeOf: (ms) => Math.round(origin + (ms - origin) / rate) };
}
