import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { emptyMeeting, replay } from "../../src/domain/index.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { openSqliteDatabase } from "../../server/store/sqlite/openDatabase.ts";
import { CorruptRecordError } from "../../server/store/storeInput.ts";
import { applyMigrations, sqliteMigrations } from "../../server/store/sqlite/migrations.ts";
import { actor, endedMeeting, joinEvents, sampleMeeting } from "../fixtures/meetingEvents.ts";
import { describeEventStoreContract } from "./eventStoreContract.ts";

/** A database file in a folder that does not exist yet, so every run also checks the folder is created. */
function tempDatabaseFile(): { filename: string; removeFolder: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "concord-store-"));
  return {
    filename: join(folder, "not-yet-created", "concord.db"),
    removeFolder: () => rmSync(folder, { recursive: true, force: true }),
  };
}

describeEventStoreContract("sqlite file", async () => {
  const { filename, removeFolder } = tempDatabaseFile();
  return {
    store: await createSqliteEventStore({ filename }),
    reopen: () => createSqliteEventStore({ filename }),
    openAnother: () => createSqliteEventStore({ filename }),
    cleanup: () => Promise.resolve(removeFolder()),
  };
});

describeEventStoreContract("sqlite :memory:", async () => ({
  store: await createSqliteEventStore({ filename: ":memory:" }),
}));

