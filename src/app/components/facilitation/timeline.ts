import { agendaItems } from "../../../domain/agenda/selectors.ts";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";
import type { Phase } from "../../../protocol/vocabulary.ts";

/** How a phase of the agenda stands against where the room is. */
export type StepStatus = "done" | "current" | "upcoming";

/** One item of the agenda timeline with its phases' standing. */
export interface TimelineItem {
  item: AgendaItem;
  number: number;
  phases: { phase: Phase; minutes: number; status: StepStatus }[];
}

/**
 * The agenda as a timeline: every item with each phase done, current or upcoming. Items the room
 * has finished are done throughout; on the active item, the phases before the current one are done.
 */
export function timelineOf(state: MeetingState): TimelineItem[] {
  const here = state.facilitation.current;
  return agendaItems(state).map((item, index) => {
    const currentIndex = here?.itemId === item.itemId ? item.phases.findIndex((plan) => plan.phase === here.phase) : -1;
    return {
      item,
      number: index + 1,
      phases: item.phases.map((plan, phaseIndex) => ({
        phase: plan.phase,
        minutes: plan.minutes,
        status: item.status === "done" || (currentIndex !== -1 && phaseIndex < currentIndex) ? "done" : phaseIndex === currentIndex ? "current" : "upcoming",
      })),
    };
  });
}
