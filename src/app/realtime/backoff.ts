/** Reconnect delays: exponential growth from `initialMs`, capped at `maxMs`. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** Starts near half a second so a blip heals quickly; caps at 30 s so a long outage costs little. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/**
 * The delay before reconnect attempt `attempt` (0-based). "Equal jitter": half the exponential
 * delay is fixed and half random, so a room of clients dropped by one server restart spreads out
 * instead of reconnecting in lockstep, yet nobody retries instantly in a loop.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
