import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Strings } from "../../i18n/strings.ts";
import { participantName } from "../participantName.ts";

/** A `YYYY-MM-DD` due date as the viewer's language writes a day ("Mar 17, 2026", "17 mars 2026"). */
export function formatDueDate(strings: Strings, dueDate: string): string {
  const day = new Date(`${dueDate}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return dueDate;
  // the date is a calendar day, not an instant: format it in UTC so no time zone moves it
  return new Intl.DateTimeFormat(strings.locale, { dateStyle: "medium", timeZone: "UTC" }).format(day);
}

/** Owners' names, in the order they were chosen. */
export function ownerNames(strings: Strings, state: MeetingState, ownerIds: readonly string[]): string {
  return new Intl.ListFormat(strings.locale, { type: "conjunction" }).format(ownerIds.map((id) => participantName(state, id, strings.t("commitments.unknownPerson"))));
}
