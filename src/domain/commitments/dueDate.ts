import { isCalendarDate, utcCalendarDate } from "../../protocol/commitmentDates.ts";

/**
 * Why a due date cannot be given to a commitment, or null when it can: it must be a real day
 * written `YYYY-MM-DD`, and today or later. "Today" is the UTC calendar day of `now`: the server
 * knows no reliable time zone for the person, so west of UTC late in the evening their own today
 * already counts as past, and east of UTC early in the morning their yesterday still counts as today.
 * `YYYY-MM-DD` strings of four-digit years order like the days they name, so comparing them is enough.
 */
export function dueDateProblem(dueDate: string, now: number): string | null {
  if (!isCalendarDate(dueDate)) return `dueDate "${dueDate}" is not a date written YYYY-MM-DD.`;
  const today = utcCalendarDate(now);
  if (dueDate < today) return `dueDate ${dueDate} is in the past; choose ${today} (today, UTC) or later.`;
  return null;
}

/** Whether a due date has passed: the UTC day of `now` is after it. */
export function isPastDue(dueDate: string, now: number): boolean {
  return dueDate < utcCalendarDate(now);
}
