import type { EventOf } from "../../protocol/events.ts";
import { APP_ROLES } from "../../protocol/vocabulary.ts";
import type { MeetingState, RoleAssignments } from "../meeting/state.ts";
import { own, withoutKey } from "../meeting/decision.ts";

export type RolesEvent = EventOf<"roles.optedIn" | "roles.optedOut" | "roles.policySet" | "roles.assigned">;

/** Folds a roles event: opt-ins kept in canonical order, assignments per item (null clears a role). */
export function applyRolesEvent(state: MeetingState, event: RolesEvent): MeetingState {
  const { roles } = state;
  switch (event.type) {
    case "roles.optedIn":
    case "roles.optedOut": {
      const { userId } = event.payload;
      const before = own(roles.optIns, userId) ?? [];
      const isIn = (role: (typeof APP_ROLES)[number]) =>
        event.type === "roles.optedIn" ? before.includes(role) || event.payload.roles.includes(role) : before.includes(role) && !event.payload.roles.includes(role);
      const after = APP_ROLES.filter(isIn);
      const optIns = after.length === 0 ? withoutKey(roles.optIns, userId) : { ...roles.optIns, [userId]: after };
      return { ...state, roles: { ...roles, optIns } };
    }
    case "roles.policySet":
      return { ...state, roles: { ...roles, policy: event.payload.rotation } };
    case "roles.assigned": {
      const { itemId, assignments } = event.payload;
      if (!Object.hasOwn(state.agenda.items, itemId)) return state;
      const holders: RoleAssignments = { ...(own(roles.byItem, itemId) ?? {}) };
      for (const { role, userId } of assignments) {
        if (userId === null) delete holders[role];
        else holders[role] = userId;
      }
      const byItem = Object.keys(holders).length === 0 ? withoutKey(roles.byItem, itemId) : { ...roles.byItem, [itemId]: holders };
      return { ...state, roles: { ...roles, byItem } };
    }
  }
}
