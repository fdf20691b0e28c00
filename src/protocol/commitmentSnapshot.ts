import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { CalendarDateSchema, CommitmentStatusSchema, StoredHttpsUrlSchema, SyncStateSchema, TimestampSchema, storedText } from "./fields.ts";

/** Why the last Planner write of a commitment failed, and whether the worker will try again by itself. */
export const SyncFailureSchema = z.object({
  reason: storedText(Limits.maxSyncFailureReasonLength),
  isRetryable: z.boolean(),
  at: TimestampSchema,
});
export type SyncFailure = z.infer<typeof SyncFailureSchema>;

/**
 * A commitment's standing with Planner. `syncedRevision` is the newest revision Planner is known to
 * hold (0: none yet), never more than the commitment's `revision`; `taskId` and `taskUrl` are set
 * once the task exists. `failure` describes the last failed write of the current revision.
 */
export const CommitmentSyncSchema = z.object({
  state: SyncStateSchema,
  syncedRevision: z.number().int().nonnegative(),
  taskId: IdSchema.nullable(),
  taskUrl: StoredHttpsUrlSchema.nullable(),
  failure: SyncFailureSchema.nullable(),
});
export type CommitmentSync = z.infer<typeof CommitmentSyncSchema>;

/** Progress as last read back from the Planner task; `readAt` is when the poller read it. */
export const CommitmentProgressSchema = z.object({
  percentComplete: z.number().int().min(0).max(100),
  completedAt: TimestampSchema.nullable(),
  /** The task's due date in Planner, which an owner may have moved there; null when cleared. */
  plannerDueDate: CalendarDateSchema.nullable(),
  readAt: TimestampSchema,
});
export type CommitmentProgress = z.infer<typeof CommitmentProgressSchema>;

/** Who cancelled a commitment and where: in Concord (by a person) or by deleting its task in Planner. */
export const CommitmentCancellationSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("concord"), by: IdSchema, at: TimestampSchema }),
  z.object({ source: z.literal("planner"), at: TimestampSchema }),
]);
export type CommitmentCancellation = z.infer<typeof CommitmentCancellationSchema>;

/**
 * An action someone in the meeting committed to. Owners are Entra object ids of meeting
 * participants (the tab shows their names); `revision` starts at 1 and goes up by one with every
 * change Planner must receive, which is what the outbox and the sync results are keyed by.
 */
export const CommitmentSchema = z.object({
  commitmentId: IdSchema,
  title: storedText(Limits.maxCommitmentTitleLength),
  ownerIds: z.array(IdSchema).min(1).max(Limits.maxCommitmentOwners),
  dueDate: CalendarDateSchema,
  notes: storedText(Limits.maxCommitmentNotesLength),
  /** The agenda item it comes from, if any. */
  itemId: IdSchema.nullable(),
  createdBy: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  status: CommitmentStatusSchema,
  cancellation: CommitmentCancellationSchema.nullable(),
  revision: z.number().int().positive(),
  sync: CommitmentSyncSchema,
  /** null until the poller has read the task back once. */
  progress: CommitmentProgressSchema.nullable(),
  /** Creation order within the meeting, for a stable display order. */
  sequence: z.number().int().nonnegative(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;
