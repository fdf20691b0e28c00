import { serverNow, tickIntervalMs, type ServerClock } from "../realtime/serverClock.ts";
import { useNow } from "./useNow.ts";

/**
 * The server's "now", re-read about once per server second while `isActive` (so a countdown on
 * screen ticks in step with every other participant's, also under the development fast clock).
 * Keep it in the small component that shows the time: every tick re-renders its caller.
 */
export function useServerNow(clock: ServerClock, isActive = true): number {
  return serverNow(clock, useNow(isActive, tickIntervalMs(clock)));
}
