import type { CommandOf } from "../../protocol/commands.ts";
import type { DomainEvent, EventOf } from "../../protocol/events.ts";
import type { DecideContext } from "./context.ts";
import type { MeetingState } from "./state.ts";
import { accept, own, reject, type Decision, type Emit } from "./decision.ts";
import { isFacilitator } from "../roles/holders.ts";
import { openEntryOf, orderedQueue } from "./queueOrder.ts";

export type QueueCommand = CommandOf<"meeting.leave" | "queue.raiseHand" | "queue.lowerHand" | "floor.grantNext" | "floor.yield">;

/** Presence, the raised-hand queue and the floor. */
export function decideQueue(state: MeetingState, command: QueueCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "meeting.leave":
      return accept([...releaseIfSpeaking(state, actor, "left", emit), ...withdrawAll(state, actor, emit), emit("meeting.participantLeft", { userId: actor })]);
    case "queue.raiseHand": {
      if (openEntryOf(state, actor)) return reject("alreadyQueued", "Your hand is already raised.");
      const topic = command.payload.topic?.trim();
      return accept([emit("queue.handRaised", { entryId: `h${state.nextArrival + 1}`, userId: actor, ...(topic ? { topic } : {}) })]);
    }
    case "queue.lowerHand": {
      const { entryId } = command.payload;
      const entry = own(state.queue, entryId);
      if (!entry) return reject("notQueued", "That hand is no longer raised.");
      if (entry.userId !== actor) return reject("forbidden", "You can only lower your own hand.");
      return accept([emit("queue.handLowered", { entryId, userId: actor, reason: "withdrawn" })]);
    }
    case "floor.grantNext": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can give the floor.");
      const next = orderedQueue(state)[0];
      if (!next) return reject("queueEmpty", "Nobody is waiting to speak.");
      const { expectedEntryId } = command.payload;
      if (expectedEntryId !== undefined && expectedEntryId !== next.entryId) {
        return reject("stale", "The queue changed before your action arrived; check who is next and try again.");
      }
      return accept([
        ...releaseIfSpeaking(state, state.floor?.userId, "nextGranted", emit),
        emit("floor.granted", { entryId: next.entryId, userId: next.userId, grantedBy: actor }),
      ]);
    }
    case "floor.yield": {
      const speaker = state.floor?.userId;
      if (speaker === undefined) return reject("noSpeaker", "Nobody has the floor.");
      if (speaker === actor) return accept(releaseIfSpeaking(state, actor, "yielded", emit));
      if (isFacilitator(state, actor)) return accept(releaseIfSpeaking(state, speaker, "endedByFacilitator", emit));
      return reject("forbidden", "Only the speaker or a facilitator can end this turn.");
    }
  }
}

function releaseIfSpeaking(
  state: MeetingState,
  userId: string | undefined,
  reason: EventOf<"floor.released">["payload"]["reason"],
  emit: Emit,
): DomainEvent[] {
  return userId !== undefined && state.floor?.userId === userId ? [emit("floor.released", { userId, reason })] : [];
}

function withdrawAll(state: MeetingState, userId: string, emit: Emit): DomainEvent[] {
  return Object.values(state.queue)
    .filter((entry) => entry.userId === userId)
    .map((entry) => emit("queue.handLowered", { entryId: entry.entryId, userId, reason: "left" }));
}
