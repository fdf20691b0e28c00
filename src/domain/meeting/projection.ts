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
 * The part of the state one person may see, before a snapshot leaves the server. Dominance alerts
 * are for facilitators only (they come from facilitator-audience events, see queue/equity.ts);
 * private scores and anonymous authors will be removed here too.
 */
export function projectStateFor(state: MeetingState, userId: string): MeetingState {
  if (isFacilitator(state, userId) || Object.keys(state.equity.alerts).length === 0) return state;
  return { ...state, equity: { ...state.equity, alerts: {} } };
}
