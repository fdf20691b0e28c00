import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Limits } from "../../src/protocol/limits.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { Timers } from "../../server/realtime/floorGrace.ts";
import { person, startTestServer, type TestPerson, type TestServer } from "../fixtures/testServer.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// A speaker whose connection drops keeps the floor for a grace period; when it passes with no
// reconnection the server ends the turn and passes the floor to whoever is next, or releases it
// when nobody waits. The grace timers are fired by hand here.

/** Timers that run only when the test says so. */
class ManualTimers implements Timers {
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private nextId = 0;

  set(callback: () => void, ms: number): unknown {
    this.nextId += 1;
    this.pending.set(this.nextId, { callback, ms });
    return this.nextId;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delays of the timers waiting to fire. */
  get delays(): number[] {
    return [...this.pending.values()].map(({ ms }) => ms);
  }

  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { callback } of due) callback();
  }
}

let harness: TestServer | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const raise: Command = { type: "queue.raiseHand", payload: {} };
const graceMs = Limits.floorGraceSeconds * 1000;

async function connect(test: TestServer, meetingId: string, who: TestPerson): Promise<TestClient> {
  const client = await TestClient.connect(test.url, await test.tokenFor(who));
  await client.hello(meetingId);
  return client;
}

async function joined(test: TestServer, meetingId: string, who: TestPerson): Promise<TestClient> {
  const client = await connect(test, meetingId, who);
  expect(await client.command({ type: "meeting.join", payload: {} })).toMatchObject({ type: "ack" });
  return client;
}

/** An organizer and Casey in a meeting, Casey holding the floor; `organizer` stays connected throughout. */
async function caseySpeaking(meetingId: string, timers: ManualTimers) {
  harness = await startTestServer({ timers });
  const [avery, casey] = [person("Avery"), person("Casey")];
  harness.seat(meetingId, avery, "organizer");
  harness.seat(meetingId, casey, "attendee");
  const organizer = await joined(harness, meetingId, avery);
  const speaker = await joined(harness, meetingId, casey);
  await speaker.command(raise);
  expect(await organizer.command({ type: "floor.grantNext", payload: {} })).toMatchObject({ type: "ack" });
  return { test: harness, organizer, speaker, casey };
}

/** Someone new joins the meeting and raises a hand while Casey speaks. */
async function waiting(test: TestServer, meetingId: string, name: string) {
  const who = person(name);
  test.seat(meetingId, who, "attendee");
  const client = await joined(test, meetingId, who);
  expect(await client.command(raise)).toMatchObject({ type: "ack" });
  return { who, client };
}

/** The stored events of a meeting with the command each was appended under, in order. */
function storedEvents(test: TestServer, meetingId: string): { seq: number; type: string; commandId: string }[] {
  const db = new Database(test.databaseFile, { readonly: true });
  try {
    return db
      .prepare("SELECT seq, type, command_id AS commandId FROM events WHERE meeting_id = ? ORDER BY seq")
      .all(meetingId) as { seq: number; type: string; commandId: string }[];
  } finally {
    db.close();
  }
}

const grantedTo = (userId: string) => (message: { type: string; event?: { type: string; payload: unknown } }) =>
  message.type === "event" && message.event?.type === "floor.granted" && (message.event.payload as { userId: string }).userId === userId;

const releasedFor = (reason: string) => (message: { type: string; event?: { type: string; payload: unknown } }) =>
  message.type === "event" && message.event?.type === "floor.released" && (message.event.payload as { reason: string }).reason === reason;

