import { useServerNow } from "../../hooks/useServerNow.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { formatElapsed, isoDuration } from "../formatElapsed.ts";

/** Props of {@link ServerElapsedTime}. */
export interface ServerElapsedTimeProps {
  /** Server timestamp the period started at. */
  since: number;
  clock: ServerClock;
  className?: string;
}

/**
 * A clock counting up from a server timestamp at the server's time (so it stays right under the
 * development fast clock), ticking by itself. Not a live region, for the same reason as the countdown.
 */
export function ServerElapsedTime({ since, clock, className }: ServerElapsedTimeProps) {
  const elapsed = useServerNow(clock) - since;
  return (
    <time className={className} dateTime={isoDuration(elapsed)}>
      {formatElapsed(elapsed)}
    </time>
  );
}
