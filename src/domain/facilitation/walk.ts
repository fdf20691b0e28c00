import type { Phase } from "../../protocol/vocabulary.ts";
import type { AgendaItem, MeetingState } from "../meeting/state.ts";
import { agendaItems, itemOf } from "../agenda/selectors.ts";
import type { PhaseRef } from "../agenda/phases.ts";

/** Every phase of the agenda in the order the room walks them: items in order, each item's phases in order. */
export function agendaSteps(state: MeetingState): PhaseRef[] {
  return agendaItems(state).flatMap((item) => item.phases.map(({ phase }) => ({ itemId: item.itemId, phase })));
}

/** Where the room is, or null before the start, after the end and between items. */
export function currentStep(state: MeetingState): PhaseRef | null {
  const current = state.facilitation.current;
  return current ? { itemId: current.itemId, phase: current.phase } : null;
}

/**
 * The room's place on the walk: the index of the current step, or — between items — the index of
 * the first step still to come (done items always precede the others, so that is the count of
 * their phases).
 */
function walkIndex(state: MeetingState, steps: readonly PhaseRef[]): { index: number; isOnStep: boolean } {
  const here = currentStep(state);
  if (here) {
    const index = steps.findIndex((step) => step.itemId === here.itemId && step.phase === here.phase);
    if (index !== -1) return { index, isOnStep: true };
  }
  const donePhases = agendaItems(state)
    .filter((item) => item.status === "done")
    .reduce((total, item) => total + item.phases.length, 0);
  return { index: donePhases, isOnStep: false };
}

/**
 * Where advancing leads: `{ to }` with the next step, or `{ to: null }` when leaving the agenda's last
 * phase; null when there is nothing to advance to.
 */
export function stepAfter(state: MeetingState): { to: PhaseRef | null } | null {
  const steps = agendaSteps(state);
  const { index, isOnStep } = walkIndex(state, steps);
  const next = steps[isOnStep ? index + 1 : index];
  if (next) return { to: next };
  return isOnStep ? { to: null } : null;
}

/** Where stepping back leads, or null at the very start of the agenda. */
export function stepBefore(state: MeetingState): PhaseRef | null {
  const steps = agendaSteps(state);
  return steps[walkIndex(state, steps).index - 1] ?? null;
}

/** The phase the room is in, with its item and where it sits on the agenda. */
export interface CurrentPhaseView {
  item: AgendaItem;
  phase: Phase;
  /** 0-based position of the phase within the item, and of the item within the agenda. */
  phaseIndex: number;
  itemIndex: number;
  plannedMinutes: number;
}

/** The running phase with its item and planned minutes, or null when no phase is running. */
export function currentPhase(state: MeetingState): CurrentPhaseView | null {
  const here = currentStep(state);
  const item = here ? itemOf(state, here.itemId) : undefined;
  if (!here || !item) return null;
  const phaseIndex = item.phases.findIndex((plan) => plan.phase === here.phase);
  return {
    item,
    phase: here.phase,
    phaseIndex,
    itemIndex: state.agenda.order.indexOf(item.itemId),
    plannedMinutes: item.phases[phaseIndex]?.minutes ?? 0,
  };
}

/** A sentence fragment naming a place on the agenda, for rejection messages. */
export function describeStep(state: MeetingState, step: PhaseRef | null): string {
  if (!step) return "between agenda items";
  const title = itemOf(state, step.itemId)?.title ?? step.itemId;
  return `the ${step.phase} phase of “${title}”`;
}
