import type { SequencedEvent } from "../../src/protocol/events.ts";
import type { EventStore, MeetingKey } from "../store/eventStore.ts";
import { CONFLICT_REASON_PREFIX } from "./syncCommitment.ts";
import type { CommitmentVersion } from "./syncCommitment.ts";

/** A commitment's past as the Planner worker needs it, read from the meeting's event log. */
export interface CommitmentHistory {
  /** The task fields at each revision (a cancellation keeps the fields it had). */
  versions: Map<number, CommitmentVersion>;
  /** Revisions whose conflict someone chose to resolve by retrying: Concord's values are written over Planner's. */
  forced: Set<number>;
}

/** How many events are read per page while folding a meeting's log. */
const PAGE = 1_000;

/**
 * Every commitment's history in one meeting. Only read when the worker needs it — an edit of a
 * synced commitment (what Planner was last given) or a task that may exist unrecorded (which
 * versions to match) — never for a first create.
 */
export async function readCommitmentHistories(store: EventStore, key: MeetingKey): Promise<Map<string, CommitmentHistory>> {
  const histories = new Map<string, CommitmentHistory>();
  const conflicted = new Map<string, number>();
  const historyOf = (commitmentId: string) => {
    let history = histories.get(commitmentId);
    if (!history) {
      history = { versions: new Map(), forced: new Set() };
      histories.set(commitmentId, history);
    }
    return history;
  };
  const latest = (history: CommitmentHistory) => history.versions.get(Math.max(0, ...history.versions.keys()));

  const fold = ({ event }: SequencedEvent) => {
    switch (event.type) {
      case "commitment.captured": {
        const { commitmentId, title, ownerIds, dueDate } = event.payload;
        historyOf(commitmentId).versions.set(1, { title, ownerIds: [...ownerIds], dueDate });
        break;
      }
      case "commitment.edited": {
        const history = historyOf(event.payload.commitmentId);
        const before = latest(history);
        if (!before) break;
        const { title, ownerIds, dueDate } = event.payload.changes;
        history.versions.set(event.payload.revision, {
          title: title ?? before.title,
          ownerIds: ownerIds ? [...ownerIds] : before.ownerIds,
          dueDate: dueDate ?? before.dueDate,
        });
        break;
      }
      case "commitment.cancelled": {
        const history = historyOf(event.payload.commitmentId);
        const before = latest(history);
        if (before) history.versions.set(event.payload.revision, before);
        break;
      }
      case "commitment.syncFailed":
        if (event.payload.reason.startsWith(CONFLICT_REASON_PREFIX)) conflicted.set(event.payload.commitmentId, event.payload.revision);
        else conflicted.delete(event.payload.commitmentId);
        break;
      case "commitment.syncRetryRequested":
        if (conflicted.get(event.payload.commitmentId) === event.payload.revision) historyOf(event.payload.commitmentId).forced.add(event.payload.revision);
        break;
      default:
        break;
    }
  };

  for (let afterSeq = 0; ; ) {
    const events = await store.readSince(key, afterSeq, PAGE);
    if (events.length === 0) break;
    for (const event of events) fold(event);
    afterSeq = events[events.length - 1]!.seq;
  }
  return histories;
}
