import type { Database } from "better-sqlite3";
import type { DomainEvent, SequencedEvent } from "../../../src/protocol/events.ts";
import {
  SequenceConflictError,
  type AppendResult,
  type EventStore,
  type MeetingKey,
  type StoredSnapshot,
} from "../eventStore.ts";
import {
  assertCount,
  assertId,
  assertMeetingKey,
  assertSnapshotWithinLog,
  parseEventsForAppend,
  parseSnapshotForSave,
  parseStoredEvent,
  parseStoredSnapshot,
} from "../storeInput.ts";
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
  const statements = {
    findCommand: db.prepare<[...KeyParams, string], { seq: number }>(
      "SELECT seq FROM commands WHERE tenant_id = ? AND meeting_id = ? AND command_id = ?",
    ),
    currentSeq: db.prepare<KeyParams, { seq: number }>("SELECT seq FROM meetings WHERE tenant_id = ? AND meeting_id = ?"),
    setSeq: db.prepare<[...KeyParams, number]>(
      `INSERT INTO meetings (tenant_id, meeting_id, seq) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET seq = excluded.seq`,
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
  };

  const seqOf = (key: MeetingKey): number => statements.currentSeq.get(key.tenantId, key.meetingId)?.seq ?? 0;

  const appendInTransaction = db.transaction(
    (key: MeetingKey, expectedSeq: number, commandId: string, events: DomainEvent[]): AppendResult => {
      const { tenantId, meetingId } = key;
      // A resent command answers with where it got to, even if the meeting has moved on since.
      const seen = statements.findCommand.get(tenantId, meetingId, commandId);
      if (seen) return { kind: "duplicate", seq: seen.seq };

      const current = seqOf(key);
      if (current !== expectedSeq) throw new SequenceConflictError(key, expectedSeq, current);

      const sequenced = events.map((event, index): SequencedEvent => ({ seq: current + index + 1, event }));
      const seq = current + events.length;
      statements.setSeq.run(tenantId, meetingId, seq);
      for (const { seq: eventSeq, event } of sequenced) {
        statements.insertEvent.run(tenantId, meetingId, eventSeq, commandId, event.type, JSON.stringify(event), event.at);
      }
      statements.recordCommand.run(tenantId, meetingId, commandId, seq);
      return { kind: "appended", events: sequenced, seq };
    },
  );

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
    append(key, expectedSeq, commandId, events) {
      return whileOpen(() => {
        assertMeetingKey(key);
        assertCount("expectedSeq", expectedSeq);
        assertId("commandId", commandId);
        const parsed = parseEventsForAppend(events);
        // IMMEDIATE takes the write lock before the duplicate and seq reads. A deferred transaction
        // would read first and upgrade later; if another connection to the file committed in between,
        // SQLite fails the upgrade with SQLITE_BUSY at once (the busy timeout cannot help a stale
        // read), so the seq check must happen under the lock that the inserts use.
        return appendInTransaction.immediate(key, expectedSeq, commandId, parsed);
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

/** Runs synchronous work and reports its result or exception through a promise, as the port requires. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
