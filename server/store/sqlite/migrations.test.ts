import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, schemaVersion, sqliteMigrations, type Migration } from "./migrations.ts";
import { openSqliteDatabase } from "./openDatabase.ts";

const latest = sqliteMigrations.length;

/** A later migration as a future release would add one: a new column on existing data. */
const addsMeetingTitle: Migration = {
  version: latest + 1,
  name: "meeting title",
  sql: "ALTER TABLE meetings ADD COLUMN title TEXT NOT NULL DEFAULT 'untitled'",
};

describe("sqlite migrations", () => {
  const toClose: Database[] = [];
  const folders: string[] = [];
  afterEach(() => {
    for (const db of toClose.splice(0)) db.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function memoryDatabase(): Database {
    const db = new BetterSqlite3(":memory:");
    toClose.push(db);
    return db;
  }

  function tableNames(db: Database): string[] {
    return db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
  }

  it("creates every table on a fresh database and records each version", () => {
    const db = memoryDatabase();
    expect(schemaVersion(db)).toBe(0);
    expect(applyMigrations(db)).toEqual(sqliteMigrations.map((migration) => migration.version));
    expect(schemaVersion(db)).toBe(latest);
    expect(tableNames(db)).toEqual(["commands", "events", "meetings", "outbox", "planner_targets", "schema_migrations", "snapshots"]);
  });

  it("applies nothing the second time a file is opened", () => {
    const folder = mkdtempSync(join(tmpdir(), "concord-migrations-"));
    folders.push(folder);
    const filename = join(folder, "concord.db");
    openSqliteDatabase({ filename }).close();

    const db = openSqliteDatabase({ filename });
    toClose.push(db);
    const recorded = db.prepare<[], { version: number }>("SELECT version FROM schema_migrations ORDER BY version").all();
    expect(recorded.map((row) => row.version)).toEqual(sqliteMigrations.map((migration) => migration.version));
    expect(applyMigrations(db)).toEqual([]);
  });

  it("upgrades a database at an older version and keeps its data", () => {
    const db = memoryDatabase();
    applyMigrations(db);
    db.prepare("INSERT INTO meetings (tenant_id, meeting_id, seq) VALUES ('t', 'm', 4)").run();

    expect(applyMigrations(db, [...sqliteMigrations, addsMeetingTitle])).toEqual([addsMeetingTitle.version]);
    expect(schemaVersion(db)).toBe(addsMeetingTitle.version);
    expect(db.prepare("SELECT seq, title FROM meetings").get()).toEqual({ seq: 4, title: "untitled" });
    expect(applyMigrations(db, [...sqliteMigrations, addsMeetingTitle])).toEqual([]);
  });

  it("leaves the database at its previous version when a migration fails", () => {
    const db = memoryDatabase();
    applyMigrations(db);
    const broken: Migration = { version: latest + 1, name: "broken", sql: "CREATE TABLE half_done (id INTEGER); SELECT * FROM missing_table;" };

    expect(() => applyMigrations(db, [...sqliteMigrations, broken])).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(latest);
    expect(tableNames(db)).not.toContain("half_done");
  });

  it("refuses to run older code against a newer database", () => {
    const db = memoryDatabase();
    applyMigrations(db, [...sqliteMigrations, addsMeetingTitle]);
    expect(() => applyMigrations(db)).toThrow(new RegExp(`version ${latest + 1}, newer than this build's ${latest}`));
  });

  it("refuses a migration list with gaps or out of order", () => {
    const db = memoryDatabase();
    const skipped = { ...addsMeetingTitle, version: latest + 2 };
    expect(() => applyMigrations(db, [...sqliteMigrations, skipped])).toThrow(/expected/);
    expect(schemaVersion(db)).toBe(0);
  });
});
