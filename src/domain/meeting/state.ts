import type { MeetingState } from "../../protocol/snapshot.ts";

export type { MeetingState, Participant, QueueEntry, Floor } from "../../protocol/snapshot.ts";

/** A meeting before anything has happened in it. */
export function emptyMeeting(meetingId: string): MeetingState {
  return { meetingId, participants: {}, queue: {}, floor: null, nextArrival: 0 };
}
