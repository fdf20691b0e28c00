import type { AppRole } from "../../protocol/vocabulary.ts";
import type { MeetingState, Participant, RoleAssignments } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";

/** A participant by id, without reaching the record's prototype. */
export function participantOf(state: MeetingState, userId: string): Participant | undefined {
  return own(state.participants, userId);
}

/** Whether someone has joined and not left. */
export function isPresent(state: MeetingState, userId: string): boolean {
  return participantOf(state, userId)?.isPresent === true;
}

/** The meeting's organizer, while present: the one who may always run the room and set its charter. */
export function isOrganizer(state: MeetingState, userId: string): boolean {
  const participant = participantOf(state, userId);
  return participant?.isPresent === true && participant.meetingRole === "organizer";
}

/** The item the room is on, or null before the start, after the end and between items. */
export function currentItemId(state: MeetingState): string | null {
  return state.facilitation.current?.itemId ?? null;
}

/** Who holds each role in use on an item; roles the charter does not use are left out. */
export function rolesForItem(state: MeetingState, itemId: string): RoleAssignments {
  const assigned = own(state.roles.byItem, itemId) ?? {};
  const result: RoleAssignments = {};
  for (const role of state.charter.rolesInUse) {
    const holder = assigned[role];
    if (holder !== undefined) result[role] = holder;
  }
  return result;
}

/** Who holds a role on the item the room is on, if anyone. */
export function currentRoleHolder(state: MeetingState, role: AppRole): string | undefined {
  const itemId = currentItemId(state);
  return itemId === null ? undefined : rolesForItem(state, itemId)[role];
}

/**
 * Who may run the room: the organizer always; the current item's facilitator; and, while the
 * current item has no facilitator in the room (none assigned, or they left), the presenters — the
 * people Teams already lets manage a meeting. Only people present count.
 */
export function isFacilitator(state: MeetingState, userId: string): boolean {
  const participant = participantOf(state, userId);
  if (participant?.isPresent !== true) return false;
  if (participant.meetingRole === "organizer") return true;
  const holder = currentRoleHolder(state, "facilitator");
  if (holder !== undefined && isPresent(state, holder)) return holder === userId;
  return participant.meetingRole === "presenter";
}

/** The current item's timekeeper, while present. */
export function isTimekeeper(state: MeetingState, userId: string): boolean {
  return isPresent(state, userId) && currentRoleHolder(state, "timekeeper") === userId;
}

/** An item's scribe, while present. */
export function isScribeOf(state: MeetingState, itemId: string, userId: string): boolean {
  return isPresent(state, userId) && rolesForItem(state, itemId).scribe === userId;
}

/** What one person may do right now; the UI shows controls by it and `decide` enforces the same rules. */
export interface Powers {
  /** Advance, step back, start and end, close debate, promote parked points, give the floor. */
  canFacilitate: boolean;
  /** Pause, resume and extend the current phase's timer. */
  canKeepTime: boolean;
  /** Add, change, reorder and remove agenda items, apply templates, set the scheduled length. */
  canEditAgenda: boolean;
  canEditCharter: boolean;
  /** Assign roles and set the rotation policy. */
  canAssignRoles: boolean;
  /** Mark assumptions of the current item (only during its diagnose phase). */
  canMarkAssumptions: boolean;
}

/** The powers of one person in the current state. */
export function powersOf(state: MeetingState, userId: string): Powers {
  const facilitator = isFacilitator(state, userId);
  const organizer = isOrganizer(state, userId);
  const itemId = currentItemId(state);
  return {
    canFacilitate: facilitator,
    canKeepTime: facilitator || isTimekeeper(state, userId),
    canEditAgenda: facilitator,
    canEditCharter: organizer,
    canAssignRoles: organizer,
    canMarkAssumptions: facilitator || (itemId !== null && isScribeOf(state, itemId, userId)),
  };
}

/** Whether someone may write an item's notes: its scribe or a facilitator. */
export function canEditNotes(state: MeetingState, itemId: string, userId: string): boolean {
  return isFacilitator(state, userId) || isScribeOf(state, itemId, userId);
}
