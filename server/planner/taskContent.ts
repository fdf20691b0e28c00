import { utcCalendarDate } from "../../src/protocol/commitmentDates.ts";

/** Planner's longest task title. */
export const MAX_TASK_TITLE_LENGTH = 255;

/**
 * How a commitment cancelled in Concord shows in Planner. The task is kept, not deleted and not
 * completed: its title starts with this marker and its description with a line saying who
 * cancelled it and when. Deleting it would silently take it from its owners' lists, and completing
 * it would count it as done in the plan's progress charts; as it is, the owners see the change
 * where they work and delete the task themselves when they have read it.
 */
export const CANCELLED_TITLE_PREFIX = "[Cancelled] ";

/** The task title that marks a cancelled commitment; marks a title only once. */
export function cancelledTitle(title: string): string {
  if (title.startsWith(CANCELLED_TITLE_PREFIX)) return title.slice(0, MAX_TASK_TITLE_LENGTH);
  return `${CANCELLED_TITLE_PREFIX}${title}`.slice(0, MAX_TASK_TITLE_LENGTH);
}

/**
 * The `dueDateTime` Concord writes for a due day: noon UTC, which falls on the same calendar day
 * everywhere from UTC−11 to UTC+11, so Planner shows the day the room agreed on.
 */
export function dueDateTimeOf(dueDate: string): string {
  return `${dueDate}T12:00:00Z`;
}

/**
 * The calendar day a Planner `dueDateTime` stands for. Planner's own apps store local midnight of
 * the chosen day (e.g. 14:00Z the day before in UTC+10), and Concord stores noon UTC; both are
 * read as the UTC day of the instant moved on by just under half a day. Exact for local midnights
 * from UTC−12 to UTC+11; a day set in Planner from UTC+12 or beyond reads as the day before.
 */
export function calendarDateOf(dueDateTime: string | null): string | null {
  if (dueDateTime === null) return null;
  const instant = Date.parse(dueDateTime);
  if (Number.isNaN(instant)) return null;
  return utcCalendarDate(instant + 12 * 3_600_000 - 60_000);
}

/**
 * A URL as a key of a task's `references`: Planner takes the URL itself as the property name, with
 * `%`, `.`, `:`, `@` and `#` percent-encoded (`%` first, so the others' escapes are not encoded twice).
 */
export function referenceKey(url: string): string {
  return url.replace(/%/g, "%25").replace(/\./g, "%2E").replace(/:/g, "%3A").replace(/@/g, "%40").replace(/#/g, "%23");
}

/** The URL a reference key stands for, or null when the key is not a percent-encoded URL. */
export function urlOfReferenceKey(key: string): string | null {
  try {
    const url = decodeURIComponent(key);
    return URL.canParse(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where a person opens a task in Planner on the web; Planner sends it on to the task in whichever
 * Planner client the tenant uses.
 */
export function plannerTaskUrl(tenantId: string, taskId: string): string {
  return `https://tasks.office.com/${encodeURIComponent(tenantId)}/Home/Task/${encodeURIComponent(taskId)}`;
}

/** The alias of Concord's reference on a task, as Planner lists it under Attachments. */
export const REFERENCE_ALIAS = "Open this commitment in Concord";

/** What the task's description tells its owners about where the commitment comes from. */
export interface DescriptionContent {
  notes: string;
  /** The agenda item the commitment was agreed under, if any. */
  itemTitle: string | null;
  /** The meeting's name when Concord knows it. */
  meetingName: string | null;
  /** The day of the meeting, `YYYY-MM-DD`. */
  meetingDate: string;
  /** Set when the commitment was cancelled in Concord: the day, `YYYY-MM-DD`. */
  cancelledOn: string | null;
}

/**
 * The task's description: a cancellation line first (when cancelled), where and when the
 * commitment was agreed, the agenda item, then the notes (the decision's rationale as the room
 * wrote it). Plain text: Planner shows descriptions as typed.
 */
export function taskDescription(content: DescriptionContent): string {
  const lines: string[] = [];
  if (content.cancelledOn !== null) {
    lines.push(`Cancelled in Concord on ${longDate(content.cancelledOn)}. Kept here so its owners see the change; delete it when it is no longer needed.`, "");
  }
  const meeting = content.meetingName === null ? "a Concord meeting" : `the meeting "${content.meetingName}"`;
  lines.push(`Committed in ${meeting} on ${longDate(content.meetingDate)}.`);
  if (content.itemTitle !== null) lines.push(`Agenda item: ${content.itemTitle}`);
  if (content.notes.trim() !== "") lines.push("", content.notes.trim());
  return lines.join("\n");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2026-03-10` → `10 March 2026`: a form no reader can take for another day. */
export function longDate(calendarDate: string): string {
  const [year, month, day] = calendarDate.split("-").map(Number);
  const monthName = MONTHS[(month ?? 1) - 1] ?? "";
  return `${day ?? ""} ${monthName} ${year ?? ""}`;
}
