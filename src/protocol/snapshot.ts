import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema, MeetingRoleSchema } from "./ids.ts";

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
 * 1,000-person meeting stays O(1) per event; order is derived, never stored.
 */
export const MeetingStateSchema = z.object({
  meetingId: IdSchema,
  participants: z.record(IdSchema, ParticipantSchema),
  queue: z.record(IdSchema, QueueEntrySchema),
  floor: FloorSchema.nullable(),
  nextArrival: z.number().int().nonnegative(),
});
export type MeetingState = z.infer<typeof MeetingStateSchema>;
