import type { z } from "zod";
import { DomainEventSchema, type DomainEvent } from "../../src/protocol/events.ts";
import { IdSchema } from "../../src/protocol/ids.ts";
import { MeetingStateSchema } from "../../src/protocol/snapshot.ts";
import { describeIssues, summarizeIssues } from "../../src/protocol/zodErrors.ts";
import type { MeetingKey, StoredSnapshot } from "./eventStore.ts";

/**
 * A caller handed an event store something it must not keep: a malformed event, a negative seq,
 * an empty id. Thrown before anything is written, and names the offending field.
 */
export class StoreInputError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "StoreInputError";
  }

  /** Names every field zod found wrong under `prefix`, e.g. `events[1].payload.topic: Too big…`. */
  static fromIssues(prefix: string, error: z.ZodError): StoreInputError {
    const issues = describeIssues(error).map(({ path, message }) => ({
      field: path === "(root)" ? prefix : `${prefix}.${path}`,
      message,
    }));
    const [first] = issues;
    const rest = issues.slice(1).map(({ field, message }) => `; ${field}: ${message}`).join("");
    return new StoreInputError(first?.field ?? prefix, `${first?.message ?? "is invalid"}${rest}`);
  }
}

/**
 * A stored row no longer parses as what was written: the database was edited by hand, restored
 * from an incompatible backup, or damaged. Names the meeting and the seq so it can be found.
 */
export class CorruptRecordError extends Error {
  constructor(
    readonly key: MeetingKey,
    readonly seq: number,
    what: "event" | "snapshot",
    problem: string,
  ) {
    super(`stored ${what} at seq ${seq} of meeting ${key.meetingId} (tenant ${key.tenantId}) is unreadable: ${problem}`);
    this.name = "CorruptRecordError";
  }
}

/** Checks a meeting key before any adapter touches storage with it. */
export function assertMeetingKey(key: MeetingKey): void {
  assertId("key.tenantId", key.tenantId);
  assertId("key.meetingId", key.meetingId);
}

/** Checks an identifier (tenant, meeting, command) against the protocol's id rules. */
export function assertId(field: string, value: unknown): void {
  const result = IdSchema.safeParse(value);
  if (!result.success) throw StoreInputError.fromIssues(field, result.error);
}

/** Sequence numbers and counts handed to the store are whole numbers from 0. */
export function assertCount(field: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new StoreInputError(field, `must be a whole number from 0, got ${String(value)}`);
  }
}

/**
 * Validates events before they are appended. The store must never hold an event it would refuse
 * to read back, so the write path runs the same schema as the read path.
 */
export function parseEventsForAppend(events: readonly DomainEvent[]): DomainEvent[] {
  if (!Array.isArray(events)) throw new StoreInputError("events", "must be an array");
  return events.map((event, index) => {
    const result = DomainEventSchema.safeParse(event);
    if (!result.success) throw StoreInputError.fromIssues(`events[${index}]`, result.error);
    return result.data;
  });
}

/** Validates a snapshot for `key`; its state must be of the same meeting. */
export function parseSnapshotForSave(key: MeetingKey, snapshot: StoredSnapshot): StoredSnapshot {
  assertCount("snapshot.seq", snapshot.seq);
  const result = MeetingStateSchema.safeParse(snapshot.state);
  if (!result.success) throw StoreInputError.fromIssues("snapshot.state", result.error);
  if (result.data.meetingId !== key.meetingId) {
    throw new StoreInputError("snapshot.state.meetingId", `is ${result.data.meetingId}, not ${key.meetingId}`);
  }
  return { seq: snapshot.seq, state: result.data };
}

/** Rejects a snapshot claiming events the log does not have: readers would skip the missing ones. */
export function assertSnapshotWithinLog(snapshotSeq: number, currentSeq: number): void {
  if (snapshotSeq > currentSeq) {
    throw new StoreInputError("snapshot.seq", `is ${snapshotSeq} but the meeting's log ends at ${currentSeq}`);
  }
}

/** Parses one stored event body (JSON text), or explains which row is damaged. */
export function parseStoredEvent(key: MeetingKey, seq: number, body: string): DomainEvent {
  const result = DomainEventSchema.safeParse(parseJson(key, seq, "event", body));
  if (!result.success) throw new CorruptRecordError(key, seq, "event", summarizeIssues(result.error));
  return result.data;
}

/** Parses a stored snapshot state (JSON text), or explains which row is damaged. */
export function parseStoredSnapshot(key: MeetingKey, seq: number, body: string): StoredSnapshot {
  const result = MeetingStateSchema.safeParse(parseJson(key, seq, "snapshot", body));
  if (!result.success) throw new CorruptRecordError(key, seq, "snapshot", summarizeIssues(result.error));
  return { seq, state: result.data };
}

function parseJson(key: MeetingKey, seq: number, what: "event" | "snapshot", body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new CorruptRecordError(key, seq, what, error instanceof Error ? error.message : String(error));
  }
}
