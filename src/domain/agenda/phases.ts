import type { PhasePlan, PhaseRef } from "../../protocol/fields.ts";
import { PHASES, type Phase } from "../../protocol/vocabulary.ts";

export type { PhasePlan, PhaseRef };

/** Phases sorted into the order the room walks them: diagnose, options, tradeoffs, commit. */
export function canonicalPhases(plans: readonly PhasePlan[]): PhasePlan[] {
  return [...plans].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
}

/** Whether two phase lists are the same phases with the same timeboxes, in the same order. */
export function samePhases(a: readonly PhasePlan[], b: readonly PhasePlan[]): boolean {
  return a.length === b.length && a.every((plan, index) => plan.phase === b[index]?.phase && plan.minutes === b[index]?.minutes);
}

/** Whether two places on the agenda are the same (both null counts as the same: between items). */
export function sameRef(a: PhaseRef | null, b: PhaseRef | null): boolean {
  return a === null || b === null ? a === b : a.itemId === b.itemId && a.phase === b.phase;
}

/** The phase's position in an item's list, or -1. */
export function indexOfPhase(plans: readonly PhasePlan[], phase: Phase): number {
  return plans.findIndex((plan) => plan.phase === phase);
}
