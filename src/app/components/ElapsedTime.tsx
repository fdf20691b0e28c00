import { useNow } from "../hooks/useNow.ts";
import { formatElapsed, isoDuration } from "./formatElapsed.ts";

/** Props of {@link ElapsedTime}. */
export interface ElapsedTimeProps {
  /** Server timestamp the period started at. */
  since: number;
  /** Server clock minus local clock. */
  serverOffsetMs: number;
  className?: string;
}

/**
 * A clock counting up from a server timestamp, ticking each second. Not a live region: a screen
 * reader announcing every second would drown everything else.
 */
export function ElapsedTime({ since, serverOffsetMs, className }: ElapsedTimeProps) {
  const now = useNow(true);
  const elapsed = now + serverOffsetMs - since;
  return (
    <time className={className} dateTime={isoDuration(elapsed)}>
      {formatElapsed(elapsed)}
    </time>
  );
}
