import type { CommandOf } from "../../protocol/commands.ts";
import type { DomainEvent, EventOf } from "../../protocol/events.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, own, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { isFacilitator, isPresent, isTimekeeper, participantOf } from "../roles/holders.ts";
import { dominanceCheck } from "./decideEquity.ts";
import { nextSpeaker, type NextSpeaker } from "./order.ts";
import { isWaitingInRound, nextRoundStarter, remainingInRound } from "./rounds.ts";

export type FloorCommand = CommandOf<
  "floor.grantNext" | "floor.grant" | "floor.yield" | "floor.setTurnLimit" | "floor.extendTurn" | "round.start" | "round.pass" | "round.end"
>;

type ReleaseReason = EventOf<"floor.released">["payload"]["reason"];

/** The floor, its turn timer and round-robin rounds. */
export function decideFloor(state: MeetingState, command: FloorCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "floor.grantNext": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can give the floor.");
      const next = nextSpeaker(state);
      if (!next) return reject("queueEmpty", "Nobody is waiting to speak.");
      const { expectedEntryId, expectedUserId } = command.payload;
      if ((expectedEntryId !== undefined && expectedEntryId !== next.entry?.entryId) || (expectedUserId !== undefined && expectedUserId !== next.userId)) {
        return reject("stale", "The queue changed before your action arrived; check who is next and try again.");
      }
      return accept([...endTurn(state, "nextGranted", context.now, emit), ...grantTo(state, next, actor, emit)]);
    }
    case "floor.grant": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can give the floor.");
      const entry = own(state.queue, command.payload.entryId);
      if (!entry) return reject("notQueued", "That entry is no longer in the queue.");
      return accept([
        ...endTurn(state, "nextGranted", context.now, emit),
        emit("floor.granted", { entryId: entry.entryId, userId: entry.userId, grantedBy: actor, kind: entry.kind }),
      ]);
    }
    case "floor.yield": {
      const speaker = state.floor?.userId;
      if (speaker === undefined) return reject("noSpeaker", "Nobody has the floor.");
      if (speaker === actor) return accept(endTurn(state, "yielded", context.now, emit));
      if (isFacilitator(state, actor)) return accept(endTurn(state, "endedByFacilitator", context.now, emit));
      return reject("forbidden", "Only the speaker or a facilitator can end this turn.");
    }
    case "floor.setTurnLimit": {
      if (!canKeepTime(state, actor)) return reject("forbidden", "Only the timekeeper or a facilitator can set the turn limit.");
      const { seconds } = command.payload;
      if (seconds === state.queueSettings.turnLimitSeconds) return accept([]);
      return accept([emit("floor.turnLimitSet", { seconds, by: actor })]);
    }
    case "floor.extendTurn": {
      if (!canKeepTime(state, actor)) return reject("forbidden", "Only the timekeeper or a facilitator can extend a turn.");
      const { floor } = state;
      if (!floor) return reject("noSpeaker", "Nobody has the floor.");
      if (state.queueSettings.turnLimitSeconds === null) return reject("invalidState", "Turns have no time limit to extend; set one first.");
      return accept([emit("floor.turnExtended", { userId: floor.userId, seconds: command.payload.seconds, by: actor })]);
    }
    case "round.start": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can start a round.");
      if (state.queueSettings.policy !== "roundRobin") return reject("invalidState", "Switch the queue to round-robin before starting a round.");
      if (state.rounds.current) return reject("roundInProgress", "A round is already under way; end it before starting another.");
      const { startWith } = command.payload;
      if (startWith !== undefined && !isPresent(state, startWith)) {
        return reject("unknownParticipant", "The person to start the round with is not in the meeting.");
      }
      const first = startWith ?? nextRoundStarter(state);
      if (first === null) return reject("invalidState", "Nobody is present to take a turn.");
      return accept([emit("round.started", { round: state.rounds.count + 1, startWith: first, by: actor })]);
    }
    case "round.pass": {
      const round = state.rounds.current;
      if (!round) return reject("noRound", "No round is under way.");
      const target = command.payload.userId ?? actor;
      if (target !== actor && !isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can pass on someone else's turn.");
      if (!round.order.includes(target)) return reject("invalidState", `${nameOf(state, target)} is not in this round.`);
      if (!isWaitingInRound(state, target)) return reject("invalidState", `${nameOf(state, target)} has already had a turn in this round.`);
      const isLast = remainingInRound(state).length === 1;
      return accept([
        emit("round.passed", { round: round.number, userId: target, by: actor }),
        ...(isLast ? [emit("round.ended", { round: round.number, reason: "complete", by: null })] : []),
      ]);
    }
    case "round.end": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can end a round.");
      const round = state.rounds.current;
      if (!round) return reject("noRound", "No round is under way.");
      return accept([emit("round.ended", { round: round.number, reason: "endedByFacilitator", by: actor })]);
    }
  }
}

/**
 * Ends the current turn, if any, for `reason`; when the speaker stays in the meeting, checks
 * whether their share of the floor now passes the dominance threshold (an alert for facilitators).
 */
export function endTurn(state: MeetingState, reason: ReleaseReason, now: number, emit: Emit): DomainEvent[] {
  const { floor } = state;
  if (!floor) return [];
  const released = emit("floor.released", { userId: floor.userId, reason });
  // someone leaving is past alerting about; their time still counts in everyone else's shares
  if (reason === "left") return [released];
  return [released, ...dominanceCheck(state, floor.userId, now, emit)];
}

/**
 * Gives the floor to `next`, as `nextSpeaker` chose it: their entry leaves the queue, or their
 * round turn is marked taken; the round is complete when they were the last still to speak in it.
 */
export function grantTo(state: MeetingState, next: NextSpeaker, grantedBy: string | null, emit: Emit): DomainEvent[] {
  if (next.entry) return [emit("floor.granted", { entryId: next.entry.entryId, userId: next.userId, grantedBy, kind: next.entry.kind })];
  const isLastInRound = remainingInRound(state).length === 1;
  return [
    emit("floor.granted", { entryId: null, userId: next.userId, grantedBy, round: next.round }),
    ...(isLastInRound ? [emit("round.ended", { round: next.round, reason: "complete", by: null })] : []),
  ];
}

function canKeepTime(state: MeetingState, userId: string): boolean {
  return isFacilitator(state, userId) || isTimekeeper(state, userId);
}

function nameOf(state: MeetingState, userId: string): string {
  return participantOf(state, userId)?.displayName ?? "That person";
}
