import { describe, expect, it } from "vitest";
import { formatCountdown } from "./countdown.ts";

describe("formatCountdown", () => {
  it("shows the time left as mm:ss, rounding seconds up", () => {
    expect(formatCountdown(10 * 60_000)).toEqual({ clock: "10:00", isOverrun: false });
    expect(formatCountdown(4 * 60_000 + 11_001)).toEqual({ clock: "04:12", isOverrun: false });
    expect(formatCountdown(999)).toEqual({ clock: "00:01", isOverrun: false });
  });

  it("reads 00:00 only when time is exactly up", () => {
    expect(formatCountdown(0)).toEqual({ clock: "00:00", isOverrun: false });
  });

  it("counts the time over once the phase overruns", () => {
    expect(formatCountdown(-1)).toEqual({ clock: "00:01", isOverrun: true });
    expect(formatCountdown(-65_000)).toEqual({ clock: "01:05", isOverrun: true });
  });

  it("adds hours for long timeboxes", () => {
    expect(formatCountdown(2 * 3_600_000 + 3 * 60_000 + 9_000)).toEqual({ clock: "2:03:09", isOverrun: false });
    expect(formatCountdown(-3_600_000)).toEqual({ clock: "1:00:00", isOverrun: true });
  });
});
