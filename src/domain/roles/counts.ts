import type { AppRole } from "../../protocol/vocabulary.ts";
import type { MeetingState } from "../meeting/state.ts";
import { rolesForItem } from "./holders.ts";

/** How many items each person has held each role on (roles in use only): the fairness the rotation keeps. */
export function roleCounts(state: MeetingState): Record<string, Partial<Record<AppRole, number>>> {
  const counts: Record<string, Partial<Record<AppRole, number>>> = {};
  for (const itemId of state.agenda.order) {
    for (const [role, userId] of Object.entries(rolesForItem(state, itemId)) as [AppRole, string][]) {
      const mine = Object.hasOwn(counts, userId) ? counts[userId]! : (counts[userId] = {});
      mine[role] = (mine[role] ?? 0) + 1;
    }
  }
  return counts;
}
