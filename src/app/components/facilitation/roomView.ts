import { currentPhase, stepAfter, type CurrentPhaseView } from "../../../domain/facilitation/walk.ts";
import { rolesForItem } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { APP_ROLES, type AppRole } from "../../../protocol/vocabulary.ts";

/**
 * Where the meeting stands, as the surfaces word it: no agenda yet, not started, a phase running,
 * between items (running, with more to come), every item covered (running, nothing left), ended.
 */
export type Situation = "noAgenda" | "notStarted" | "running" | "betweenItems" | "agendaDone" | "ended";

/** The meeting's situation, from the domain's walk. */
export function situationOf(state: MeetingState): Situation {
  switch (state.facilitation.status) {
    case "ended":
      return "ended";
    case "notStarted":
      return state.agenda.order.length === 0 ? "noAgenda" : "notStarted";
    case "running":
      if (currentPhase(state)) return "running";
      return stepAfter(state) ? "betweenItems" : "agendaDone";
  }
}

/** The running phase with 1-based numbers for "Item 2 of 3" and "Phase 1 of 4", or null. */
export interface NumberedPhase extends CurrentPhaseView {
  itemNumber: number;
  itemCount: number;
  phaseNumber: number;
  phaseCount: number;
}

/** The running phase, numbered for display. */
export function numberedPhase(state: MeetingState): NumberedPhase | null {
  const view = currentPhase(state);
  if (!view) return null;
  return { ...view, itemNumber: view.itemIndex + 1, itemCount: state.agenda.order.length, phaseNumber: view.phaseIndex + 1, phaseCount: view.item.phases.length };
}

/** One role on one item and who holds it. */
export interface RoleHolder {
  role: AppRole;
  userId: string;
}

/** Who holds each role in use on an item, in the canonical role order; unfilled roles are left out. */
export function roleHolders(state: MeetingState, itemId: string): RoleHolder[] {
  const assigned = rolesForItem(state, itemId);
  return APP_ROLES.flatMap((role) => {
    const userId = assigned[role];
    return userId === undefined ? [] : [{ role, userId }];
  });
}

/**
 * Whether the viewer's "Share to stage" sits among their facilitation controls (a facilitator while
 * there is an agenda to run); everyone else finds it in the side panel's folded extras.
 */
export function sharesFromControls(state: MeetingState, canFacilitate: boolean): boolean {
  return canFacilitate && state.facilitation.status !== "ended" && state.agenda.order.length > 0;
}
