import { describe, expect, it } from "vitest";
import { fastClock } from "./clock.ts";

describe("fastClock", () => {
  it("runs time faster by its rate from the moment it is made", () => {
    let real = 1_000_000;
    const clock = fastClock(60, () => real);
    real += 1_000;
    expect(clock.now()).toBe(1_000_000 + 60_000);
    expect(clock.rate).toBe(60);
  });
});
