/** The result of racing a promise against a deadline. */
export type TimedOutcome<T> = { kind: "value"; value: T } | { kind: "error"; error: unknown } | { kind: "timeout" };

/** Races a promise against a timer; the timer is cleared either way so nothing keeps running. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<TimedOutcome<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: "value", value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: "error", error });
      },
    );
  });
}
