import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import { AppRoleSchema, PhaseRefSchema, PhaseSchema, RotationPolicySchema, storedText } from "./fields.ts";

export const MeetingStartedSchema = event("meeting.started", { startedBy: IdSchema });
/**
 * The room moved forward one phase. `from` is null when the room was between items; `to` is null
 * when the last phase of the agenda was left (the agenda is complete).
 */
export const PhaseAdvancedSchema = event("facilitation.phaseAdvanced", {
  from: PhaseRefSchema.nullable(),
  to: PhaseRefSchema.nullable(),
  by: IdSchema,
});
/** The room moved back one phase; the phase it left keeps the time used in it. */
export const SteppedBackSchema = event("facilitation.steppedBack", {
  from: PhaseRefSchema.nullable(),
  to: PhaseRefSchema,
  by: IdSchema,
});
export const TimerPausedSchema = event("timer.paused", { itemId: IdSchema, phase: PhaseSchema, by: IdSchema });
export const TimerResumedSchema = event("timer.resumed", { itemId: IdSchema, phase: PhaseSchema, by: IdSchema });
export const TimerExtendedSchema = event("timer.extended", {
  itemId: IdSchema,
  phase: PhaseSchema,
  minutes: z.number().int().min(Limits.minExtensionMinutes).max(Limits.maxExtensionMinutes),
  reason: storedText(Limits.maxReasonLength).min(1),
  by: IdSchema,
});
/** `unfinishedItemIds`: items not done, in agenda order; the ones to carry into the next meeting. */
export const MeetingEndedSchema = event("meeting.ended", {
  endedBy: IdSchema,
  unfinishedItemIds: z.array(IdSchema).max(Limits.maxAgendaItems),
});
export const DebateClosedSchema = event("debate.closed", { itemId: IdSchema, by: IdSchema });
export const DebateReopenedSchema = event("debate.reopened", { itemId: IdSchema, by: IdSchema });
export const ItemNotesSetSchema = event("item.notesSet", { itemId: IdSchema, notes: storedText(Limits.maxNotesLength), by: IdSchema });
export const ParkingLotAddedSchema = event("parkingLot.added", {
  entryId: IdSchema,
  text: storedText(Limits.maxParkingLotTextLength).min(1),
  itemId: IdSchema.nullable(),
  authorId: IdSchema,
});
export const ParkingLotRemovedSchema = event("parkingLot.removed", { entryId: IdSchema, removedBy: IdSchema });
export const ParkingLotPromotedSchema = event("parkingLot.promoted", { entryId: IdSchema, promotedBy: IdSchema });
/** Only the roles that changed for this person. */
export const RolesOptedInSchema = event("roles.optedIn", { userId: IdSchema, roles: z.array(AppRoleSchema).min(1) });
export const RolesOptedOutSchema = event("roles.optedOut", { userId: IdSchema, roles: z.array(AppRoleSchema).min(1) });
export const RotationPolicySetSchema = event("roles.policySet", { rotation: RotationPolicySchema, setBy: IdSchema });
/**
 * Roles given (or, with a null userId, taken back) on one item. `reason` says whether the rotation
 * policy handed them on (`rotation`), the fixed policy kept or filled them (`fixed`), or the
 * organizer chose (`override`); `by` is whoever's command caused it.
 */
export const RolesAssignedSchema = event("roles.assigned", {
  itemId: IdSchema,
  assignments: z.array(z.object({ role: AppRoleSchema, userId: IdSchema.nullable() })).min(1).max(4),
  reason: z.enum(["rotation", "fixed", "override"]),
  by: IdSchema,
});

export const FACILITATION_EVENT_SCHEMAS = [
  MeetingStartedSchema,
  PhaseAdvancedSchema,
  SteppedBackSchema,
  TimerPausedSchema,
  TimerResumedSchema,
  TimerExtendedSchema,
  MeetingEndedSchema,
  DebateClosedSchema,
  DebateReopenedSchema,
  ItemNotesSetSchema,
  ParkingLotAddedSchema,
  ParkingLotRemovedSchema,
  ParkingLotPromotedSchema,
  RolesOptedInSchema,
  RolesOptedOutSchema,
  RotationPolicySetSchema,
  RolesAssignedSchema,
] as const;
