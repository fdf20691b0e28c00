import type { DomainEvent } from "../../protocol/events.ts";
import type { AppRole } from "../../protocol/vocabulary.ts";
import type { MeetingState } from "../meeting/state.ts";
import { own, type Emit } from "../meeting/decision.ts";
import { handOnRoles } from "./rotation.ts";
import { rolesForItem } from "./holders.ts";

/**
 * The `roles.assigned` event (or none) for an item the room is entering: every role in use that the
 * item still lacks is filled by the meeting's policy, among people present who opted in. Holders
 * already set (an override, or an earlier visit to the item) are kept, so stepping back and forth
 * never reshuffles roles.
 */
export function rolesOnEntering(state: MeetingState, itemId: string, by: string, emit: Emit): DomainEvent[] {
  const roles = state.charter.rolesInUse;
  const present = new Set(Object.values(state.participants).filter((person) => person.isPresent).map((person) => person.userId));
  const eligible: Partial<Record<AppRole, string[]>> = {};
  for (const role of roles) {
    eligible[role] = [...present].filter((userId) => (own(state.roles.optIns, userId) ?? []).includes(role));
  }
  const index = state.agenda.order.indexOf(itemId);
  const filled = handOnRoles({
    roles,
    eligible,
    history: state.agenda.order.slice(0, Math.max(0, index)).map((id) => rolesForItem(state, id)),
    assigned: rolesForItem(state, itemId),
    policy: state.roles.policy,
    present,
  });
  const assignments = roles.flatMap((role) => {
    const userId = filled[role];
    return userId === undefined ? [] : [{ role, userId }];
  });
  if (assignments.length === 0) return [];
  return [emit("roles.assigned", { itemId, assignments, reason: state.roles.policy === "rotate" ? "rotation" : "fixed", by })];
}