describe("a disconnected speaker", () => {
  it("passes the floor to the next person once the grace period passes without a reconnection", async () => {
    const timers = new ManualTimers();
    const { test, organizer, speaker, casey } = await caseySpeaking("m-grace-passed", timers);
    const { who: devon, client: next } = await waiting(test, "m-grace-passed", "Devon");
    const since = organizer.state!.floor!.since;
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toEqual([graceMs]));
    expect(organizer.state?.floor?.userId).toBe(casey.userId);

    timers.fireAll();
    await next.next(grantedTo(devon.userId));
    await organizer.next(grantedTo(devon.userId));
    for (const client of [organizer, next]) {
      expect(client.state?.floor).toMatchObject({ userId: devon.userId });
      expect(client.state?.queue).toEqual({});
      expect(client.state?.turns.map((turn) => turn.userId)).toEqual([casey.userId]);
    }
    // one decision, one append: the release and the grant went to the store under the same command
    expect(storedEvents(test, "m-grace-passed").slice(-2)).toEqual([
      { seq: expect.any(Number), type: "floor.released", commandId: `system:floor.releaseDisconnected:${casey.userId}:${since}` },
      { seq: expect.any(Number), type: "floor.granted", commandId: `system:floor.releaseDisconnected:${casey.userId}:${since}` },
    ]);
    // Devon is connected, so no grace period starts for him
    expect(timers.delays).toEqual([]);
  });

  it("releases the floor when nobody waits", async () => {
    const timers = new ManualTimers();
    const { organizer, speaker, casey } = await caseySpeaking("m-grace-lost", timers);
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toEqual([graceMs]));

    timers.fireAll();
    await organizer.next(releasedFor("disconnected"));
    expect(organizer.state?.floor).toBeNull();
    expect(organizer.state?.turns.map((turn) => turn.userId)).toEqual([casey.userId]);
  });

  it("keeps the floor when they reconnect within the grace period", async () => {
    const timers = new ManualTimers();
    const { test, organizer, speaker, casey } = await caseySpeaking("m-grace-kept", timers);
    const { who: devon } = await waiting(test, "m-grace-kept", "Devon");
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toHaveLength(1));
    const back = await connect(test, "m-grace-kept", casey);
    expect(timers.delays).toEqual([]);
    timers.fireAll();

    // a later command's ack proves anything the timers caused has already been decided
    expect(await organizer.command({ type: "queue.close", payload: {} })).toMatchObject({ type: "ack" });
    await organizer.next((message) => message.type === "event" && message.event.type === "queue.closed");
    expect(organizer.state?.floor?.userId).toBe(casey.userId);
    expect(back.state?.floor?.userId).toBe(casey.userId);
    expect(organizer.queueOrder()).toEqual([devon.userId]);
  });

  it("passes on again after another grace period when the next person is not connected either", async () => {
    const timers = new ManualTimers();
    const { test, organizer, speaker, casey } = await caseySpeaking("m-grace-chain", timers);
    const { who: devon, client: next } = await waiting(test, "m-grace-chain", "Devon");
    const { who: emery } = await waiting(test, "m-grace-chain", "Emery");
    next.close();
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toEqual([graceMs]));

    timers.fireAll();
    await organizer.next(grantedTo(devon.userId));
    // the floor went to someone with no connection: their own grace period starts
    await vi.waitFor(() => expect(timers.delays).toEqual([graceMs]));
    timers.fireAll();
    await organizer.next(grantedTo(emery.userId));
    expect(organizer.state?.turns.map((turn) => turn.userId)).toEqual([casey.userId, devon.userId]);
    expect(timers.delays).toEqual([]);
  });

  it("keeps the floor while another of their connections stays open", async () => {
    const timers = new ManualTimers();
    const { test, organizer, speaker, casey } = await caseySpeaking("m-grace-tabs", timers);
    const secondTab = await connect(test, "m-grace-tabs", casey);
    const connections = test.server.gateway.connectionCount;
    speaker.close();
    await vi.waitFor(() => expect(test.server.gateway.connectionCount).toBe(connections - 1));
    expect(await organizer.command({ type: "queue.close", payload: {} })).toMatchObject({ type: "ack" });
    expect(timers.delays).toEqual([]);
    expect(secondTab.state?.floor?.userId).toBe(casey.userId);
  });

  it("does not cost the next speaker the floor when the turn already moved on", async () => {
    const timers = new ManualTimers();
    const { test, organizer, speaker } = await caseySpeaking("m-grace-moved", timers);
    const devon = person("Devon");
    test.seat("m-grace-moved", devon, "attendee");
    const next = await joined(test, "m-grace-moved", devon);
    await next.command(raise);
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toHaveLength(1));
    expect(await organizer.command({ type: "floor.grantNext", payload: {} })).toMatchObject({ type: "ack" });
    timers.fireAll();

    expect(await organizer.command({ type: "queue.close", payload: {} })).toMatchObject({ type: "ack" });
    await organizer.next((message) => message.type === "event" && message.event.type === "queue.closed");
    expect(organizer.state?.floor?.userId).toBe(devon.userId);
    expect(organizer.messages.some(releasedFor("disconnected"))).toBe(false);
  });

  it("cannot be kept on the floor by a client claiming the release's command id first", async () => {
    const timers = new ManualTimers();
    const { organizer, speaker, casey } = await caseySpeaking("m-grace-claim", timers);
    const since = organizer.state!.floor!.since;
    const claimed = await speaker.command({ type: "queue.raiseHand", payload: { kind: "pointOfOrder" } }, `system:floor.releaseDisconnected:${casey.userId}:${since}`);
    expect(claimed).toMatchObject({ type: "reject", code: "invalidMessage", message: expect.stringContaining("commandId") });
    speaker.close();
    await vi.waitFor(() => expect(timers.delays).toHaveLength(1));
    timers.fireAll();
    await organizer.next(releasedFor("disconnected"));
  });

  it("starts the grace period when the floor is given to someone with no connection", async () => {
    const timers = new ManualTimers();
    harness = await startTestServer({ timers });
    const [avery, casey] = [person("Avery"), person("Casey")];
    harness.seat("m-grace-absent", avery, "organizer");
    harness.seat("m-grace-absent", casey, "attendee");
    const organizer = await joined(harness, "m-grace-absent", avery);
    const speaker = await joined(harness, "m-grace-absent", casey);
    await speaker.command(raise);
    const connections = harness.server.gateway.connectionCount;
    speaker.close();
    await vi.waitFor(() => expect(harness?.server.gateway.connectionCount).toBe(connections - 1));
    expect(timers.delays).toEqual([]);

    expect(await organizer.command({ type: "floor.grantNext", payload: {} })).toMatchObject({ type: "ack" });
    await vi.waitFor(() => expect(timers.delays).toEqual([graceMs]));
    timers.fireAll();
    await organizer.next(releasedFor("disconnected"));
    expect(organizer.state?.floor).toBeNull();
  });
});