describe("sqlite event store specifics", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function tempFile(): string {
    const { filename, removeFolder } = tempDatabaseFile();
    cleanups.push(removeFolder);
    return filename;
  }

  it("opens the file in WAL mode with full sync, foreign keys and a busy timeout", () => {
    const db = openSqliteDatabase({ filename: tempFile(), busyTimeoutMs: 1_234 });
    cleanups.unshift(() => db.close());
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 is FULL: an acknowledged append has reached the disk.
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(1_234);
  });

  it("names the meeting and seq of a damaged event instead of returning it", async () => {
    const filename = tempFile();
    const key = { tenantId: "tenant-1", meetingId: "meeting-1" };
    const store = await createSqliteEventStore({ filename });
    for (const [index, batch] of sampleMeeting(key.meetingId).batches.slice(0, 3).entries()) {
      await store.append(key, index, `cmd-${index}`, batch);
    }
    await store.close();

    const editor = new BetterSqlite3(filename);
    editor.prepare("UPDATE events SET body = ? WHERE seq = 2").run('{"type":"meeting.participantJoined","payload":{}}');
    editor.prepare("UPDATE events SET body = ? WHERE seq = 3").run("{not json");
    editor.close();

    const reopened = await createSqliteEventStore({ filename });
    cleanups.unshift(() => void reopened.close());
    await expect(reopened.readSince(key, 0)).rejects.toThrow(CorruptRecordError);
    await expect(reopened.readSince(key, 0)).rejects.toThrow(/seq 2 of meeting meeting-1 \(tenant tenant-1\)/);
    await expect(reopened.readSince(key, 2)).rejects.toThrow(/seq 3 of meeting meeting-1/);
    expect(await reopened.readSince(key, 0, 1)).toHaveLength(1);
  });

  it("names the meeting of a damaged snapshot", async () => {
    const filename = tempFile();
    const key = { tenantId: "tenant-1", meetingId: "meeting-1" };
    const store = await createSqliteEventStore({ filename });
    const [first] = sampleMeeting(key.meetingId).batches;
    await store.append(key, 0, "cmd-0", first!);
    await store.saveSnapshot(key, { seq: 1, state: replay(emptyMeeting(key.meetingId), first!) });
    await store.close();

    const editor = new BetterSqlite3(filename);
    editor.prepare("UPDATE snapshots SET state = ?").run('{"meetingId":"meeting-1"}');
    editor.close();

    const reopened = await createSqliteEventStore({ filename });
    cleanups.unshift(() => void reopened.close());
    await expect(reopened.loadSnapshot(key)).rejects.toThrow(/snapshot at seq 1 of meeting meeting-1/);
  });

  it("gives meetings stored before spaces existed their space, so their open items can be carried over", async () => {
    const filename = tempFile();
    const meetingId = Buffer.from("0#19:meeting_series@thread.v2#0").toString("base64");
    mkdirSync(dirname(filename), { recursive: true });
    const older = new BetterSqlite3(filename);
    applyMigrations(older, sqliteMigrations.slice(0, 1));
    const insertEvent = older.prepare("INSERT INTO events (tenant_id, meeting_id, seq, command_id, type, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const events = endedMeeting(meetingId, 50_000).batches.flat();
    older.prepare("INSERT INTO meetings (tenant_id, meeting_id, seq) VALUES (?, ?, ?)").run("tenant-1", meetingId, events.length);
    events.forEach((event, index) => insertEvent.run("tenant-1", meetingId, index + 1, `cmd-${index}`, event.type, JSON.stringify(event), event.at));
    older.close();

    const store = await createSqliteEventStore({ filename });
    cleanups.unshift(() => void store.close());
    expect(await store.lastEndedMeetingInSpace("tenant-1", "19:meeting_series@thread.v2", "next-meeting")).toEqual({ meetingId, endedAt: 50_000 });
  });

  it("settles a damaged outbox row as failed, naming it, instead of letting it block the rows after it", async () => {
    const filename = tempFile();
    const key = { tenantId: "tenant-1", meetingId: "meeting-1" };
    const store = await createSqliteEventStore({ filename });
    const rows = ["c1", "c2"].map((subject) => ({ topic: "planner.commitment", subject, revision: 1, createdAt: 1_000, payload: { subject } }));
    await store.append(key, 0, "cmd-capture", joinEvents(key.meetingId, actor("org", "organizer")), rows);
    await store.close();

    const editor = new BetterSqlite3(filename);
    editor.prepare("UPDATE outbox SET payload = ? WHERE subject = 'c1'").run("{not json");
    editor.close();

    const reopened = await createSqliteEventStore({ filename });
    cleanups.unshift(() => void reopened.close());
    expect((await reopened.claimOutbox({ topic: "planner.commitment", now: 2_000, leaseMs: 1_000, limit: 10 })).map((row) => row.subject)).toEqual(["c2"]);
    await expect(reopened.listOutbox(key)).rejects.toThrow(/outbox row 1 \(tenant tenant-1\) is unreadable/);
    const inspector = new BetterSqlite3(filename, { readonly: true });
    expect(inspector.prepare("SELECT status, last_error AS lastError FROM outbox WHERE subject = 'c1'").get()).toEqual({
      status: "failed",
      lastError: expect.stringMatching(/^stored outbox row 1 \(tenant tenant-1\) is unreadable/),
    });
    inspector.close();
  });

  it("never gives two processes claiming from one file the same outbox row", async () => {
    const filename = tempFile();
    const store = await createSqliteEventStore({ filename });
    const topic = "planner.commitment";
    for (const tenantId of ["tenant-1", "tenant-2"]) {
      for (const meetingId of ["meeting-1", "meeting-2"]) {
        const rows = Array.from({ length: 60 }, (_, index) => ({ topic, subject: `c${index}`, revision: 1, createdAt: 1_000, payload: { index } }));
        await store.append({ tenantId, meetingId }, 0, "cmd-capture", joinEvents(meetingId, actor("org", "organizer")), rows);
      }
    }
    await store.close();

    const claimers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./outboxClaimer.ts", import.meta.url)), filename, topic], {
        stdio: ["pipe", "pipe", "inherit"],
      }),
    );
    const lines = claimers.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
    for (const line of lines) expect((await line.next()).value).toBe("ready");
    // every claimer has the file open before any starts, so their claims overlap
    for (const child of claimers) child.stdin.write("go\n");
    const claimed = await Promise.all(lines.map(async (line) => JSON.parse(String((await line.next()).value)) as string[]));

    const all = claimed.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(240);
  });

  it("refuses to open without a filename", async () => {
    await expect(createSqliteEventStore({ filename: "" })).rejects.toThrow(/filename/);
  });
});
