import { useEffect, useState } from "react";

/** The local clock, re-read every `intervalMs` while `isActive`; for timers that tick on screen. */
export function useNow(isActive: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isActive) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [isActive, intervalMs]);
  return now;
}
