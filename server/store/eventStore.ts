import type { DomainEvent, SequencedEvent } from "../../src/protocol/events.ts";
import type { MeetingState } from "../../src/protocol/snapshot.ts";

/** A meeting's address. Every read and write is scoped by tenant so one tenant never sees another's meetings. */
export interface MeetingKey {
  tenantId: string;
  meetingId: string;
}

export interface StoredSnapshot {
  seq: number;
  state: MeetingState;
}

/** A meeting that has ended, and when (the `meeting.ended` event's time). */
export interface EndedMeeting {
  meetingId: string;
  endedAt: number;
}

/**
 * A message to send once its events are durable, written by `append` in the same transaction as
 * them. `topic` says which worker sends it (e.g. `planner.commitment`); `subject` is what it is about
 * within the meeting (e.g. a commitment id) and `revision` which version of it the payload carries.
 * A newer row of the same topic and subject supersedes the older ones not yet sent: a worker only
 * ever sends the newest. `payload` is a JSON object; `createdAt` (server time) is also when it is
 * first due.
 */
export interface OutboxInput {
  topic: string;
  subject: string;
  revision: number;
  payload: Record<string, unknown>;
  createdAt: number;
}

/**
 * Where an outbox row stands: `pending` until a worker settles it as `done` (sent), `failed`
 * (given up, kept for the record), or until a newer row of its subject makes it `superseded`.
 */
export type OutboxStatus = "pending" | "done" | "superseded" | "failed";

/** An outbox row as stored. `attempts` counts claims, a crashed worker's included. */
export interface OutboxRow extends OutboxInput {
  outboxId: number;
  tenantId: string;
  meetingId: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: number;
  lastError: string | null;
  /** While a worker holds the row: until when. A lease that has run out lets another worker take it. */
  leaseUntil: number | null;
  settledAt: number | null;
}

/** Proof that a worker holds a row: settling it needs the token of the claim that is still current. */
export interface OutboxLease {
  tenantId: string;
  outboxId: number;
  token: string;
}

/** A row a worker has claimed, with the lease that lets it settle the row. */
export interface ClaimedOutboxRow extends OutboxRow {
  lease: OutboxLease;
  leaseUntil: number;
}

/** What a worker asks for: due rows of one topic (of one tenant, if given), leased for `leaseMs` from `now`. */
export interface OutboxClaimRequest {
  topic: string;
  now: number;
  leaseMs: number;
  limit: number;
  tenantId?: string;
}

/**
 * An open commitment bound to a Planner task, as the event log records it: the task id of its latest
 * successful sync that named one, the meeting's space (whose Planner target holds the plan), and who
 * captured it (whose delegated permission reads the plan). `syncedAt` is that sync's event time.
 */
export interface CommitmentTask {
  tenantId: string;
  meetingId: string;
  spaceId: string;
  commitmentId: string;
  taskId: string;
  createdBy: string;
  syncedAt: number;
}

/** What `append` stored, or the seq the command already reached if its id was seen before. */
export type AppendResult =
  | { kind: "appended"; events: SequencedEvent[]; seq: number }
  | { kind: "duplicate"; seq: number };

/** Another writer appended first: reload and decide again. */
export class SequenceConflictError extends Error {
  constructor(
    readonly key: MeetingKey,
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super(`meeting ${key.meetingId} is at seq ${actualSeq}, not ${expectedSeq}`);
    this.name = "SequenceConflictError";
  }
}

/**
 * The event log port. Async from day one so SQLite (embedded) and Postgres (scale-out) are
 * interchangeable. Sequence numbers are per meeting, start at 1, have no gaps, and are assigned
 * inside the append's transaction.
 */
export interface EventStore {
  /**
   * Appends a command's events atomically after `expectedSeq`, with the outbox rows they call for
   * in the same transaction: both are written or neither is (a conflict, bad input or a duplicate
   * writes no row). Records `commandId` even when `events` is empty, so a resent command is
   * recognised as a duplicate and never applied twice. Throws SequenceConflictError when the
   * meeting's seq is no longer `expectedSeq`.
   */
  append(
    key: MeetingKey,
    expectedSeq: number,
    commandId: string,
    events: readonly DomainEvent[],
    outbox?: readonly OutboxInput[],
  ): Promise<AppendResult>;
  /** The seq a previously appended command reached, or null if this command id is new to the meeting. */
  findCommand(key: MeetingKey, commandId: string): Promise<number | null>;
  /** Events with seq > afterSeq, ascending, at most `limit`. */
  readSince(key: MeetingKey, afterSeq: number, limit?: number): Promise<SequencedEvent[]>;
  /** The meeting's last seq, 0 for a meeting with no events. */
  currentSeq(key: MeetingKey): Promise<number>;
  /**
   * The meeting of this tenant's space (see server/meetings/space.ts) that ended most recently,
   * leaving out `excludingMeetingId`; null when none has ended. Where carried-over items come from.
   */
  lastEndedMeetingInSpace(tenantId: string, spaceId: string, excludingMeetingId: string): Promise<EndedMeeting | null>;
  /**
   * Leases up to `limit` due rows of a topic to one worker, oldest due first. A row is due when it
   * is pending, its `notBefore` has come, no lease on it is running, it is the newest pending row of
   * its subject (older ones are then superseded), and no other row of its subject is leased — so one
   * subject is never sent by two workers at once, and two concurrent claims never return the same row.
   */
  claimOutbox(request: OutboxClaimRequest): Promise<ClaimedOutboxRow[]>;
  /** Settles a claimed row as sent. False, changing nothing, when the lease is no longer current. */
  completeOutbox(lease: OutboxLease, now: number): Promise<boolean>;
  /** Releases a claimed row to be tried again from `notBefore`, recording why it failed. False when the lease is no longer current. */
  rescheduleOutbox(lease: OutboxLease, retry: { now: number; notBefore: number; error: string }): Promise<boolean>;
  /** Settles a claimed row as failed for good (kept for the record). False when the lease is no longer current. */
  failOutbox(lease: OutboxLease, failure: { now: number; error: string }): Promise<boolean>;
  /**
   * Every commitment, across tenants and meetings, that has a Planner task and was neither cancelled
   * in Concord nor deleted in Planner, oldest sync first: what the progress poller reads back when the
   * server starts. Each row carries its own tenant, which is the only tenant its task may be read into.
   */
  listCommitmentTasks(): Promise<CommitmentTask[]>;
  /** Every outbox row of a meeting, oldest first: for inspection and tests. */
  listOutbox(key: MeetingKey): Promise<OutboxRow[]>;
  saveSnapshot(key: MeetingKey, snapshot: StoredSnapshot): Promise<void>;
  loadSnapshot(key: MeetingKey): Promise<StoredSnapshot | null>;
  close(): Promise<void>;
}
