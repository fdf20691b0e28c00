import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema, MeetingRoleSchema } from "./ids.ts";
import { AgendaSchema, CharterSchema, FacilitationSchema, ParkingLotEntrySchema, PreworkSchema, RolesStateSchema } from "./agendaSnapshot.ts";
import { defaultCharter, defaultRoles, emptyAgenda, emptyPrework, notStartedFacilitation } from "./stateDefaults.ts";

export const ParticipantSchema = z.object({
  userId: IdSchema,
  displayName: z.string().max(Limits.maxDisplayNameLength),
  meetingRole: MeetingRoleSchema,
  isPresent: z.boolean(),
  joinedAt: z.number().int(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const QueueEntrySchema = z.object({
  entryId: IdSchema,
  userId: IdSchema,
  topic: z.string().max(Limits.maxTopicLength).optional(),
  raisedAt: z.number().int(),
  /** Arrival number within the meeting: breaks ties between entries raised in the same millisecond. */
  arrival: z.number().int().nonnegative(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

export const FloorSchema = z.object({ entryId: IdSchema, userId: IdSchema, since: z.number().int() });
export type Floor = z.infer<typeof FloorSchema>;

/**
 * The state of one meeting as every client folds it. Keyed records rather than arrays so a
 * 1,000-person meeting stays O(1) per event; order is derived, never stored (except the agenda's,
 * which people choose). Fields added after the first release have defaults so older stored
 * snapshots still load.
 */
export const MeetingStateSchema = z.object({
  meetingId: IdSchema,
  participants: z.record(IdSchema, ParticipantSchema),
  queue: z.record(IdSchema, QueueEntrySchema),
  floor: FloorSchema.nullable(),
  nextArrival: z.number().int().nonnegative(),
  agenda: AgendaSchema.default(emptyAgenda),
  charter: CharterSchema.default(defaultCharter),
  prework: PreworkSchema.default(emptyPrework),
  parkingLot: z.record(IdSchema, ParkingLotEntrySchema).default(() => ({})),
  facilitation: FacilitationSchema.default(notStartedFacilitation),
  roles: RolesStateSchema.default(defaultRoles),
  /** Numbers the items, assumptions, links and parked points this meeting creates. */
  nextLocalId: z.number().int().nonnegative().default(0),
});
export type MeetingState = z.infer<typeof MeetingStateSchema>;

export * from "./agendaSnapshot.ts";
