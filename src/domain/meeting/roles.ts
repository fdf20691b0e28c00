import type { MeetingState } from "./state.ts";

/**
 * Who may run the room. Until Concord's own role assignment lands, the meeting's organizer and
 * presenters facilitate — the people Teams already lets manage a meeting.
 */
export function isFacilitator(state: MeetingState, userId: string): boolean {
  const participant = Object.hasOwn(state.participants, userId) ? state.participants[userId] : undefined;
  return participant !== undefined && participant.isPresent && participant.meetingRole !== "attendee";
}

export function isPresent(state: MeetingState, userId: string): boolean {
  return Object.hasOwn(state.participants, userId) && state.participants[userId]!.isPresent;
}
