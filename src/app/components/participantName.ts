import type { MeetingState } from "../../domain/meeting/state.ts";

/** A participant's display name, or `fallback` for someone the state does not know (should not happen). */
export function participantName(state: MeetingState, userId: string, fallback: string): string {
  const participant = Object.hasOwn(state.participants, userId) ? state.participants[userId] : undefined;
  return participant?.displayName || fallback;
}
