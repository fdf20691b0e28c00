import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { DomainEvent, SequencedEvent } from "../../../src/protocol/events.ts";
import {
  SequenceConflictError,
  type AppendResult,
  type ClaimedOutboxRow,
  type CommitmentTask,
  type EventStore,
  type MeetingKey,
  type OutboxClaimRequest,
  type OutboxLease,
  type OutboxRow,
  type OutboxStatus,
  type StoredSnapshot,
} from "../eventStore.ts";
import {
  assertClaimRequest,
  assertCount,
  assertId,
  assertLease,
  assertMeetingKey,
  assertSnapshotWithinLog,
  CorruptOutboxRowError,
  outboxErrorText,
  parseEventsForAppend,
  parseOutboxForAppend,
  parseSnapshotForSave,
  parseStoredEvent,
  parseStoredOutboxPayload,
  parseStoredSnapshot,
  type CheckedOutboxInput,
} from "../storeInput.ts";
import { spaceOfMeeting } from "../../meetings/space.ts";
import { openSqliteDatabase, type SqliteDatabaseOptions } from "./openDatabase.ts";

/** Options for the embedded event store: where the database lives. */
export type SqliteEventStoreOptions = SqliteDatabaseOptions;

/**
 * The embedded EventStore on SQLite (better-sqlite3): one file, WAL, every commit synced before the
 * promise resolves. The default when no DATABASE_URL is configured.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): Promise<EventStore> {
  return settle(() => sqliteEventStore(openSqliteDatabase(options)));
}

type KeyParams = [tenantId: string, meetingId: string];

function sqliteEventStore(db: Database): EventStore {
  backfillSpaces(db);
  const statements = {
    findCommand: db.prepare<[...KeyParams, string], { seq: number }>(
      "SELECT seq FROM commands WHERE tenant_id = ? AND meeting_id = ? AND command_id = ?",
    ),
    currentSeq: db.prepare<KeyParams, { seq: number }>("SELECT seq FROM meetings WHERE tenant_id = ? AND meeting_id = ?"),
    setSeq: db.prepare<[...KeyParams, number, string]>(
      `INSERT INTO meetings (tenant_id, meeting_id, seq, space_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET seq = excluded.seq`,
    ),
    lastEndedInSpace: db.prepare<[string, string, string], { meetingId: string; endedAt: number }>(
      `SELECT e.meeting_id AS meetingId, e.at AS endedAt
         FROM meetings m JOIN events e ON e.tenant_id = m.tenant_id AND e.meeting_id = m.meeting_id
        WHERE m.tenant_id = ? AND m.space_id = ? AND m.meeting_id <> ? AND e.type = 'meeting.ended'
        ORDER BY e.at DESC, e.meeting_id LIMIT 1`,
    ),
    insertEvent: db.prepare<[...KeyParams, number, string, string, string, number]>(
      "INSERT INTO events (tenant_id, meeting_id, seq, command_id, type, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    recordCommand: db.prepare<[...KeyParams, string, number]>(
      "INSERT INTO commands (tenant_id, meeting_id, command_id, seq) VALUES (?, ?, ?, ?)",
    ),
    readSince: db.prepare<[...KeyParams, number, number], { seq: number; body: string }>(
      "SELECT seq, body FROM events WHERE tenant_id = ? AND meeting_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ),
    saveSnapshot: db.prepare<[...KeyParams, number, string]>(
      `INSERT INTO snapshots (tenant_id, meeting_id, seq, state) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
    ),
    loadSnapshot: db.prepare<KeyParams, { seq: number; state: string }>(
      "SELECT seq, state FROM snapshots WHERE tenant_id = ? AND meeting_id = ?",
    ),
    // a row that was never claimed (or was released) is not being sent, so a newer one replaces it at once
    supersedeIdle: db.prepare<SubjectParams & { now: number }>(
      `UPDATE outbox SET status = 'superseded', settled_at = @now
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND topic = @topic AND subject = @subject
          AND status = 'pending' AND lease_token IS NULL`,
    ),
    insertOutbox: db.prepare<SubjectParams & { revision: number; payload: string; createdAt: number }>(
      `INSERT INTO outbox (tenant_id, meeting_id, topic, subject, revision, payload, status, created_at, not_before)
       VALUES (@tenantId, @meetingId, @topic, @subject, @revision, @payload, 'pending', @createdAt, @createdAt)`,
    ),
    dueOutbox: db.prepare<{ topic: string; tenantId: string | null; now: number; limit: number }, OutboxDbRow>(
      `SELECT ${outboxColumns} FROM outbox o
        WHERE o.status = 'pending' AND o.topic = @topic AND (@tenantId IS NULL OR o.tenant_id = @tenantId)
          AND o.not_before <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
          AND NOT EXISTS (
            SELECT 1 FROM outbox s
             WHERE s.tenant_id = o.tenant_id AND s.meeting_id = o.meeting_id AND s.topic = o.topic AND s.subject = o.subject
               AND s.status = 'pending' AND (s.outbox_id > o.outbox_id OR s.lease_until > @now))
        ORDER BY o.not_before, o.outbox_id
        LIMIT @limit`,
    ),
    lease: db.prepare<{ outboxId: number; token: string; until: number }>(
      "UPDATE outbox SET lease_token = @token, lease_until = @until, attempts = attempts + 1 WHERE outbox_id = @outboxId",
    ),
    supersedeOlder: db.prepare<SubjectParams & { outboxId: number; now: number }>(
      `UPDATE outbox SET status = 'superseded', lease_token = NULL, lease_until = NULL, settled_at = @now
        WHERE tenant_id = @tenantId AND meeting_id = @meetingId AND topic = @topic AND subject = @subject
          AND status = 'pending' AND outbox_id < @outboxId`,
    ),
    settle: db.prepare<LeaseParams & { status: OutboxStatus; error: string | null; now: number }>(
      `UPDATE outbox SET status = @status, lease_token = NULL, lease_until = NULL, settled_at = @now, last_error = COALESCE(@error, last_error)
        WHERE tenant_id = @tenantId AND outbox_id = @outboxId AND lease_token = @token AND status = 'pending'`,
    ),
    release: db.prepare<LeaseParams & { notBefore: number; error: string }>(
      `UPDATE outbox SET lease_token = NULL, lease_until = NULL, not_before = @notBefore, last_error = @error
        WHERE tenant_id = @tenantId AND outbox_id = @outboxId AND lease_token = @token AND status = 'pending'`,
    ),
    markCorrupt: db.prepare<{ outboxId: number; error: string; now: number }>(
      "UPDATE outbox SET status = 'failed', last_error = @error, settled_at = @now, attempts = attempts + 1 WHERE outbox_id = @outboxId",
    ),
    // one pass over a commitment's few events (the partial index of migration 4), then the two events
    // that hold its task id and its author, by primary key; a damaged event (an id that is not text) is left out
    commitmentTasks: db.prepare<[], CommitmentTaskRow>(
      `WITH per_commitment AS (
         SELECT tenant_id, meeting_id, json_extract(body, '$.payload.commitmentId') AS commitment_id,
                MAX(CASE WHEN type = 'commitment.captured' THEN seq END) AS captured_seq,
                MAX(CASE WHEN type = 'commitment.syncSucceeded' AND json_type(body, '$.payload.taskId') = 'text' THEN seq END) AS task_seq,
                MAX(type IN ('commitment.cancelled', 'commitment.cancelledInPlanner')) AS is_cancelled
           FROM events
          WHERE type IN ('commitment.captured', 'commitment.syncSucceeded', 'commitment.cancelled', 'commitment.cancelledInPlanner')
          GROUP BY tenant_id, meeting_id, commitment_id
       )
       SELECT p.tenant_id AS tenantId, p.meeting_id AS meetingId, m.space_id AS spaceId, p.commitment_id AS commitmentId,
              json_extract(t.body, '$.payload.taskId') AS taskId, json_extract(c.body, '$.payload.createdBy') AS createdBy, t.at AS syncedAt
         FROM per_commitment p
         JOIN meetings m ON m.tenant_id = p.tenant_id AND m.meeting_id = p.meeting_id
         JOIN events t ON t.tenant_id = p.tenant_id AND t.meeting_id = p.meeting_id AND t.seq = p.task_seq
         JOIN events c ON c.tenant_id = p.tenant_id AND c.meeting_id = p.meeting_id AND c.seq = p.captured_seq
        WHERE p.is_cancelled = 0 AND typeof(p.commitment_id) = 'text'
          AND json_type(c.body, '$.payload.createdBy') = 'text'
        ORDER BY t.at, p.tenant_id, p.meeting_id, t.seq`,
    ),
    listOutbox: db.prepare<KeyParams, OutboxDbRow>(
      `SELECT ${outboxColumns} FROM outbox o WHERE o.tenant_id = ? AND o.meeting_id = ? ORDER BY o.outbox_id`,
    ),
  };

  const seqOf = (key: MeetingKey): number => statements.currentSeq.get(key.tenantId, key.meetingId)?.seq ?? 0;

  const appendInTransaction = db.transaction(
    (key: MeetingKey, expectedSeq: number, commandId: string, events: DomainEvent[], outbox: CheckedOutboxInput[]): AppendResult => {
      const { tenantId, meetingId } = key;
      // A resent command answers with where it got to, even if the meeting has moved on since.
      const seen = statements.findCommand.get(tenantId, meetingId, commandId);
      if (seen) return { kind: "duplicate", seq: seen.seq };

      const current = seqOf(key);
      if (current !== expectedSeq) throw new SequenceConflictError(key, expectedSeq, current);

      const sequenced = events.map((event, index): SequencedEvent => ({ seq: current + index + 1, event }));
      const seq = current + events.length;
      statements.setSeq.run(tenantId, meetingId, seq, spaceOfMeeting(meetingId));
      for (const { seq: eventSeq, event } of sequenced) {
        statements.insertEvent.run(tenantId, meetingId, eventSeq, commandId, event.type, JSON.stringify(event), event.at);
      }
      statements.recordCommand.run(tenantId, meetingId, commandId, seq);
      for (const row of outbox) {
        const subject = { tenantId, meetingId, topic: row.topic, subject: row.subject };
        statements.supersedeIdle.run({ ...subject, now: row.createdAt });
        statements.insertOutbox.run({ ...subject, revision: row.revision, payload: row.payloadJson, createdAt: row.createdAt });
      }
      return { kind: "appended", events: sequenced, seq };
    },
  );

  const claimInTransaction = db.transaction((request: OutboxClaimRequest): ClaimedOutboxRow[] => {
    const { topic, now, leaseMs, limit } = request;
    const due = statements.dueOutbox.all({ topic, tenantId: request.tenantId ?? null, now, limit });
    return due.flatMap((row): ClaimedOutboxRow[] => {
      let claimed: OutboxRow;
      try {
        claimed = outboxRowOf({ ...row, attempts: row.attempts + 1 });
      } catch (error) {
        // a damaged row can never be sent; settling it as failed keeps it from blocking every claim after it
        if (!(error instanceof CorruptOutboxRowError)) throw error;
        statements.markCorrupt.run({ outboxId: row.outboxId, error: error.message, now });
        return [];
      }
      const token = randomUUID();
      const until = now + leaseMs;
      statements.lease.run({ outboxId: row.outboxId, token, until });
      statements.supersedeOlder.run({ tenantId: row.tenantId, meetingId: row.meetingId, topic: row.topic, subject: row.subject, outboxId: row.outboxId, now });
      return [{ ...claimed, leaseUntil: until, lease: { tenantId: row.tenantId, outboxId: row.outboxId, token } }];
    });
  });

  const saveSnapshotInTransaction = db.transaction((key: MeetingKey, snapshot: StoredSnapshot): void => {
    assertSnapshotWithinLog(snapshot.seq, seqOf(key));
    statements.saveSnapshot.run(key.tenantId, key.meetingId, snapshot.seq, JSON.stringify(snapshot.state));
  });

  let isClosed = false;
  const whileOpen = <T>(work: () => T): Promise<T> =>
    settle(() => {
      if (isClosed) throw new Error("the event store is closed");
      return work();
    });

  return {
    append(key, expectedSeq, commandId, events, outbox) {
      return whileOpen(() => {
        assertMeetingKey(key);
        assertCount("expectedSeq", expectedSeq);
        assertId("commandId", commandId);
        const parsed = parseEventsForAppend(events);
        const rows = parseOutboxForAppend(outbox);
        // IMMEDIATE takes the write lock before the duplicate and seq reads. A deferred transaction
        // would read first and upgrade later; if another connection to the file committed in between,
        // SQLite fails the upgrade with SQLITE_BUSY at once (the busy timeout cannot help a stale
        // read), so the seq check must happen under the lock that the inserts use.
        return appendInTransaction.immediate(key, expectedSeq, commandId, parsed, rows);
      });
    },

    claimOutbox(request) {
      return whileOpen(() => {
        assertClaimRequest(request);
        // IMMEDIATE: the due rows are read under the write lock that leases them, so two claimers
        // (two connections, two processes) can never both see a row as free
        return claimInTransaction.immediate(request);
      });
    },

    completeOutbox(lease, now) {
      return whileOpen(() => {
        assertLease(lease);
        assertCount("now", now);
        return statements.settle.run({ ...leaseParams(lease), status: "done", error: null, now }).changes === 1;
      });
    },

    rescheduleOutbox(lease, retry) {
      return whileOpen(() => {
        assertLease(lease);
        assertCount("retry.now", retry.now);
        assertCount("retry.notBefore", retry.notBefore);
        const error = outboxErrorText("retry.error", retry.error);
        return statements.release.run({ ...leaseParams(lease), notBefore: retry.notBefore, error }).changes === 1;
      });
    },

    failOutbox(lease, failure) {
      return whileOpen(() => {
        assertLease(lease);
        assertCount("failure.now", failure.now);
        const error = outboxErrorText("failure.error", failure.error);
        return statements.settle.run({ ...leaseParams(lease), status: "failed", error, now: failure.now }).changes === 1;
      });
    },

    listCommitmentTasks() {
      return whileOpen(() =>
        statements.commitmentTasks.all().map((row) => ({ ...row, spaceId: row.spaceId ?? spaceOfMeeting(row.meetingId) })),
      );
    },

    listOutbox(key) {
      return whileOpen(() => {
        assertMeetingKey(key);
        return statements.listOutbox.all(key.tenantId, key.meetingId).map(outboxRowOf);
      });
    },

    findCommand(key, commandId) {
      return whileOpen(() => {
        assertMeetingKey(key);
        assertId("commandId", commandId);
        return statements.findCommand.get(key.tenantId, key.meetingId, commandId)?.seq ?? null;
      });
    },

    readSince(key, afterSeq, limit) {
      return whileOpen(() => {
        assertMeetingKey(key);
        assertCount("afterSeq", afterSeq);
        if (limit !== undefined) assertCount("limit", limit);
        // LIMIT -1 is SQLite for "no limit".
        const rows = statements.readSince.all(key.tenantId, key.meetingId, afterSeq, limit ?? -1);
        return rows.map((row) => ({ seq: row.seq, event: parseStoredEvent(key, row.seq, row.body) }));
      });
    },

    currentSeq(key) {
      return whileOpen(() => {
        assertMeetingKey(key);
        return seqOf(key);
      });
    },

    lastEndedMeetingInSpace(tenantId, spaceId, excludingMeetingId) {
      return whileOpen(() => {
        assertMeetingKey({ tenantId, meetingId: excludingMeetingId });
        assertId("spaceId", spaceId);
        return statements.lastEndedInSpace.get(tenantId, spaceId, excludingMeetingId) ?? null;
      });
    },

    saveSnapshot(key, snapshot) {
      return whileOpen(() => {
        assertMeetingKey(key);
        saveSnapshotInTransaction.immediate(key, parseSnapshotForSave(key, snapshot));
      });
    },

    loadSnapshot(key) {
      return whileOpen(() => {
        assertMeetingKey(key);
        const row = statements.loadSnapshot.get(key.tenantId, key.meetingId);
        return row ? parseStoredSnapshot(key, row.seq, row.state) : null;
      });
    },

    close() {
      if (!isClosed) {
        isClosed = true;
        db.close();
      }
      return Promise.resolve();
    },
  };
}

/** Meetings stored before spaces existed get theirs, so their open items can still be carried over. */
function backfillSpaces(db: Database): void {
  const missing = db.prepare<[], KeyRow>("SELECT tenant_id AS tenantId, meeting_id AS meetingId FROM meetings WHERE space_id IS NULL").all();
  if (missing.length === 0) return;
  const setSpace = db.prepare<[string, string, string]>("UPDATE meetings SET space_id = ? WHERE tenant_id = ? AND meeting_id = ?");
  db.transaction(() => {
    for (const { tenantId, meetingId } of missing) setSpace.run(spaceOfMeeting(meetingId), tenantId, meetingId);
  }).immediate();
}

