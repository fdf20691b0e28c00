import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate, utcCalendarDate } from "../../protocol/commitmentDates.ts";
import { dueDateProblem, isPastDue } from "./dueDate.ts";

const DAY_MS = 86_400_000;

describe("calendar dates", () => {
  it("accepts real days written YYYY-MM-DD, leap days included, and nothing else", () => {
    for (const date of ["2026-03-10", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) expect(isCalendarDate(date)).toBe(true);
    for (const date of ["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-03-00", "0000-01-01", "2026-3-10", "26-03-10", "2026-03-10T00:00:00Z", " 2026-03-10", "2026/03/10", ""]) {
      expect(isCalendarDate(date)).toBe(false);
    }
  });

  it("names the UTC day of an instant, and every day it names is a calendar date", () => {
    expect(utcCalendarDate(Date.UTC(2026, 2, 10, 23, 59, 59, 999))).toBe("2026-03-10");
    expect(utcCalendarDate(Date.UTC(2026, 2, 11))).toBe("2026-03-11");
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (now) => isCalendarDate(utcCalendarDate(now))));
  });
});

describe("due dates", () => {
  it("allow exactly the days from today (UTC) on, whatever the hour", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -400, max: 400 }), (now, offsetDays) => {
        const dueDate = utcCalendarDate(now + offsetDays * DAY_MS);
        expect(dueDateProblem(dueDate, now) === null).toBe(offsetDays >= 0);
        expect(isPastDue(dueDate, now)).toBe(offsetDays < 0);
      }),
    );
  });

  it("say which day counts as today when refusing one", () => {
    expect(dueDateProblem("2026-03-09", Date.UTC(2026, 2, 10, 0, 0))).toBe("dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later.");
    expect(dueDateProblem("2026-02-30", Date.UTC(2026, 2, 10))).toMatch(/^dueDate "2026-02-30" is not a date/);
  });
});
