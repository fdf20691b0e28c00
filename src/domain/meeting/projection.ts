import type { Audience } from "../../protocol/ids.ts";
import type { MeetingState } from "./state.ts";
import { isFacilitator } from "./roles.ts";

/** Whether one person may see an event with this audience, judged against the state it was produced in. */
export function isVisibleTo(audience: Audience, state: MeetingState, userId: string): boolean {
  switch (audience.kind) {
    case "everyone":
      return true;
    case "facilitators":
      return isFacilitator(state, userId);
    case "participant":
      return audience.userId === userId;
  }
}

/**
 * The part of the state one person may see. Everything in today's meeting model is public; private
 * scores and anonymous authors will be removed here before a snapshot leaves the server.
 */
export function projectStateFor(state: MeetingState, _userId: string): MeetingState {
  return state;
}