interface KeyRow {
  tenantId: string;
  meetingId: string;
}

interface CommitmentTaskRow extends Omit<CommitmentTask, "spaceId"> {
  /** Null only for a meeting stored before spaces existed and not yet backfilled. */
  spaceId: string | null;
}

interface SubjectParams {
  tenantId: string;
  meetingId: string;
  topic: string;
  subject: string;
}

interface LeaseParams {
  tenantId: string;
  outboxId: number;
  token: string;
}

const leaseParams = ({ tenantId, outboxId, token }: OutboxLease): LeaseParams => ({ tenantId, outboxId, token });

const outboxColumns = `o.outbox_id AS outboxId, o.tenant_id AS tenantId, o.meeting_id AS meetingId, o.topic, o.subject, o.revision,
  o.payload, o.status, o.attempts, o.created_at AS createdAt, o.not_before AS notBefore, o.last_error AS lastError,
  o.lease_until AS leaseUntil, o.settled_at AS settledAt`;

interface OutboxDbRow extends Omit<OutboxRow, "payload"> {
  payload: string;
}

function outboxRowOf(row: OutboxDbRow): OutboxRow {
  return { ...row, payload: parseStoredOutboxPayload(row.tenantId, row.outboxId, row.payload) };
}

/** Runs synchronous work and reports its result or exception through a promise, as the port requires. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
