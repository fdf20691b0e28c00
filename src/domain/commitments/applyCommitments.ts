import type { Commitment } from "../../protocol/commitmentSnapshot.ts";
import type { EventOf } from "../../protocol/events.ts";
import type { MeetingState } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";

export type CommitmentEvent = EventOf<
  | "commitment.captured"
  | "commitment.edited"
  | "commitment.cancelled"
  | "commitment.syncRetryRequested"
  | "commitment.syncStarted"
  | "commitment.syncSucceeded"
  | "commitment.syncFailed"
  | "commitment.progressRead"
  | "commitment.cancelledInPlanner"
>;

/**
 * Folds a commitment event. Total, and keeps two invariants whatever order sync results arrive in:
 * the revision never goes down, and `syncedRevision` never passes it. The sync state is `synced`
 * exactly when Planner holds the latest revision.
 */
export function applyCommitmentEvent(state: MeetingState, event: CommitmentEvent): MeetingState {
  if (event.type === "commitment.captured") {
    const { commitmentId, title, ownerIds, dueDate, notes, itemId, createdBy } = event.payload;
    const commitment: Commitment = {
      commitmentId,
      title,
      ownerIds: [...ownerIds],
      dueDate,
      notes,
      itemId,
      createdBy,
      createdAt: event.at,
      updatedAt: event.at,
      status: "open",
      cancellation: null,
      revision: 1,
      sync: { state: "pending", syncedRevision: 0, taskId: null, taskUrl: null, failure: null },
      progress: null,
      sequence: state.nextLocalId + 1,
    };
    return { ...state, commitments: { ...state.commitments, [commitmentId]: commitment }, nextLocalId: state.nextLocalId + 1 };
  }
  const before = own(state.commitments, event.payload.commitmentId);
  if (!before) return state;
  const after = nextCommitment(before, event);
  return after === before ? state : { ...state, commitments: { ...state.commitments, [before.commitmentId]: after } };
}

function nextCommitment(before: Commitment, event: Exclude<CommitmentEvent, EventOf<"commitment.captured">>): Commitment {
  const { sync } = before;
  switch (event.type) {
    case "commitment.edited": {
      if (event.payload.revision <= before.revision) return before;
      const { changes } = event.payload;
      return {
        ...before,
        ...definedOnly(changes),
        ...(changes.ownerIds ? { ownerIds: [...changes.ownerIds] } : {}),
        updatedAt: event.at,
        revision: event.payload.revision,
        sync: { ...sync, state: "pending", failure: null },
      };
    }
    case "commitment.cancelled": {
      if (event.payload.revision <= before.revision) return before;
      return {
        ...before,
        status: "cancelled",
        cancellation: { source: "concord", by: event.payload.cancelledBy, at: event.at },
        updatedAt: event.at,
        revision: event.payload.revision,
        sync: { ...sync, state: "pending", failure: null },
      };
    }
    case "commitment.syncRetryRequested":
      if (event.payload.revision !== before.revision || sync.state !== "failed") return before;
      return { ...before, sync: { ...sync, state: "pending", failure: null } };
    case "commitment.syncStarted":
      if (event.payload.revision !== before.revision || sync.syncedRevision >= before.revision) return before;
      return { ...before, sync: { ...sync, state: "syncing" } };
    case "commitment.syncSucceeded": {
      const { taskId, taskUrl } = event.payload;
      const syncedRevision = Math.min(before.revision, Math.max(sync.syncedRevision, event.payload.revision));
      const isCurrent = syncedRevision === before.revision;
      return {
        ...before,
        sync: {
          // a success for an older revision records the task but leaves the newer revision's state alone
          state: isCurrent ? "synced" : sync.state,
          syncedRevision,
          taskId: taskId ?? sync.taskId,
          taskUrl: taskUrl ?? sync.taskUrl,
          failure: isCurrent ? null : sync.failure,
        },
      };
    }
    case "commitment.syncFailed": {
      const { revision, reason, isRetryable } = event.payload;
      if (revision !== before.revision || sync.syncedRevision >= revision) return before;
      return { ...before, sync: { ...sync, state: "failed", failure: { reason, isRetryable, at: event.at } } };
    }
    case "commitment.progressRead": {
      const { percentComplete, completedAt, plannerDueDate } = event.payload;
      return { ...before, progress: { percentComplete, completedAt, plannerDueDate, readAt: event.at } };
    }
    case "commitment.cancelledInPlanner":
      if (before.status !== "open") return before;
      return {
        ...before,
        status: "cancelled",
        cancellation: { source: "planner", at: event.at },
        updatedAt: event.at,
        // the task is gone and Concord agrees: nothing is left to send
        sync: { ...sync, state: "synced", syncedRevision: before.revision, failure: null },
      };
  }
}

/** The fields of a change set that are present, so an absent field never overwrites one with undefined. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
