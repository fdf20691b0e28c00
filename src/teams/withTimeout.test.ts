import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withTimeout } from "./withTimeout.ts";

describe("withTimeout", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives up when the promise never settles, as teams-js does in a silent iframe", async () => {
    const outcome = withTimeout(new Promise<never>(() => undefined), 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(outcome).resolves.toEqual({ kind: "timeout" });
  });

  it("passes a value through and clears its timer", async () => {
    await expect(withTimeout(Promise.resolve(42), 5_000)).resolves.toEqual({ kind: "value", value: 42 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports a rejection as an error outcome instead of throwing", async () => {
    const error = new Error("No Parent window found");
    await expect(withTimeout(Promise.reject(error), 5_000)).resolves.toEqual({ kind: "error", error });
    expect(vi.getTimerCount()).toBe(0);
  });
});
