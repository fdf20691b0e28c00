import type { MeetingState, QueueEntry } from "./state.ts";

/**
 * The speaking order: a pure function of state, so every client and the server compute the same
 * list from the same events. First in, first out by arrival number.
 */
export function orderedQueue(state: MeetingState): QueueEntry[] {
  return Object.values(state.queue).sort((a, b) => a.arrival - b.arrival);
}

/** 1-based place of a person's entry in the speaking order, or null when they are not queued. */
export function placeInQueue(state: MeetingState, userId: string): number | null {
  const index = orderedQueue(state).findIndex((entry) => entry.userId === userId);
  return index === -1 ? null : index + 1;
}

export function openEntryOf(state: MeetingState, userId: string): QueueEntry | undefined {
  return Object.values(state.queue).find((entry) => entry.userId === userId);
}
