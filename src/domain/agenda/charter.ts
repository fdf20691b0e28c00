import type { CommandOf } from "../../protocol/commands.ts";
import type { EventOf } from "../../protocol/events.ts";
import { APP_ROLES } from "../../protocol/vocabulary.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { isOrganizer, participantOf } from "../roles/holders.ts";

/**
 * Changes the charter: who may decide, the default decision rule, ground rules, roles in use.
 * Organizer only; a single-decider rule names at most one decider.
 */
export function decideCharter(state: MeetingState, command: CommandOf<"charter.update">, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  if (!isOrganizer(state, actor)) return reject("forbidden", "Only the organizer can change the meeting's charter.");
  if (state.facilitation.status === "ended") return reject("invalidState", "The meeting has ended; its charter is now part of the record.");
  const { deciderIds, decisionRule, groundRules, rolesInUse } = command.payload;
  const current = state.charter;
  if (deciderIds?.some((userId) => !participantOf(state, userId))) {
    return reject("unknownParticipant", "Everyone who may decide must have joined this meeting in Concord.");
  }
  const next = {
    deciderIds: deciderIds ?? current.deciderIds,
    decisionRule: decisionRule ?? current.decisionRule,
    groundRules: groundRules ?? current.groundRules,
    rolesInUse: rolesInUse ? APP_ROLES.filter((role) => rolesInUse.includes(role)) : current.rolesInUse,
  };
  if (next.decisionRule === "singleDecider" && next.deciderIds.length > 1) {
    return reject("invalidInput", "A single-decider rule names one person who decides; choose at most one decider.");
  }
  const unchanged =
    sameList(next.deciderIds, current.deciderIds) &&
    next.decisionRule === current.decisionRule &&
    next.groundRules === current.groundRules &&
    sameList(next.rolesInUse, current.rolesInUse);
  if (unchanged) return accept([]);
  return accept([emit("charter.updated", { ...next, updatedBy: actor })]);
}

/** Folds `charter.updated`: the event carries the whole charter, so this replaces it. */
export function applyCharterEvent(state: MeetingState, event: EventOf<"charter.updated">): MeetingState {
  const { deciderIds, decisionRule, groundRules, rolesInUse, updatedBy } = event.payload;
  return { ...state, charter: { deciderIds, decisionRule, groundRules, rolesInUse, updatedBy, updatedAt: event.at } };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
