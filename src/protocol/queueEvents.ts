import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import { DominanceAlertSchema, EntryKindSchema, EquitySummarySchema, QueuePolicySchema } from "./queueSnapshot.ts";

/** `kind` is absent from events stored before kinds existed: those were new points. */
export const HandRaisedSchema = event("queue.handRaised", {
  entryId: IdSchema,
  userId: IdSchema,
  topic: z.string().max(Limits.maxTopicLength).optional(),
  kind: EntryKindSchema.optional(),
  /** The facilitator who invited this person to speak, when they did not raise the hand themselves. */
  invitedBy: IdSchema.optional(),
});
/** `removed`: a facilitator took the entry out (`by`); `left`: its owner left the meeting. */
export const HandLoweredSchema = event("queue.handLowered", {
  entryId: IdSchema,
  userId: IdSchema,
  reason: z.enum(["withdrawn", "left", "removed"]),
  by: IdSchema.optional(),
});
/** The entry's kind and topic after the change (no topic: none). A new kind goes to the back of that kind's line. */
export const EntryChangedSchema = event("queue.entryChanged", {
  entryId: IdSchema,
  userId: IdSchema,
  kind: EntryKindSchema,
  topic: z.string().max(Limits.maxTopicLength).optional(),
});
/**
 * A facilitator placed an entry at `toIndex` among the entries of its kind; everything ahead of it
 * keeps its place. `skipped` passes the entry over; `invited` puts a quiet person first.
 */
export const EntryMovedSchema = event("queue.entryMoved", {
  entryId: IdSchema,
  userId: IdSchema,
  toIndex: z.number().int().nonnegative(),
  reason: z.enum(["moved", "skipped", "invited"]),
  by: IdSchema,
});
export const QueueClearedSchema = event("queue.cleared", { by: IdSchema });
export const QueuePolicySetSchema = event("queue.policySet", { policy: QueuePolicySchema, by: IdSchema });
export const QueueClosedSchema = event("queue.closed", { by: IdSchema });
export const QueueReopenedSchema = event("queue.reopened", { by: IdSchema });

/** The round's order is everyone present, in the stable base order, rotated to start with `startWith`. */
export const RoundStartedSchema = event("round.started", { round: z.number().int().positive(), startWith: IdSchema, by: IdSchema });
export const RoundPassedSchema = event("round.passed", { round: z.number().int().positive(), userId: IdSchema, by: IdSchema });
/** `complete`: everyone in it had their turn; `by` is null when the round ended by itself. */
export const RoundEndedSchema = event("round.ended", {
  round: z.number().int().positive(),
  reason: z.enum(["complete", "endedByFacilitator", "policyChanged"]),
  by: IdSchema.nullable(),
});

/**
 * `entryId` is null for a round-robin turn (`round` says which); `kind` is the granted entry's;
 * `grantedBy` is null when Concord passed the floor on itself, after a speaker's grace period.
 */
export const FloorGrantedSchema = event("floor.granted", {
  entryId: IdSchema.nullable(),
  userId: IdSchema,
  grantedBy: IdSchema.nullable(),
  kind: EntryKindSchema.optional(),
  round: z.number().int().positive().optional(),
});
/** `disconnected`: the speaker's last connection closed and the grace period passed without a reconnection. */
export const FloorReleasedSchema = event("floor.released", {
  userId: IdSchema,
  reason: z.enum(["yielded", "endedByFacilitator", "left", "nextGranted", "disconnected"]),
});
export const TurnLimitSetSchema = event("floor.turnLimitSet", { seconds: z.number().int().positive().nullable(), by: IdSchema });
export const TurnExtendedSchema = event("floor.turnExtended", { userId: IdSchema, seconds: z.number().int().positive(), by: IdSchema });

export const DominanceThresholdSetSchema = event("equity.thresholdSet", {
  ratio: z.number().min(Limits.minDominanceRatio).max(Limits.maxDominanceRatio),
  by: IdSchema,
});
/** Facilitators only: a turn ended with the speaker's share of the floor above the threshold. */
export const DominanceDetectedSchema = event("equity.dominanceDetected", DominanceAlertSchema.omit({ at: true }).shape);
/** Everyone: the figures a facilitator chose to show the room. */
export const EquitySummarySharedSchema = event("equity.summaryShared", { summary: EquitySummarySchema, by: IdSchema });
export const EquitySummaryHiddenSchema = event("equity.summaryHidden", { by: IdSchema });

export const QUEUE_EVENT_SCHEMAS = [
  HandRaisedSchema,
  HandLoweredSchema,
  EntryChangedSchema,
  EntryMovedSchema,
  QueueClearedSchema,
  QueuePolicySetSchema,
  QueueClosedSchema,
  QueueReopenedSchema,
  RoundStartedSchema,
  RoundPassedSchema,
  RoundEndedSchema,
  FloorGrantedSchema,
  FloorReleasedSchema,
  TurnLimitSetSchema,
  TurnExtendedSchema,
  DominanceThresholdSetSchema,
  DominanceDetectedSchema,
  EquitySummarySharedSchema,
  EquitySummaryHiddenSchema,
] as const;
