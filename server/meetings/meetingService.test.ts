import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/index.ts";
import type { Command } from "../../src/protocol/commands.ts";
import { createInProcessBus } from "../bus/inProcessBus.ts";
import { fastClock } from "../clock.ts";
import { silentLogger } from "../logger.ts";
import { CommitmentSyncPayloadSchema, PLANNER_COMMITMENT_TOPIC } from "../planner/outboxRows.ts";
import type { EventStore, MeetingKey } from "../store/eventStore.ts";
import { createSqliteEventStore } from "../store/sqlite/sqliteEventStore.ts";
import { MeetingService, type ExecuteResult } from "./meetingService.ts";

const NOON_10_MARCH_2026 = Date.UTC(2026, 2, 10, 12);
const key: MeetingKey = { tenantId: "tenant-1", meetingId: "meeting-1" };
const organizer: Actor = { userId: "org", displayName: "Olu", meetingRole: "organizer" };
const ann: Actor = { userId: "ann", displayName: "Ann", meetingRole: "attendee" };
const taskUrl = (taskId: string) => `https://planner.cloud.microsoft/task/${taskId}`;

/** A meeting service on a real SQLite file, with a clock the test moves by hand. */
class Server {
  now = NOON_10_MARCH_2026;
  readonly service: MeetingService;
  private commands = 0;

  private constructor(readonly store: EventStore) {
    this.service = new MeetingService(store, createInProcessBus(), { now: () => this.now }, silentLogger);
  }

  static async open(filename: string): Promise<Server> {
    return new Server(await createSqliteEventStore({ filename }));
  }

  run(actor: Actor, command: Command, commandId = `cmd-${++this.commands}`): Promise<ExecuteResult> {
    return this.service.execute(key, actor, commandId, command);
  }

  claim(now = this.now) {
    return this.store.claimOutbox({ topic: PLANNER_COMMITMENT_TOPIC, now, leaseMs: 60_000, limit: 10 });
  }
}

const capture = (title: string): Command => ({ type: "commitment.capture", payload: { title, ownerIds: ["ann"], dueDate: "2026-03-31" } });

