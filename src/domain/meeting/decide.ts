import type { Command, CommandOf } from "../../protocol/commands.ts";
import type { Audience } from "../../protocol/ids.ts";
import type { DomainEvent, DomainEventType, EventOf } from "../../protocol/events.ts";
import type { Rejection, RejectionCode } from "../../protocol/rejections.ts";
import type { DecideContext } from "./context.ts";
import type { MeetingState } from "./state.ts";
import { isFacilitator, isPresent } from "./roles.ts";
import { openEntryOf, orderedQueue } from "./queueOrder.ts";

/** The outcome of a command: the events it produces (possibly none), or why it was refused. */
export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; rejection: Rejection };

/**
 * Decides what a command means in the current state. Pure: the same state, command and context
 * always give the same decision, which is what lets the server replay and clients trust the log.
 */
export function decide(state: MeetingState, command: Command, context: DecideContext): Decision {
  const actor = context.actor.userId;
  const emit = eventFactory(context.now);

  if (command.type === "meeting.join") return decideJoin(state, context, emit);
  if (!isPresent(state, actor)) return reject("notJoined", "Join the meeting first.");

  switch (command.type) {
    case "meeting.leave":
      return accept([...releaseIfSpeaking(state, actor, "left", emit), ...withdrawAll(state, actor, emit),
        emit("meeting.participantLeft", { userId: actor })]);
    case "queue.raiseHand":
      return decideRaiseHand(state, command, actor, emit);
    case "queue.lowerHand":
      return decideLowerHand(state, command, actor, emit);
    case "floor.grantNext":
      return decideGrantNext(state, command, actor, emit);
    case "floor.yield":
      return decideYield(state, actor, emit);
  }
}

type Emit = <T extends DomainEventType>(type: T, payload: EventOf<T>["payload"], audience?: Audience) => DomainEvent;

function eventFactory(now: number): Emit {
  return (type, payload, audience = { kind: "everyone" }) => ({ type, payload, at: now, audience }) as DomainEvent;
}

function decideJoin(state: MeetingState, context: DecideContext, emit: Emit): Decision {
  const { userId, displayName, meetingRole } = context.actor;
  const existing = Object.hasOwn(state.participants, userId) ? state.participants[userId] : undefined;
  // Rejoining from a reload is normal; only a change of name or role is worth an event.
  if (existing?.isPresent && existing.displayName === displayName && existing.meetingRole === meetingRole) {
    return accept([]);
  }
  return accept([emit("meeting.participantJoined", { userId, displayName, meetingRole })]);
}

function decideRaiseHand(state: MeetingState, command: CommandOf<"queue.raiseHand">, actor: string, emit: Emit): Decision {
  if (openEntryOf(state, actor)) return reject("alreadyQueued", "Your hand is already raised.");
  const topic = command.payload.topic?.trim();
  return accept([
    emit("queue.handRaised", { entryId: `h${state.nextArrival + 1}`, userId: actor, ...(topic ? { topic } : {}) }),
  ]);
}

function decideLowerHand(state: MeetingState, command: CommandOf<"queue.lowerHand">, actor: string, emit: Emit): Decision {
  const { entryId } = command.payload;
  const entry = Object.hasOwn(state.queue, entryId) ? state.queue[entryId] : undefined;
  if (!entry) return reject("notQueued", "That hand is no longer raised.");
  if (entry.userId !== actor) return reject("forbidden", "You can only lower your own hand.");
  return accept([emit("queue.handLowered", { entryId, userId: actor, reason: "withdrawn" })]);
}

function decideGrantNext(state: MeetingState, command: CommandOf<"floor.grantNext">, actor: string, emit: Emit): Decision {
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

function decideYield(state: MeetingState, actor: string, emit: Emit): Decision {
  const speaker = state.floor?.userId;
  if (speaker === undefined) return reject("noSpeaker", "Nobody has the floor.");
  if (speaker === actor) return accept(releaseIfSpeaking(state, actor, "yielded", emit));
  if (isFacilitator(state, actor)) return accept(releaseIfSpeaking(state, speaker, "endedByFacilitator", emit));
  return reject("forbidden", "Only the speaker or a facilitator can end this turn.");
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

function accept(events: DomainEvent[]): Decision {
  return { ok: true, events };
}

function reject(code: RejectionCode, message: string): Decision {
  return { ok: false, rejection: { code, message } };
}
