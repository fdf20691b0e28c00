import type { z } from "zod";
import { DomainEventSchema, type DomainEvent } from "../../src/protocol/events.ts";
import { IdSchema } from "../../src/protocol/ids.ts";
import { MeetingStateSchema } from "../../src/protocol/snapshot.ts";
import { describeIssues, summarizeIssues } from "../../src/protocol/zodErrors.ts";
import type { MeetingKey, OutboxClaimRequest, OutboxInput, OutboxLease, StoredSnapshot } from "./eventStore.ts";

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

/** Largest outbox payload a store keeps, as JSON text: a commitment with every field at its limit fits many times over. */
export const MAX_OUTBOX_PAYLOAD_BYTES = 64 * 1024;
/** Longest failure text kept on an outbox row; longer text (a whole HTTP body) is cut, not refused, so a failing worker can always record why. */
export const MAX_OUTBOX_ERROR_LENGTH = 2_000;

/** An outbox row ready to insert: checked, with its payload as the JSON text the store keeps. */
export interface CheckedOutboxInput extends OutboxInput {
  payloadJson: string;
}

/** Validates the outbox rows handed to `append`, naming the field at fault (`outbox[1].subject: …`). */
export function parseOutboxForAppend(rows: readonly OutboxInput[] | undefined): CheckedOutboxInput[] {
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) throw new StoreInputError("outbox", "must be an array");
  return rows.map((row: OutboxInput, index) => {
    const field = `outbox[${index}]`;
    if (typeof row !== "object" || row === null) throw new StoreInputError(field, "must be an object");
    assertId(`${field}.topic`, row.topic);
    assertId(`${field}.subject`, row.subject);
    assertCount(`${field}.revision`, row.revision);
    assertCount(`${field}.createdAt`, row.createdAt);
    const payload: unknown = row.payload;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw new StoreInputError(`${field}.payload`, "must be a JSON object");
    let payloadJson: string;
    try {
      payloadJson = JSON.stringify(payload);
    } catch (error) {
      throw new StoreInputError(`${field}.payload`, `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const bytes = new TextEncoder().encode(payloadJson).length;
    if (bytes > MAX_OUTBOX_PAYLOAD_BYTES) throw new StoreInputError(`${field}.payload`, `is ${bytes} bytes as JSON; at most ${MAX_OUTBOX_PAYLOAD_BYTES}`);
    return { topic: row.topic, subject: row.subject, revision: row.revision, createdAt: row.createdAt, payload: JSON.parse(payloadJson) as Record<string, unknown>, payloadJson };
  });
}

/** Checks what a worker asks `claimOutbox` for. */
export function assertClaimRequest(request: OutboxClaimRequest): void {
  if (typeof request !== "object" || request === null) throw new StoreInputError("request", "must be an object");
  assertId("request.topic", request.topic);
  assertCount("request.now", request.now);
  assertCount("request.leaseMs", request.leaseMs);
  if (request.leaseMs < 1) throw new StoreInputError("request.leaseMs", "must be at least 1");
  assertCount("request.limit", request.limit);
  if (request.limit < 1 || request.limit > 1_000) throw new StoreInputError("request.limit", `must be from 1 to 1000, got ${request.limit}`);
  if (request.tenantId !== undefined) assertId("request.tenantId", request.tenantId);
}

/** Checks a lease handed back to settle a row. */
export function assertLease(lease: OutboxLease): void {
  if (typeof lease !== "object" || lease === null) throw new StoreInputError("lease", "must be an object");
  assertId("lease.tenantId", lease.tenantId);
  assertCount("lease.outboxId", lease.outboxId);
  if (typeof lease.token !== "string" || lease.token.length === 0) throw new StoreInputError("lease.token", "must be the token of a claim");
}

/** A worker's failure text as kept on the row: required, cut to MAX_OUTBOX_ERROR_LENGTH. */
export function outboxErrorText(field: string, error: unknown): string {
  if (typeof error !== "string" || error.trim().length === 0) throw new StoreInputError(field, "must say why, as text");
  return error.length > MAX_OUTBOX_ERROR_LENGTH ? `${error.slice(0, MAX_OUTBOX_ERROR_LENGTH - 1)}…` : error;
}

/** A stored outbox payload no longer parses: the row was edited by hand or damaged. Names the row. */
export class CorruptOutboxRowError extends Error {
  constructor(
    readonly tenantId: string,
    readonly outboxId: number,
    problem: string,
  ) {
    super(`stored outbox row ${outboxId} (tenant ${tenantId}) is unreadable: ${problem}`);
    this.name = "CorruptOutboxRowError";
  }
}

/** Parses a stored outbox payload, or names the damaged row. */
export function parseStoredOutboxPayload(tenantId: string, outboxId: number, payload: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch (error) {
    throw new CorruptOutboxRowError(tenantId, outboxId, error instanceof Error ? error.message : String(error));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CorruptOutboxRowError(tenantId, outboxId, "payload is not a JSON object");
  return value as Record<string, unknown>;
}
