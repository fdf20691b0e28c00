import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utcCalendarDate } from "../../src/protocol/commitmentDates.ts";
import { CANCELLED_TITLE_PREFIX, MAX_TASK_TITLE_LENGTH, calendarDateOf, cancelledTitle, dueDateTimeOf, longDate, referenceKey, taskDescription, urlOfReferenceKey } from "./taskContent.ts";

const calendarDates = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => utcCalendarDate(date.getTime()));

describe("reference keys", () => {
  it("encodes the characters Planner refuses in a key, % first", () => {
    expect(referenceKey("https://concord.example/a%20b?x=1#c@d")).toBe("https%3A//concord%2Eexample/a%2520b?x=1%23c%40d");
  });

  it("never leaves . : @ # in a key, and decodes back to the URL (property)", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const key = referenceKey(url);
        expect(key).not.toMatch(/[.:@#]/);
        expect(urlOfReferenceKey(key)).toBe(url);
      }),
    );
  });

  it("reads no URL from a key that is not one", () => {
    expect(urlOfReferenceKey("not a url")).toBeNull();
    expect(urlOfReferenceKey("%E0%A4%A")).toBeNull();
  });
});

describe("due dates", () => {
  it("writes noon UTC and reads the same day back (property)", () => {
    fc.assert(
      fc.property(calendarDates, (day) => {
        expect(calendarDateOf(dueDateTimeOf(day))).toBe(day);
      }),
    );
  });

  it("reads local midnight of a day, as Planner's apps write it, as that day from UTC−12 to UTC+11 (property)", () => {
    fc.assert(
      fc.property(calendarDates, fc.integer({ min: -12, max: 11 }), (day, offsetHours) => {
        const localMidnight = Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000;
        expect(calendarDateOf(new Date(localMidnight).toISOString())).toBe(day);
      }),
    );
  });

  it("has no day for no due date or an unreadable one", () => {
    expect(calendarDateOf(null)).toBeNull();
    expect(calendarDateOf("soon")).toBeNull();
  });
});

describe("the cancellation marker", () => {
  it("marks a title once, within Planner's length", () => {
    expect(cancelledTitle("Hire a pricing lead")).toBe("[Cancelled] Hire a pricing lead");
    expect(cancelledTitle(cancelledTitle("Hire a pricing lead"))).toBe("[Cancelled] Hire a pricing lead");
    const long = cancelledTitle("x".repeat(MAX_TASK_TITLE_LENGTH));
    expect([long.length, long.startsWith(CANCELLED_TITLE_PREFIX)]).toEqual([MAX_TASK_TITLE_LENGTH, true]);
  });
});

describe("the task's description", () => {
  const content = { notes: "  Tiered pricing.  ", itemTitle: "Pricing", meetingName: "Q3 strategy", meetingDate: "2026-03-10", cancelledOn: null };

  it("says where and when the commitment was agreed, under which item, then the notes", () => {
    expect(taskDescription(content)).toBe('Committed in the meeting "Q3 strategy" on 10 March 2026.\nAgenda item: Pricing\n\nTiered pricing.');
    expect(taskDescription({ ...content, meetingName: null, itemTitle: null, notes: "" })).toBe("Committed in a Concord meeting on 10 March 2026.");
  });

  it("opens with the cancellation when the commitment was cancelled", () => {
    expect(taskDescription({ ...content, cancelledOn: "2026-04-01" }).split("\n").slice(0, 3)).toEqual([
      "Cancelled in Concord on 1 April 2026. Kept here so its owners see the change; delete it when it is no longer needed.",
      "",
      'Committed in the meeting "Q3 strategy" on 10 March 2026.',
    ]);
  });

  it("writes dates in words", () => {
    expect([longDate("2026-01-05"), longDate("2027-12-31")]).toEqual(["5 January 2026", "31 December 2027"]);
  });
});
