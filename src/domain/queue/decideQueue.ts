import type { CommandOf } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import type { EntryKind } from "../../protocol/vocabulary.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState, QueueEntry } from "../meeting/state.ts";
import { accept, own, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { isFacilitator, isPresent } from "../roles/holders.ts";
import { endTurn } from "./decideFloor.ts";
import { KIND_NAMES, entryOfKind, orderedKind } from "./order.ts";
import { isWaitingInRound, remainingInRound } from "./rounds.ts";

export type QueueCommand = CommandOf<
  | "meeting.leave"
  | "queue.raiseHand"
  | "queue.lowerHand"
  | "queue.changeEntry"
  | "queue.setPolicy"
  | "queue.moveEntry"
  | "queue.skip"
  | "queue.removeEntry"
  | "queue.clear"
  | "queue.close"
  | "queue.reopen"
  | "queue.invite"
>;

/** Leaving the meeting, and the entries of the speaking queue: raised by participants, arranged by facilitators. */
export function decideQueue(state: MeetingState, command: QueueCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "meeting.leave":
      return accept(leave(state, actor, context.now, emit));
    case "queue.raiseHand": {
      const kind = command.payload.kind ?? "newPoint";
      const refused = refuseEntry(state, actor, kind);
      if (refused) return refused;
      const topic = command.payload.topic?.trim();
      return accept([emit("queue.handRaised", { entryId: newEntryId(state), userId: actor, kind, ...(topic ? { topic } : {}) })]);
    }
    case "queue.lowerHand": {
      const { entryId } = command.payload;
      const entry = own(state.queue, entryId);
      if (!entry) return reject("notQueued", "That hand is no longer raised.");
      if (entry.userId !== actor) return reject("forbidden", "You can only lower your own hand.");
      return accept([emit("queue.handLowered", { entryId, userId: actor, reason: "withdrawn" })]);
    }
    case "queue.changeEntry": {
      const entry = own(state.queue, command.payload.entryId);
      if (!entry) return reject("notQueued", "That entry is no longer in the queue.");
      if (entry.userId !== actor) return reject("forbidden", "You can only change your own entry.");
      const kind = command.payload.kind ?? entry.kind;
      if (kind !== entry.kind) {
        const refused = refuseEntry(state, actor, kind);
        if (refused) return refused;
      }
      const topic = command.payload.topic === undefined ? entry.topic : command.payload.topic.trim() || undefined;
      if (kind === entry.kind && topic === entry.topic) return accept([]);
      return accept([emit("queue.entryChanged", { entryId: entry.entryId, userId: actor, kind, ...(topic ? { topic } : {}) })]);
    }
    case "queue.invite":
      return invite(state, command.payload.userId, actor, emit);
  }

  // the rest arrange the queue: a facilitator's job
  if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can arrange the queue.");
  switch (command.type) {
    case "queue.setPolicy": {
      const { policy } = command.payload;
      if (policy === state.queueSettings.policy) return accept([]);
      const round = state.rounds.current;
      return accept([
        emit("queue.policySet", { policy, by: actor }),
        ...(round && policy !== "roundRobin" ? [emit("round.ended", { round: round.number, reason: "policyChanged", by: actor })] : []),
      ]);
    }
    case "queue.moveEntry": {
      const { entryId, beforeEntryId } = command.payload;
      const entry = own(state.queue, entryId);
      if (!entry) return reject("notQueued", "That entry is no longer in the queue.");
      if (beforeEntryId === undefined) return accept([moved(entry, 0, "moved", actor, emit)]);
      const before = own(state.queue, beforeEntryId);
      if (!before) return reject("notQueued", "The entry to place it before is no longer in the queue.");
      if (before.entryId === entry.entryId) return reject("invalidInput", "An entry cannot be placed before itself.");
      if (before.kind !== entry.kind) {
        return reject("invalidInput", `A ${KIND_NAMES[entry.kind]} can only be placed among entries of its kind, not before a ${KIND_NAMES[before.kind]}.`);
      }
      const others = orderedKind(state, entry.kind).filter((other) => other.entryId !== entry.entryId);
      return accept([moved(entry, others.findIndex((other) => other.entryId === before.entryId), "moved", actor, emit)]);
    }
    case "queue.skip": {
      const entry = own(state.queue, command.payload.entryId);
      if (!entry) return reject("notQueued", "That entry is no longer in the queue.");
      const line = orderedKind(state, entry.kind);
      const index = line.findIndex((other) => other.entryId === entry.entryId);
      if (index === line.length - 1) {
        return reject("invalidState", `Nobody else is waiting with a ${KIND_NAMES[entry.kind]}; give the floor or remove the entry instead.`);
      }
      // without the entry, the one behind it takes its index: one place further puts it behind that one
      return accept([moved(entry, index + 1, "skipped", actor, emit)]);
    }
    case "queue.removeEntry": {
      const entry = own(state.queue, command.payload.entryId);
      if (!entry) return reject("notQueued", "That entry is no longer in the queue.");
      return accept([emit("queue.handLowered", { entryId: entry.entryId, userId: entry.userId, reason: "removed", by: actor })]);
    }
    case "queue.clear":
      return accept(Object.keys(state.queue).length === 0 ? [] : [emit("queue.cleared", { by: actor })]);
    case "queue.close":
      return accept(state.queueSettings.isClosed ? [] : [emit("queue.closed", { by: actor })]);
    case "queue.reopen":
      return accept(state.queueSettings.isClosed ? [emit("queue.reopened", { by: actor })] : []);
  }
}

