import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema, MeetingRoleSchema } from "./ids.ts";
import { AgendaSchema, CharterSchema, FacilitationSchema, ParkingLotEntrySchema, PreworkSchema, RolesStateSchema } from "./agendaSnapshot.ts";
import { EquityStateSchema, FloorSchema, QueueEntrySchema, QueueSettingsSchema, RoundsStateSchema, TurnSchema } from "./queueSnapshot.ts";
import { CommitmentSchema } from "./commitmentSnapshot.ts";
import { PlannerTargetSchema } from "./commitmentTarget.ts";
import {
  defaultCharter,
  defaultEquity,
  defaultQueueSettings,
  defaultRoles,
  emptyAgenda,
  emptyPrework,
  noRounds,
  notStartedFacilitation,
} from "./stateDefaults.ts";

export const ParticipantSchema = z.object({
  userId: IdSchema,
  displayName: z.string().max(Limits.maxDisplayNameLength),
  meetingRole: MeetingRoleSchema,
  isPresent: z.boolean(),
  joinedAt: z.number().int(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * The state of one meeting as every client folds it. Keyed records rather than arrays so a
 * 1,000-person meeting stays O(1) per event; order is derived, never stored (except the agenda's,
 * which people choose, and a round's, fixed when it starts). Fields added after the first release
 * have defaults so older stored snapshots still load.
 */
export const MeetingStateSchema = z.object({
  meetingId: IdSchema,
  participants: z.record(IdSchema, ParticipantSchema),
  queue: z.record(IdSchema, QueueEntrySchema),
  floor: FloorSchema.nullable(),
  nextArrival: z.number().int().nonnegative(),
  queueSettings: QueueSettingsSchema.default(defaultQueueSettings),
  rounds: RoundsStateSchema.default(noRounds),
  /** Every finished turn, in order: floor time and equity are derived from it. */
  turns: z.array(TurnSchema).default(() => []),
  equity: EquityStateSchema.default(defaultEquity),
  agenda: AgendaSchema.default(emptyAgenda),
  charter: CharterSchema.default(defaultCharter),
  prework: PreworkSchema.default(emptyPrework),
  parkingLot: z.record(IdSchema, ParkingLotEntrySchema).default(() => ({})),
  facilitation: FacilitationSchema.default(notStartedFacilitation),
  roles: RolesStateSchema.default(defaultRoles),
  commitments: z.record(IdSchema, CommitmentSchema).default(() => ({})),
  /**
   * Where the space's commitments go in Planner, as last chosen from this meeting; absent until
   * then. The space's stored target stays the authority: a choice made since in another meeting of
   * the space reaches this one when its tab reads the target again.
   */
  plannerTarget: PlannerTargetSchema.optional(),
  /** Numbers the items, assumptions, links and parked points this meeting creates. */
  nextLocalId: z.number().int().nonnegative().default(0),
});
export type MeetingState = z.infer<typeof MeetingStateSchema>;

export * from "./agendaSnapshot.ts";
export * from "./queueSnapshot.ts";
export * from "./commitmentSnapshot.ts";
