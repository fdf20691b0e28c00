import type { AgendaItem, MeetingState } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";

/** An agenda item by id, without reaching the record's prototype. */
export function itemOf(state: MeetingState, itemId: string): AgendaItem | undefined {
  return own(state.agenda.items, itemId);
}

/** The agenda's items in order. */
export function agendaItems(state: MeetingState): AgendaItem[] {
  return state.agenda.order.flatMap((itemId) => {
    const item = itemOf(state, itemId);
    return item ? [item] : [];
  });
}

/** Minutes planned for an item: the sum of its phases' timeboxes. */
export function itemPlannedMinutes(item: AgendaItem): number {
  return item.phases.reduce((total, plan) => total + plan.minutes, 0);
}

/** The agenda's planned time against the meeting's scheduled length. */
export interface PlannedVsScheduled {
  plannedMinutes: number;
  /** null until someone sets the scheduled length. */
  scheduledMinutes: number | null;
  /** planned − scheduled: positive when the agenda does not fit; null without a scheduled length. */
  overByMinutes: number | null;
  isOverScheduled: boolean;
}

/** Total planned minutes (all timeboxes) against the scheduled length, for the builder's summary line. */
export function plannedVsScheduled(state: MeetingState): PlannedVsScheduled {
  const plannedMinutes = agendaItems(state).reduce((total, item) => total + itemPlannedMinutes(item), 0);
  const { scheduledMinutes } = state.agenda;
  const overByMinutes = scheduledMinutes === null ? null : plannedMinutes - scheduledMinutes;
  return { plannedMinutes, scheduledMinutes, overByMinutes, isOverScheduled: overByMinutes !== null && overByMinutes > 0 };
}

/** Index in the agenda of the first item still to come; items before it are done or active and keep their place. */
export function firstPendingIndex(state: MeetingState): number {
  const index = state.agenda.order.findIndex((itemId) => itemOf(state, itemId)?.status === "pending");
  return index === -1 ? state.agenda.order.length : index;
}

/** Items not done, in agenda order: what a meeting that ends now leaves unfinished. */
export function unfinishedItemIds(state: MeetingState): string[] {
  return agendaItems(state)
    .filter((item) => item.status !== "done")
    .map((item) => item.itemId);
}
