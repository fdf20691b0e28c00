// Calendar dates as commitments carry them: `YYYY-MM-DD`, no time and no zone, because a due date
// is a day on the owner's calendar, not an instant. Zod-free so the domain and the tab can use it.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real day written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 1–99 literally; an impossible day rolls over and is caught below
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The UTC calendar day an instant (epoch milliseconds) falls on, as `YYYY-MM-DD`. */
export function utcCalendarDate(epochMs: number): string {
  const day = new Date(epochMs);
  const year = String(day.getUTCFullYear()).padStart(4, "0");
  const month = String(day.getUTCMonth() + 1).padStart(2, "0");
  const date = String(day.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${date}`;
}
