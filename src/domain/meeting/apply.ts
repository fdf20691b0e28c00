import type { DomainEvent } from "../../protocol/events.ts";
import type { MeetingState } from "./state.ts";

/**
 * Folds one event into the state. Pure and total: the server, every client and a replay all call
 * this, so it never throws and never reads anything but its arguments.
 */
export function applyEvent(state: MeetingState, event: DomainEvent): MeetingState {
  switch (event.type) {
    case "meeting.participantJoined": {
      const { userId, displayName, meetingRole } = event.payload;
      const previous = Object.hasOwn(state.participants, userId) ? state.participants[userId] : undefined;
      return {
        ...state,
        participants: {
          ...state.participants,
          [userId]: { userId, displayName, meetingRole, isPresent: true, joinedAt: previous?.joinedAt ?? event.at },
        },
      };
    }
    case "meeting.participantLeft": {
      const previous = state.participants[event.payload.userId];
      if (!previous) return state;
      return { ...state, participants: { ...state.participants, [previous.userId]: { ...previous, isPresent: false } } };
    }
    case "queue.handRaised": {
      const { entryId, userId, topic } = event.payload;
      const entry = { entryId, userId, raisedAt: event.at, arrival: state.nextArrival, ...(topic ? { topic } : {}) };
      return { ...state, queue: { ...state.queue, [entryId]: entry }, nextArrival: state.nextArrival + 1 };
    }
    case "queue.handLowered":
      return { ...state, queue: withoutKey(state.queue, event.payload.entryId) };
    case "floor.granted": {
      const { entryId, userId } = event.payload;
      return { ...state, queue: withoutKey(state.queue, entryId), floor: { entryId, userId, since: event.at } };
    }
    case "floor.released":
      return { ...state, floor: null };
  }
}

/** Replays events from a starting state; replaying a meeting's whole log rebuilds its state. */
export function replay(initial: MeetingState, events: readonly DomainEvent[]): MeetingState {
  return events.reduce(applyEvent, initial);
}

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  if (!Object.hasOwn(record, key)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
