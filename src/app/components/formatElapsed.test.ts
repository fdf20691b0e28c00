import { describe, expect, it } from "vitest";
import { formatElapsed, isoDuration } from "./formatElapsed.ts";

describe("formatElapsed", () => {
  it("shows minutes and zero-padded seconds, and hours once there are any", () => {
    expect(formatElapsed(7_400)).toBe("0:07");
    expect(formatElapsed(155_000)).toBe("2:35");
    expect(formatElapsed(3_729_000)).toBe("1:02:09");
  });

  it("never counts below zero when the clocks disagree slightly", () => {
    expect(formatElapsed(-1_500)).toBe("0:00");
  });

  it("writes the machine-readable duration for <time>", () => {
    expect(isoDuration(155_000)).toBe("PT2M35S");
    expect(isoDuration(3_729_000)).toBe("PT1H2M9S");
  });
});
