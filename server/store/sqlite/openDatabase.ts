import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { applyMigrations } from "./migrations.ts";

/** How to open the embedded database. */
export interface SqliteDatabaseOptions {
  /** A file path (its folder is created if missing) or `":memory:"` for a throwaway database. */
  filename: string;
  /** How long a write waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

const defaultBusyTimeoutMs = 5_000;

/**
 * Opens (creating if needed) the embedded database, configured for an append-only log whose
 * acknowledgements promise durability, and migrated to the current schema.
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): Database {
  const { filename, busyTimeoutMs = defaultBusyTimeoutMs } = options;
  if (typeof filename !== "string" || filename.length === 0) {
    throw new Error('filename: must be a file path or ":memory:"');
  }
  const isMemory = filename === ":memory:";
  if (!isMemory) mkdirSync(dirname(filename), { recursive: true });

  const db = new BetterSqlite3(filename, { timeout: busyTimeoutMs });
  try {
    // WAL lets readers (catch-up reads, snapshots) run while a writer appends, and makes a commit one
    // sequential write to the log instead of a rewrite of the pages in place.
    if (!isMemory) db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL syncs only at checkpoints, so a power cut can drop commits already
    // acknowledged to clients. FULL syncs the WAL on every commit: an ack means the events are on disk.
    db.pragma("synchronous = FULL");
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    db.pragma("foreign_keys = ON");
    applyMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
