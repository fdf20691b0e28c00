import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { eventSchema as event } from "./eventShape.ts";
import { CalendarDateSchema, StoredHttpsUrlSchema, TimestampSchema, storedText } from "./fields.ts";
import { PlannerTargetSchema } from "./commitmentTarget.ts";

const Title = storedText(Limits.maxCommitmentTitleLength).min(1);
const Notes = storedText(Limits.maxCommitmentNotesLength);
const OwnerIds = z.array(IdSchema).min(1).max(Limits.maxCommitmentOwners);
const Revision = z.number().int().positive();

/** A new commitment, at revision 1. */
export const CommitmentCapturedSchema = event("commitment.captured", {
  commitmentId: IdSchema,
  title: Title,
  ownerIds: OwnerIds,
  dueDate: CalendarDateSchema,
  notes: Notes,
  itemId: IdSchema.nullable(),
  createdBy: IdSchema,
});
/** Only the fields that changed are present; `revision` is the commitment's new revision. */
export const CommitmentEditedSchema = event("commitment.edited", {
  commitmentId: IdSchema,
  changes: z.object({
    title: Title.optional(),
    ownerIds: OwnerIds.optional(),
    dueDate: CalendarDateSchema.optional(),
    notes: Notes.optional(),
    itemId: IdSchema.nullable().optional(),
  }),
  revision: Revision,
  editedBy: IdSchema,
});
/** Cancelled in Concord; the new revision tells the worker to close the Planner task. */
export const CommitmentCancelledSchema = event("commitment.cancelled", { commitmentId: IdSchema, revision: Revision, cancelledBy: IdSchema });
/** Someone asked for a failed Planner write to be tried again now; the revision is unchanged. */
export const CommitmentSyncRetryRequestedSchema = event("commitment.syncRetryRequested", {
  commitmentId: IdSchema,
  revision: Revision,
  requestedBy: IdSchema,
});

// Reported by the server's Planner worker, never by a client.

/** The worker began writing this revision to Planner. */
export const CommitmentSyncStartedSchema = event("commitment.syncStarted", { commitmentId: IdSchema, revision: Revision });
/**
 * Planner holds this revision in the task `taskId`. Both are null only for a commitment cancelled
 * before its task was ever created: there is nothing in Planner to point at, and nothing left to send.
 */
export const CommitmentSyncSucceededSchema = event("commitment.syncSucceeded", {
  commitmentId: IdSchema,
  revision: Revision,
  taskId: IdSchema.nullable(),
  taskUrl: StoredHttpsUrlSchema.nullable(),
});
/** Writing this revision failed; `isRetryable` says whether the worker will try again by itself. */
export const CommitmentSyncFailedSchema = event("commitment.syncFailed", {
  commitmentId: IdSchema,
  revision: Revision,
  reason: storedText(Limits.maxSyncFailureReasonLength).min(1),
  isRetryable: z.boolean(),
});
/** Progress read back from the Planner task. */
export const CommitmentProgressReadSchema = event("commitment.progressRead", {
  commitmentId: IdSchema,
  percentComplete: z.number().int().min(0).max(100),
  completedAt: TimestampSchema.nullable(),
  plannerDueDate: CalendarDateSchema.nullable(),
});
/** The task was deleted in Planner: the commitment counts as cancelled there. */
export const CommitmentCancelledInPlannerSchema = event("commitment.cancelledInPlanner", { commitmentId: IdSchema, taskId: IdSchema });

/**
 * Someone chose, from this meeting, where its space's commitments go in Planner (recorded by the
 * server once the choice is stored, never sent by a client): open tabs show the plan and bucket at
 * once. The payload is the stored target itself, names included.
 */
export const CommitmentsTargetChosenSchema = event("commitments.targetChosen", PlannerTargetSchema.shape);

export const COMMITMENT_EVENT_SCHEMAS = [
  CommitmentCapturedSchema,
  CommitmentEditedSchema,
  CommitmentCancelledSchema,
  CommitmentSyncRetryRequestedSchema,
  CommitmentSyncStartedSchema,
  CommitmentSyncSucceededSchema,
  CommitmentSyncFailedSchema,
  CommitmentProgressReadSchema,
  CommitmentCancelledInPlannerSchema,
  CommitmentsTargetChosenSchema,
] as const;
