import type { CommandOf } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import { Limits } from "../../protocol/limits.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { itemOf, unfinishedItemIds } from "../agenda/selectors.ts";
import { sameRef, type PhaseRef } from "../agenda/phases.ts";
import { canEditNotes, isFacilitator, isTimekeeper } from "../roles/holders.ts";
import { rolesOnEntering } from "../roles/handOn.ts";
import { currentStep, describeStep, stepAfter, stepBefore } from "./walk.ts";
import { phaseUsage } from "./timer.ts";

export type FacilitationCommand = CommandOf<
  | "meeting.start"
  | "meeting.end"
  | "facilitation.advance"
  | "facilitation.stepBack"
  | "timer.pause"
  | "timer.resume"
  | "timer.extend"
  | "debate.close"
  | "debate.reopen"
  | "item.setNotes"
>;

/**
 * Running the meeting. The facilitator starts and ends it, walks the agenda (refusing stale moves),
 * and closes or reopens debate; the timekeeper or a facilitator pauses, resumes and extends the
 * clock; the item's scribe or a facilitator writes its notes.
 */
export function decideFacilitation(state: MeetingState, command: FacilitationCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "meeting.start": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can start the meeting.");
      if (state.facilitation.status !== "notStarted") return reject("invalidState", statusProblem(state));
      const first = stepAfter(state)?.to;
      if (!first) return reject("invalidState", "Add at least one agenda item before starting the meeting.");
      return accept([
        emit("meeting.started", { startedBy: actor }),
        emit("facilitation.phaseAdvanced", { from: null, to: first, by: actor }),
        ...rolesOnEntering(state, first.itemId, actor, emit),
      ]);
    }
    case "meeting.end": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can end the meeting.");
      if (state.facilitation.status !== "running") return reject("invalidState", statusProblem(state));
      return accept([emit("meeting.ended", { endedBy: actor, unfinishedItemIds: unfinishedItemIds(state) })]);
    }
    case "facilitation.advance":
    case "facilitation.stepBack":
      return decideMove(state, command, actor, emit);
    case "timer.pause":
    case "timer.resume":
    case "timer.extend":
      return decideTimer(state, command, actor, emit);
    case "debate.close":
    case "debate.reopen": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only the facilitator can close or reopen debate.");
      const { itemId } = command.payload;
      const item = itemOf(state, itemId);
      if (!item) return reject("notFound", "That agenda item no longer exists.");
      if (state.facilitation.status !== "running" || state.facilitation.current?.itemId !== itemId) {
        return reject("invalidState", "Debate is closed or reopened only on the item the room is discussing.");
      }
      if (command.type === "debate.close") {
        if (item.mode === "decision") return reject("invalidState", "Debate on this item is already closed.");
        return accept([emit("debate.closed", { itemId, by: actor })]);
      }
      if (item.mode === "debating") return reject("invalidState", "This item is still being debated.");
      return accept([emit("debate.reopened", { itemId, by: actor })]);
    }
    case "item.setNotes": {
      const { itemId, notes } = command.payload;
      const item = itemOf(state, itemId);
      if (!item) return reject("notFound", "That agenda item no longer exists.");
      if (!canEditNotes(state, itemId, actor)) return reject("forbidden", "Only the item's scribe or a facilitator can edit its notes.");
      return accept(notes === item.notes ? [] : [emit("item.notesSet", { itemId, notes, by: actor })]);
    }
  }
}

function decideMove(
  state: MeetingState,
  command: CommandOf<"facilitation.advance" | "facilitation.stepBack">,
  actor: string,
  emit: Emit,
): Decision {
  if (!isFacilitator(state, actor)) return reject("forbidden", "Only the facilitator can move the agenda on or back.");
  if (state.facilitation.status !== "running") return reject("invalidState", statusProblem(state));
  const here = currentStep(state);
  const { expectedItemId, expectedPhase } = command.payload;
  const expected: PhaseRef | null = expectedItemId !== null && expectedPhase !== null ? { itemId: expectedItemId, phase: expectedPhase } : null;
  if (!sameRef(expected, here)) {
    return reject("stale", `The room has already moved: it is now ${describeStep(state, here)}. Check where the room is, then try again.`);
  }
  const entering = (to: PhaseRef | null): DomainEvent[] =>
    to !== null && to.itemId !== here?.itemId ? rolesOnEntering(state, to.itemId, actor, emit) : [];

  if (command.type === "facilitation.advance") {
    const next = stepAfter(state);
    if (!next) return reject("invalidState", "There is nothing left on the agenda to move on to.");
    return accept([emit("facilitation.phaseAdvanced", { from: here, to: next.to, by: actor }), ...entering(next.to)]);
  }
  const previous = stepBefore(state);
  if (!previous) return reject("invalidState", "The room is already at the start of the agenda.");
  return accept([emit("facilitation.steppedBack", { from: here, to: previous, by: actor }), ...entering(previous)]);
}

function decideTimer(state: MeetingState, command: CommandOf<"timer.pause" | "timer.resume" | "timer.extend">, actor: string, emit: Emit): Decision {
  if (!isFacilitator(state, actor) && !isTimekeeper(state, actor)) {
    return reject("forbidden", "Only the timekeeper or a facilitator can pause, resume or extend the timer.");
  }
  const current = state.facilitation.current;
  if (state.facilitation.status !== "running" || !current) return reject("invalidState", "No phase is running, so there is no timer.");
  const { itemId, phase } = current;
  switch (command.type) {
    case "timer.pause":
      if (current.pausedAt !== null) return reject("invalidState", "The timer is already paused.");
      return accept([emit("timer.paused", { itemId, phase, by: actor })]);
    case "timer.resume":
      if (current.pausedAt === null) return reject("invalidState", "The timer is not paused.");
      return accept([emit("timer.resumed", { itemId, phase, by: actor })]);
    case "timer.extend": {
      const { minutes, reason, expectedItemId, expectedPhase } = command.payload;
      if ((expectedItemId !== undefined && expectedItemId !== itemId) || (expectedPhase !== undefined && expectedPhase !== phase)) {
        return reject("stale", `The room has already moved: it is now ${describeStep(state, { itemId, phase })}. Check the timer, then try again.`);
      }
      if (phaseUsage(state, itemId, phase).extensions.length >= Limits.maxExtensionsPerPhase) {
        return reject("limitReached", `This phase has already been extended ${Limits.maxExtensionsPerPhase} times, the most allowed.`);
      }
      return accept([emit("timer.extended", { itemId, phase, minutes, reason, by: actor })]);
    }
  }
}

function statusProblem(state: MeetingState): string {
  switch (state.facilitation.status) {
    case "notStarted":
      return "The meeting hasn't started yet.";
    case "running":
      return "The meeting has already started.";
    case "ended":
      return "The meeting has ended.";
  }
}
