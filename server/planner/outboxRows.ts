import { z } from "zod";
import { applyEvent, commitmentOf, itemOf, type MeetingState } from "../../src/domain/index.ts";
import type { DomainEvent } from "../../src/protocol/events.ts";
import { IdSchema } from "../../src/protocol/ids.ts";
import { Limits } from "../../src/protocol/limits.ts";
import { CalendarDateSchema, CommitmentStatusSchema, storedText } from "../../src/protocol/fields.ts";
import type { MeetingKey, OutboxInput } from "../store/eventStore.ts";
import { spaceOfMeeting } from "../meetings/space.ts";

/** The outbox topic of commitments on their way to Planner; the Planner worker claims it. */
export const PLANNER_COMMITMENT_TOPIC = "planner.commitment";

/**
 * What the Planner worker receives for one revision of a commitment: everything it writes to the
 * task, as it stood at that revision, and where the commitment lives (meeting, space) so it can
 * find the space's plan and bucket and report back. `status: "cancelled"` means close the task.
 * The task id is not here: the worker reads it from the meeting (or finds the task in the bucket),
 * because a newer revision may be sent before an older one's result was recorded.
 */
export const CommitmentSyncPayloadSchema = z.object({
  meetingId: IdSchema,
  spaceId: IdSchema,
  commitmentId: IdSchema,
  revision: z.number().int().positive(),
  status: CommitmentStatusSchema,
  title: storedText(Limits.maxCommitmentTitleLength).min(1),
  ownerIds: z.array(IdSchema).min(1).max(Limits.maxCommitmentOwners),
  dueDate: CalendarDateSchema,
  notes: storedText(Limits.maxCommitmentNotesLength),
  itemId: IdSchema.nullable(),
  /** The agenda item's title when the row was written, for the task's description. */
  itemTitle: storedText(Limits.maxTitleLength).nullable(),
  createdBy: IdSchema,
});
export type CommitmentSyncPayload = z.infer<typeof CommitmentSyncPayloadSchema>;

/**
 * The outbox rows a command's events call for, to be appended with them in one transaction: one
 * row per commitment revision Planner must receive (captured, edited, cancelled), and one when
 * someone asks for a failed write to be retried. Pure: the same state and events always give the
 * same rows. `before` is the meeting's state the events were decided on.
 */
export function outboxRowsFor(key: MeetingKey, before: MeetingState, events: readonly DomainEvent[]): OutboxInput[] {
  const rows: OutboxInput[] = [];
  let state = before;
  for (const event of events) {
    state = applyEvent(state, event);
    const commitmentId = commitmentToSend(event);
    if (commitmentId === null) continue;
    const commitment = commitmentOf(state, commitmentId);
    if (!commitment) continue;
    const item = commitment.itemId === null ? undefined : itemOf(state, commitment.itemId);
    const payload: CommitmentSyncPayload = {
      meetingId: key.meetingId,
      spaceId: spaceOfMeeting(key.meetingId),
      commitmentId,
      revision: commitment.revision,
      status: commitment.status,
      title: commitment.title,
      ownerIds: [...commitment.ownerIds],
      dueDate: commitment.dueDate,
      notes: commitment.notes,
      itemId: commitment.itemId,
      itemTitle: item?.title ?? null,
      createdBy: commitment.createdBy,
    };
    rows.push({ topic: PLANNER_COMMITMENT_TOPIC, subject: commitmentId, revision: commitment.revision, payload, createdAt: event.at });
  }
  return rows;
}

function commitmentToSend(event: DomainEvent): string | null {
  switch (event.type) {
    case "commitment.captured":
    case "commitment.edited":
    case "commitment.cancelled":
    case "commitment.syncRetryRequested":
      return event.payload.commitmentId;
    default:
      // sync results come from Planner and a task deleted there is already gone: nothing to send
      return null;
  }
}
