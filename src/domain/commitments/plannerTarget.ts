import type { PlannerTarget } from "../../protocol/commitmentTarget.ts";
import type { EventOf } from "../../protocol/events.ts";
import { Limits } from "../../protocol/limits.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, eventFactory, reject, type Decision } from "../meeting/decision.ts";

/**
 * The server's note that someone chose, from this meeting, where its space's commitments go in
 * Planner. Sent only once the target is stored (Planner having confirmed the person reaches it), so
 * the event never announces a choice that was not kept. Not in the client CommandSchema.
 */
export interface RecordTargetChosenCommand {
  type: "commitments.recordTargetChosen";
  target: PlannerTarget;
}

export type PlannerTargetEvent = EventOf<"commitments.targetChosen">;

// the protocol's id rule (ids.ts), without zod, which the domain does not ship
const PRINTABLE_ID = /^[\x21-\x7e]+$/;

/**
 * Decides the note: every field checked as the wire schema would, and a repeat of the target the
 * meeting already shows (a retried request) changes nothing. Everyone sees where tasks go.
 */
export function decideTargetChosen(state: MeetingState, command: RecordTargetChosenCommand, now: number): Decision {
  const { planId, planName, bucketId, bucketName, setBy, setAt } = command.target;
  for (const [field, id] of [["planId", planId], ["bucketId", bucketId], ["setBy", setBy]] as const) {
    if (id.length > Limits.maxIdLength || !PRINTABLE_ID.test(id)) {
      return reject("invalidInput", `${field}: must be 1 to ${Limits.maxIdLength} printable characters without spaces.`);
    }
  }
  for (const [field, name] of [["planName", planName], ["bucketName", bucketName]] as const) {
    if (name.trim() !== name || name.length === 0 || name.length > Limits.maxPlannerNameLength) {
      return reject("invalidInput", `${field}: must be 1 to ${Limits.maxPlannerNameLength} characters without surrounding spaces.`);
    }
  }
  if (!Number.isSafeInteger(setAt) || setAt < 0) return reject("invalidInput", "setAt: must be a time in epoch milliseconds.");
  if (isSameTarget(state.plannerTarget, command.target)) return accept([]);
  return accept([eventFactory(now)("commitments.targetChosen", { planId, planName, bucketId, bucketName, setBy, setAt })]);
}

/** Folds the note: the meeting now shows this plan and bucket. */
export function applyTargetChosen(state: MeetingState, event: PlannerTargetEvent): MeetingState {
  return { ...state, plannerTarget: { ...event.payload } };
}

/** Where the meeting last chose to send its commitments, or null when no one chose from it. */
export function chosenPlannerTarget(state: MeetingState): PlannerTarget | null {
  return state.plannerTarget ?? null;
}

function isSameTarget(shown: PlannerTarget | undefined, next: PlannerTarget): boolean {
  return (
    shown !== undefined &&
    shown.planId === next.planId &&
    shown.planName === next.planName &&
    shown.bucketId === next.bucketId &&
    shown.bucketName === next.bucketName &&
    shown.setBy === next.setBy &&
    shown.setAt === next.setAt
  );
}
