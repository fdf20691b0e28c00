/**
 * How this client reads the server's clock: the server's time in the last welcome, the local time
 * that welcome arrived, and how many server milliseconds pass per real one (1 in production; more
 * only under the development fast clock, `DEV_CLOCK_RATE`).
 */
export interface ServerClock {
  readonly serverTime: number;
  readonly localTime: number;
  readonly rate: number;
}

/** Before any welcome there is no server time to go by: the local clock stands in for it. */
export const LOCAL_CLOCK: ServerClock = { serverTime: 0, localTime: 0, rate: 1 };

/** The clock a welcome sets: its `serverTime` read at `localNow`; a missing or unusable rate means 1. */
export function clockAtWelcome(welcome: { serverTime: number; clockRate?: number }, localNow: number): ServerClock {
  const rate = welcome.clockRate !== undefined && Number.isFinite(welcome.clockRate) && welcome.clockRate > 0 ? welcome.clockRate : 1;
  return { serverTime: welcome.serverTime, localTime: localNow, rate };
}

/** The server's "now" at local time `localNow`: the welcome's server time plus the real time since, at the server's rate. */
export function serverNow(clock: ServerClock, localNow: number): number {
  return clock.serverTime + (localNow - clock.localTime) * clock.rate;
}

/**
 * How often a timer on screen should re-read the clock so it changes about once per server second:
 * every second normally, faster under a fast clock, but never more than ten times a second.
 */
export function tickIntervalMs(clock: ServerClock): number {
  return Math.min(1_000, Math.max(100, Math.round(1_000 / clock.rate)));
}
