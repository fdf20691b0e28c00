import { describe, expect, it } from "vitest";
import { clockAtWelcome, LOCAL_CLOCK, serverNow, tickIntervalMs } from "./serverClock.ts";

describe("serverClock", () => {
  it("reads the server's time from the welcome plus the real time since, when the rate is absent", () => {
    const clock = clockAtWelcome({ serverTime: 50_000 }, 10_000);
    expect(clock.rate).toBe(1);
    expect(serverNow(clock, 10_000)).toBe(50_000);
    expect(serverNow(clock, 13_500)).toBe(53_500);
  });

  it("runs at the server's rate under the development fast clock", () => {
    const clock = clockAtWelcome({ serverTime: 50_000, clockRate: 60 }, 10_000);
    expect(serverNow(clock, 11_000)).toBe(50_000 + 60_000);
    expect(serverNow(clock, 10_500)).toBe(50_000 + 30_000);
  });

  it("treats an unusable rate as real time rather than freezing or reversing timers", () => {
    for (const clockRate of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(clockAtWelcome({ serverTime: 1_000, clockRate }, 0).rate).toBe(1);
    }
  });

  it("falls back to the local clock before any welcome", () => {
    expect(serverNow(LOCAL_CLOCK, 123_456)).toBe(123_456);
  });

  it("ticks once a server second, at most ten times a real second", () => {
    expect(tickIntervalMs(LOCAL_CLOCK)).toBe(1_000);
    expect(tickIntervalMs({ ...LOCAL_CLOCK, rate: 4 })).toBe(250);
    expect(tickIntervalMs({ ...LOCAL_CLOCK, rate: 60 })).toBe(100);
    expect(tickIntervalMs({ ...LOCAL_CLOCK, rate: 0.5 })).toBe(1_000);
  });
});
