import type { Database } from "better-sqlite3";

/** One schema change. Versions start at 1 and go up by one; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The embedded store's schema, oldest first. Every table is keyed by (tenant_id, meeting_id) so no
 * query can reach another tenant's meeting by id alone.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "event log, commands and snapshots",
    sql: `
      CREATE TABLE meetings (
        tenant_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        PRIMARY KEY (tenant_id, meeting_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE events (
        tenant_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        command_id TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, seq),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
      ) STRICT, WITHOUT ROWID;

      -- One row per accepted command, even one that produced no events, so a resend is recognised.
      CREATE TABLE commands (
        tenant_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        PRIMARY KEY (tenant_id, meeting_id, command_id),
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE snapshots (
        tenant_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        state TEXT NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: "meetings know their space; ended meetings are found by space",
    // space_id is filled by the store on first append (and for older rows when the store opens):
    // the Teams id rules that derive it live in code, not SQL.
    sql: `
      ALTER TABLE meetings ADD COLUMN space_id TEXT;
      CREATE INDEX meetings_by_space ON meetings (tenant_id, space_id);
      CREATE INDEX events_meeting_ended ON events (tenant_id, meeting_id, at) WHERE type = 'meeting.ended';
    `,
  },
  {
    version: 3,
    name: "transactional outbox; Planner plan and bucket per space",
    sql: `
      -- Written in the same transaction as the events that call for it, so a message is sent if and
      -- only if its events are durable. Rows are never deleted, only settled: done, superseded or failed.
      CREATE TABLE outbox (
        outbox_id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        subject TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'superseded', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at INTEGER NOT NULL,
        not_before INTEGER NOT NULL,
        lease_token TEXT,
        lease_until INTEGER,
        last_error TEXT,
        settled_at INTEGER,
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (topic, not_before) WHERE status = 'pending';
      CREATE INDEX outbox_by_subject ON outbox (tenant_id, meeting_id, topic, subject, status);

      CREATE TABLE planner_targets (
        tenant_id TEXT NOT NULL,
        space_id TEXT NOT NULL,
        plan_id TEXT NOT NULL,
        plan_name TEXT NOT NULL,
        bucket_id TEXT NOT NULL,
        bucket_name TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, space_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: "commitments' Planner tasks found without reading every event",
    // what the progress poller reads when the server starts (listCommitmentTasks); the query repeats
    // this WHERE word for word, which is what lets SQLite use a partial index
    sql: `
      CREATE INDEX events_commitment_tasks ON events (tenant_id, meeting_id, type)
        WHERE type IN ('commitment.captured', 'commitment.syncSucceeded', 'commitment.cancelled', 'commitment.cancelledInPlanner');
    `,
  },
];

/** The highest migration recorded in the database, 0 for a fresh one. */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  return db.prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations").get()?.version ?? 0;
}

/**
 * Brings the database up to the last of `migrations`, applying only those newer than its recorded
 * version, and returns the versions it applied. Safe to call on every open.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = sqliteMigrations): number[] {
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const migrate = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`);
    const current = schemaVersion(db);
    if (current > latest) {
      throw new Error(`database schema is at version ${current}, newer than this build's ${latest}; refusing to open it with older code`);
    }
    const record = db.prepare<[number, string, number]>("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }
    return pending.map((migration) => migration.version);
  });
  // IMMEDIATE: two processes opening the same fresh file must not both read version 0 and both migrate.
  return migrate.immediate();
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (versions run 1, 2, 3… with no gaps)`);
    }
  });
}
