import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { emptyMeeting, replay } from "../../src/domain/index.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { openSqliteDatabase } from "../../server/store/sqlite/openDatabase.ts";
import { CorruptRecordError } from "../../server/store/storeInput.ts";
import { sampleMeeting } from "../fixtures/meetingEvents.ts";
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

  it("refuses to open without a filename", async () => {
    await expect(createSqliteEventStore({ filename: "" })).rejects.toThrow(/filename/);
  });
});