/** Why a person may not hold a new entry of this kind now, or null when they may. */
function refuseEntry(state: MeetingState, userId: string, kind: EntryKind): Decision | null {
  if (state.queueSettings.isClosed && kind !== "pointOfOrder") {
    return reject("queueClosed", "The queue is closed; only points of order can be raised.");
  }
  if (entryOfKind(state, userId, kind)) {
    return reject("alreadyQueued", kind === "newPoint" ? "Your hand is already raised." : `You already have a ${KIND_NAMES[kind]} in the queue; change or withdraw it.`);
  }
  if (kind === "reply") {
    if (!state.floor) return reject("noSpeaker", "Nobody has the floor to reply to.");
    if (state.floor.userId === userId) return reject("invalidState", "You have the floor; a reply is for answering someone else.");
  }
  return null;
}

/**
 * A facilitator invites a quiet person to speak: first among new points, with a hand raised for
 * them if they have none. Points of order, clarifying questions and replies still go first.
 */
function invite(state: MeetingState, userId: string, actor: string, emit: Emit): Decision {
  if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can invite someone to speak.");
  if (!isPresent(state, userId)) return reject("unknownParticipant", "That person is not in the meeting.");
  if (state.floor?.userId === userId) return reject("invalidState", "They already have the floor.");
  const existing = entryOfKind(state, userId, "newPoint");
  if (existing) return accept([moved(existing, 0, "invited", actor, emit)]);
  const entryId = newEntryId(state);
  const raised = emit("queue.handRaised", { entryId, userId, kind: "newPoint", invitedBy: actor });
  return accept([raised, emit("queue.entryMoved", { entryId, userId, toIndex: 0, reason: "invited", by: actor })]);
}

/**
 * Someone leaves: their turn ends, their entries go, and they drop out of the round; if they were
 * the last still to speak in it, the round is complete.
 */
function leave(state: MeetingState, userId: string, now: number, emit: Emit): DomainEvent[] {
  const round = state.rounds.current;
  const isLastInRound = round !== null && isWaitingInRound(state, userId) && remainingInRound(state).length === 1;
  return [
    ...(state.floor?.userId === userId ? endTurn(state, "left", now, emit) : []),
    ...Object.values(state.queue)
      .filter((entry) => entry.userId === userId)
      .map((entry) => emit("queue.handLowered", { entryId: entry.entryId, userId, reason: "left" })),
    emit("meeting.participantLeft", { userId }),
    ...(round && isLastInRound ? [emit("round.ended", { round: round.number, reason: "complete", by: null })] : []),
  ];
}

function moved(entry: QueueEntry, toIndex: number, reason: "moved" | "skipped" | "invited", by: string, emit: Emit): DomainEvent {
  return emit("queue.entryMoved", { entryId: entry.entryId, userId: entry.userId, toIndex, reason, by });
}

/** Entry ids number the meeting's entries by arrival; `nextArrival` only grows, so an id is never reused. */
function newEntryId(state: MeetingState): string {
  return `h${state.nextArrival + 1}`;
}