describe("commitments through the meeting service", () => {
  const folders: string[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.store.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  async function start(): Promise<{ server: Server; filename: string }> {
    const folder = mkdtempSync(join(tmpdir(), "concord-outbox-"));
    folders.push(folder);
    const filename = join(folder, "concord.db");
    const server = await Server.open(filename);
    servers.push(server);
    await server.run(organizer, { type: "meeting.join", payload: {} });
    await server.run(ann, { type: "meeting.join", payload: {} });
    return { server, filename };
  }

  it("stamps outbox rows in real time under a fast development clock, so the worker can claim them at once", async () => {
    const folder = mkdtempSync(join(tmpdir(), "concord-outbox-"));
    folders.push(folder);
    const store = await createSqliteEventStore({ filename: join(folder, "concord.db") });
    let real = NOON_10_MARCH_2026;
    const clock = fastClock(60, () => real);
    const service = new MeetingService(store, createInProcessBus(), clock, silentLogger);
    await service.execute(key, organizer, "join-org", { type: "meeting.join", payload: {} });
    await service.execute(key, ann, "join-ann", { type: "meeting.join", payload: {} });
    real += 60_000; // an hour of meeting time
    await service.execute(key, organizer, "capture", capture("Draft the pricing memo"));
    const [row] = await store.listOutbox(key);
    expect(row).toMatchObject({ createdAt: real, notBefore: real });
    expect(await store.claimOutbox({ topic: PLANNER_COMMITMENT_TOPIC, now: real, leaseMs: 60_000, limit: 10 })).toHaveLength(1);
    await store.close();
  });

  it("writes an outbox row with each commitment change, and none for a refused or resent command", async () => {
    const { server } = await start();
    expect(await server.run(organizer, capture("Draft the pricing memo"))).toMatchObject({ kind: "accepted", seq: 3 });
    const [row] = await server.store.listOutbox(key);
    expect(row).toMatchObject({ topic: PLANNER_COMMITMENT_TOPIC, subject: "c1", revision: 1, status: "pending", createdAt: server.now });
    expect(CommitmentSyncPayloadSchema.parse(row!.payload)).toMatchObject({ commitmentId: "c1", title: "Draft the pricing memo", ownerIds: ["ann"], status: "open" });

    const pastDue: Command = { type: "commitment.capture", payload: { title: "Too late", ownerIds: ["ann"], dueDate: "2026-03-01" } };
    expect(await server.run(organizer, pastDue)).toMatchObject({ kind: "rejected", rejection: { code: "invalidInput" } });
    const edit: Command = { type: "commitment.edit", payload: { commitmentId: "c1", title: "Final pricing memo" } };
    await server.run(organizer, edit, "cmd-edit");
    await server.run(organizer, edit, "cmd-edit");

    const rows = await server.store.listOutbox(key);
    expect(rows.map((each) => [each.revision, each.status])).toEqual([
      [1, "superseded"],
      [2, "pending"],
    ]);
    expect(await server.store.currentSeq(key)).toBe(4);
  });

  it("takes a worker's reports through the server's own path and refuses that path's ids from clients", async () => {
    const { server } = await start();
    await server.run(organizer, capture("Draft the pricing memo"));
    const [claimed] = await server.claim();
    await server.service.executeSystem(key, { type: "commitment.recordSyncStarted", commitmentId: "c1", revision: 1 });
    const succeeded = { type: "commitment.recordSyncSucceeded", commitmentId: "c1", revision: 1, taskId: "task-1", taskUrl: taskUrl("task-1") } as const;
    expect(await server.service.executeSystem(key, succeeded)).toMatchObject({ kind: "accepted", events: [{ event: { type: "commitment.syncSucceeded" } }] });
    expect(await server.service.executeSystem(key, succeeded)).toMatchObject({ kind: "accepted", events: [] });
    expect(await server.store.completeOutbox(claimed!.lease, server.now)).toBe(true);

    const { state } = await server.service.view(key);
    expect(state.commitments["c1"]?.sync).toMatchObject({ state: "synced", syncedRevision: 1, taskId: "task-1" });
    expect(await server.run(ann, { type: "meeting.join", payload: {} }, "system:commitment.recordSyncSucceeded:forged")).toMatchObject({
      kind: "rejected",
      rejection: { code: "invalidMessage" },
    });
  });

  it("loses nothing and repeats nothing when the server restarts in the middle of sending", async () => {
    const { server, filename } = await start();
    for (const title of ["Pricing memo", "Hiring plan", "Board pack"]) await server.run(organizer, capture(title));
    const [sent, interrupted] = (await server.claim()).slice(0, 2);
    await server.service.executeSystem(key, { type: "commitment.recordSyncSucceeded", commitmentId: sent!.subject, revision: 1, taskId: "task-a", taskUrl: taskUrl("task-a") });
    await server.store.completeOutbox(sent!.lease, server.now);
    // the interrupted row's task was created in Planner and recorded, but the process died before settling the row
    await server.service.executeSystem(key, { type: "commitment.recordSyncSucceeded", commitmentId: interrupted!.subject, revision: 1, taskId: "task-b", taskUrl: taskUrl("task-b") });
    await server.store.close();
    servers.splice(servers.indexOf(server), 1);

    const restarted = await Server.open(filename);
    servers.push(restarted);
    restarted.now = server.now + 60_000;
    const again = await restarted.claim();
    expect(again.map((row) => row.subject).sort()).toEqual(["c2", "c3"]);
    // the second worker finds the task the first one made (reconciling by the bucket) and reports it again: nothing new is stored
    expect(await restarted.service.executeSystem(key, { type: "commitment.recordSyncSucceeded", commitmentId: "c2", revision: 1, taskId: "task-b", taskUrl: taskUrl("task-b") })).toMatchObject({ events: [] });
    await restarted.service.executeSystem(key, { type: "commitment.recordSyncSucceeded", commitmentId: "c3", revision: 1, taskId: "task-c", taskUrl: taskUrl("task-c") });
    for (const row of again) expect(await restarted.store.completeOutbox(row.lease, restarted.now)).toBe(true);

    const log = await restarted.store.readSince(key, 0);
    const synced = log.flatMap(({ event }) => (event.type === "commitment.syncSucceeded" ? [event.payload.commitmentId] : []));
    expect(synced).toEqual(["c1", "c2", "c3"]);
    expect((await restarted.store.listOutbox(key)).map((row) => row.status)).toEqual(["done", "done", "done"]);
    expect(await restarted.claim(restarted.now + 3_600_000)).toEqual([]);
  });
});
