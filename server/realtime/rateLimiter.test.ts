import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rateLimiter.ts";
import { Limits } from "../../src/protocol/limits.ts";

describe("RateLimiter", () => {
  it("allows the burst, then refuses until tokens refill at the sustained rate", () => {
    let now = 0;
    const limiter = new RateLimiter(Limits.commandsPerSecond, Limits.commandBurst, () => now);
    const first = Array.from({ length: Limits.commandBurst + 5 }, () => limiter.tryTake("t:u"));
    expect(first.filter(Boolean)).toHaveLength(Limits.commandBurst);
    expect(limiter.tryTake("t:u")).toBe(false);
    now += 1000;
    const second = Array.from({ length: Limits.commandsPerSecond + 5 }, () => limiter.tryTake("t:u"));
    expect(second.filter(Boolean)).toHaveLength(Limits.commandsPerSecond);
  });

  it("keeps people's budgets separate", () => {
    const limiter = new RateLimiter(1, 1, () => 0);
    expect(limiter.tryTake("t:a")).toBe(true);
    expect(limiter.tryTake("t:a")).toBe(false);
    expect(limiter.tryTake("t:b")).toBe(true);
  });
});
