import { describe, expect, it } from "vitest";
import { fastClock, realTimeOf, systemClock } from "./clock.ts";

describe("fastClock", () => {
  it("runs time faster by its rate from the moment it is made", () => {
    let real = 1_000_000;
    const clock = fastClock(60, () => real);
    real += 1_000;
    expect(clock.now()).toBe(1_000_000 + 60_000);
    expect(clock.rate).toBe(60);
  });

  it("maps its readings back to the real instants they were read at", () => {
    let real = 1_000_000;
    const clock = fastClock(60, () => real);
    real += 1_000;
    expect(realTimeOf(clock, clock.now())).toBe(1_001_000);
    expect(realTimeOf(systemClock, 42)).toBe(42);
  });
});
