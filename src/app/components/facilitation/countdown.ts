/** A phase countdown as shown: the clock text (`04:12`, `1:02:09`) and whether it counts time over. */
export interface CountdownText {
  clock: string;
  isOverrun: boolean;
}

/**
 * Milliseconds left in a phase as a countdown: `mm:ss` (with hours past an hour) of the time left,
 * or of the time over once `remainingMs` is negative. Seconds round up, so `00:00` shows only when
 * time is exactly up and the first moment over reads `00:01` over, never a misleading `00:00` over.
 */
export function formatCountdown(remainingMs: number): CountdownText {
  const isOverrun = remainingMs < 0;
  const totalSeconds = Math.ceil(Math.abs(remainingMs) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  return { clock: hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`, isOverrun };
}
