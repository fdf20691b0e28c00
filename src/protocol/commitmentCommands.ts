import { z } from "zod";
import { Limits } from "./limits.ts";
import { IdSchema } from "./ids.ts";
import { CalendarDateSchema, inputText } from "./fields.ts";

const Title = inputText(Limits.maxCommitmentTitleLength, true);
const Notes = inputText(Limits.maxCommitmentNotesLength, false);
/** Entra object ids of meeting participants: at least one, each once. */
const OwnerIds = z
  .array(IdSchema)
  .min(1, "must name at least one owner")
  .max(Limits.maxCommitmentOwners, `must have at most ${Limits.maxCommitmentOwners} owners`)
  .refine((ids) => new Set(ids).size === ids.length, "must not name an owner twice");

/**
 * Captures a commitment: a facilitator or a scribe at any time (also after the meeting ended), or,
 * during the commit phase, any participant who is one of its owners. The due date is today or
 * later (UTC). It goes to the space's Planner plan once one is chosen.
 */
export const CaptureCommitmentSchema = z.object({
  type: z.literal("commitment.capture"),
  payload: z
    .object({
      title: Title,
      ownerIds: OwnerIds,
      dueDate: CalendarDateSchema,
      notes: Notes.optional(),
      itemId: IdSchema.nullable().optional(),
    })
    .strict(),
});

/** Changes the given fields of an open commitment: a facilitator, a scribe, or whoever captured it. */
export const EditCommitmentSchema = z.object({
  type: z.literal("commitment.edit"),
  payload: z
    .object({
      commitmentId: IdSchema,
      title: Title.optional(),
      ownerIds: OwnerIds.optional(),
      dueDate: CalendarDateSchema.optional(),
      notes: Notes.optional(),
      itemId: IdSchema.nullable().optional(),
    })
    .strict(),
});

/** Cancels an open commitment (its Planner task is then closed by the worker). Same people as editing. */
export const CancelCommitmentSchema = z.object({
  type: z.literal("commitment.cancel"),
  payload: z.object({ commitmentId: IdSchema }).strict(),
});

/** Sends a commitment whose Planner write failed again now: a facilitator, a scribe or one of its owners. */
export const RetryCommitmentSyncSchema = z.object({
  type: z.literal("commitment.retrySync"),
  payload: z.object({ commitmentId: IdSchema }).strict(),
});

/**
 * Commands a client may send about commitments. What Planner did with them (sync results,
 * progress) is reported by the server's worker through its own path, never by a client.
 */
export const COMMITMENT_COMMAND_SCHEMAS = [
  CaptureCommitmentSchema,
  EditCommitmentSchema,
  CancelCommitmentSchema,
  RetryCommitmentSyncSchema,
] as const;
