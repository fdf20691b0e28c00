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
   * Appends a command's events atomically after `expectedSeq`. Records `commandId` even when
   * `events` is empty, so a resent command is recognised as a duplicate and never applied twice.
   * Throws SequenceConflictError when the meeting's seq is no longer `expectedSeq`.
   */
  append(key: MeetingKey, expectedSeq: number, commandId: string, events: readonly DomainEvent[]): Promise<AppendResult>;
  /** The seq a previously appended command reached, or null if this command id is new to the meeting. */
  findCommand(key: MeetingKey, commandId: string): Promise<number | null>;
  /** Events with seq > afterSeq, ascending, at most `limit`. */
  readSince(key: MeetingKey, afterSeq: number, limit?: number): Promise<SequencedEvent[]>;
  /** The meeting's last seq, 0 for a meeting with no events. */
  currentSeq(key: MeetingKey): Promise<number>;
  saveSnapshot(key: MeetingKey, snapshot: StoredSnapshot): Promise<void>;
  loadSnapshot(key: MeetingKey): Promise<StoredSnapshot | null>;
  close(): Promise<void>;
}
