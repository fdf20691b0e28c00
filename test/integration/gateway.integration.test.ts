import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { CloseCodes, Limits, PROTOCOL_VERSION } from "../../src/protocol/index.ts";
import type { EventStore } from "../../server/store/eventStore.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { person, startTestServer, type TestPerson, type TestServer } from "../fixtures/testServer.ts";
import { TEST_TENANTS } from "../fixtures/tokens.ts";
import { TestClient, UpgradeRefused } from "../fixtures/wsClient.ts";

let harness: TestServer | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function joined(test: TestServer, meetingId: string, who: TestPerson): Promise<TestClient> {
  const client = await TestClient.connect(test.url, await test.tokenFor(who));
  await client.hello(meetingId);
  expect(await client.command({ type: "meeting.join", payload: {} })).toMatchObject({ type: "ack" });
  return client;
}

const raise = { type: "queue.raiseHand", payload: {} } as const;

describe("realtime gateway over real sockets and SQLite", () => {
  it("acknowledges a command only once its events are durable", async () => {
    let releaseAppend!: () => void;
    const appendGate = new Promise<void>((resolve) => (releaseAppend = resolve));
    let holdAppends = false;
    harness = await startTestServer({
      wrapStore: (store) => ({
        ...bindAll(store),
        append: async (...args) => {
          if (holdAppends) await appendGate;
          return store.append(...args);
        },
      }),
    });
    const casey = person("Casey");
    harness.seat("m-durable", casey, "attendee");
    const client = await joined(harness, "m-durable", casey);

    holdAppends = true;
    const answer = client.command(raise);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.messages.some((message) => message.type === "ack")).toBe(false);
    releaseAppend();
    const ack = await answer;
    expect(ack).toMatchObject({ type: "ack", seq: 2 });

    // a second, independent connection to the same file sees the event the ack promised
    const reader = await createSqliteEventStore({ filename: harness.databaseFile });
    const stored = await reader.readSince({ tenantId: casey.tenantId, meetingId: "m-durable" }, 0);
    expect(stored.map(({ seq, event }) => [seq, event.type])).toEqual([[1, "meeting.participantJoined"], [2, "queue.handRaised"]]);
    await reader.close();
  });

  it("brings two clients to the same queue", async () => {
    harness = await startTestServer();
    const [avery, casey, devon] = [person("Avery"), person("Casey"), person("Devon")];
    harness.seat("m-converge", avery, "organizer");
    harness.seat("m-converge", casey, "attendee");
    harness.seat("m-converge", devon, "attendee");
    const a = await joined(harness, "m-converge", avery);
    const c = await joined(harness, "m-converge", casey);
    const d = await joined(harness, "m-converge", devon);
    await d.command(raise);
    await c.command(raise);
    const grant = await a.command({ type: "floor.grantNext", payload: {} });
    await Promise.all([a, c, d].map((client) => client.next((message) => message.type === "event" && message.seq === (grant as { seq: number }).seq)));
    for (const client of [a, c, d]) {
      expect(client.state?.floor?.userId).toBe(devon.userId);
      expect(client.queueOrder()).toEqual([casey.userId]);
    }
    expect(a.state).toEqual(c.state);
    expect(c.state).toEqual(d.state);
  });

  it("resyncs a dropped client with exactly the events it missed", async () => {
    harness = await startTestServer();
    const [casey, devon] = [person("Casey"), person("Devon")];
    harness.seat("m-resync", casey, "attendee");
    harness.seat("m-resync", devon, "attendee");
    const c = await joined(harness, "m-resync", casey);
    const d = await joined(harness, "m-resync", devon);
    await c.next((message) => message.type === "event" && message.seq === 2);
    const seenSeq = c.lastSeq;
    const stateBefore = c.state;
    c.socket.terminate();

    await d.command(raise);
    const lowered = await d.command({ type: "queue.lowerHand", payload: { entryId: "h1" } });
    await d.command(raise);

    const again = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    again.state = stateBefore;
    again.lastSeq = seenSeq;
    const welcome = await again.hello("m-resync", seenSeq);
    expect(welcome.mode).toBe("events");
    if (welcome.mode !== "events") return;
    expect(welcome.events.map((event) => event.seq)).toEqual([seenSeq + 1, seenSeq + 2, seenSeq + 3]);
    expect(lowered).toMatchObject({ seq: seenSeq + 2 });
    expect(again.queueOrder()).toEqual([devon.userId]);
    expect(again.state).toEqual(d.state);
  });

  it("sends a snapshot to a new client and to one claiming a seq from the future", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    harness.seat("m-snap", casey, "attendee");
    await joined(harness, "m-snap", casey);
    const fresh = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    expect(await fresh.hello("m-snap", 0)).toMatchObject({ mode: "snapshot", seq: 1 });
    const confused = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    expect(await confused.hello("m-snap", 99)).toMatchObject({ mode: "snapshot", seq: 1 });
  });

  it("applies a resent command once and acknowledges it again", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    harness.seat("m-dup", casey, "attendee");
    const client = await joined(harness, "m-dup", casey);
    const commandId = randomUUID();
    const first = await client.command(raise, commandId);
    const second = await client.command(raise, commandId);
    expect(first).toMatchObject({ type: "ack", seq: 2 });
    expect(second).toMatchObject({ type: "ack", seq: 2 });
    expect(Object.keys(client.state?.queue ?? {})).toHaveLength(1);
  });

  it("refuses a non-facilitator's grant and leaves the queue alone", async () => {
    harness = await startTestServer();
    const [casey, devon] = [person("Casey"), person("Devon")];
    harness.seat("m-auth", casey, "attendee");
    harness.seat("m-auth", devon, "attendee");
    const c = await joined(harness, "m-auth", casey);
    await joined(harness, "m-auth", devon);
    await c.command(raise);
    const answer = await c.command({ type: "floor.grantNext", payload: {} });
    expect(answer).toMatchObject({ type: "reject", code: "forbidden" });
    expect(c.state?.floor).toBeNull();
  });

  it("keeps meetings with the same id in two tenants apart", async () => {
    harness = await startTestServer();
    const ada = person("Ada", TEST_TENANTS.contoso);
    const bo = person("Bo", TEST_TENANTS.fabrikam);
    harness.seat("m-shared-id", ada, "attendee");
    harness.seat("m-shared-id", bo, "attendee");
    const a = await joined(harness, "m-shared-id", ada);
    await a.command(raise);
    const b = await joined(harness, "m-shared-id", bo);
    expect(Object.keys(b.state?.participants ?? {})).toEqual([bo.userId]);
    expect(b.queueOrder()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.state?.participants[bo.userId]).toBeUndefined();
  });

  it("closes the socket of someone who is not in the meeting", async () => {
    harness = await startTestServer();
    const stranger = person("Stranger");
    const client = await TestClient.connect(harness.url, await harness.tokenFor(stranger));
    client.sendJson({ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: "m-private", lastSeq: 0 });
    expect((await client.whenClosed()).code).toBe(CloseCodes.forbidden);
  });

  it("refuses a client on another protocol version", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    harness.seat("m-version", casey, "attendee");
    const client = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    client.sendJson({ type: "hello", protocolVersion: PROTOCOL_VERSION + 1, meetingId: "m-version", lastSeq: 0 });
    expect((await client.whenClosed()).code).toBe(CloseCodes.unsupportedProtocol);
  });
});

describe("bad input", () => {
  it("rejects malformed messages with a reason, without changing state or crashing", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    harness.seat("m-bad", casey, "attendee");
    const client = await joined(harness, "m-bad", casey);
    const seqBefore = client.lastSeq;

    client.socket.send("{not json");
    expect(await client.next((message) => message.type === "reject")).toMatchObject({ code: "invalidMessage", message: expect.stringContaining("JSON") });
    client.sendJson({ type: "command", commandId: "c-bad", command: { type: "floor.seize", payload: {} } });
    expect(await client.next((message) => message.type === "reject")).toMatchObject({ commandId: "c-bad", code: "invalidMessage" });
    const longTopic = await client.command({ type: "queue.raiseHand", payload: { topic: "x".repeat(Limits.maxTopicLength + 1) } });
    expect(longTopic).toMatchObject({ type: "reject", code: "invalidMessage", message: expect.stringContaining("command.payload.topic") });
    client.sendJson({ type: "command", commandId: "c-early", command: { type: "floor.yield", payload: { role: "organizer" } } });
    expect(await client.next((message) => message.type === "reject")).toMatchObject({ commandId: "c-early" });

    const view = await harness.server.meetings.view({ tenantId: casey.tenantId, meetingId: "m-bad" });
    expect(view.seq).toBe(seqBefore);
    expect(await client.command(raise)).toMatchObject({ type: "ack" });
  });

  it("closes a socket that sends more than the message size limit, and keeps serving others", async () => {
    harness = await startTestServer();
    const [casey, devon] = [person("Casey"), person("Devon")];
    harness.seat("m-big", casey, "attendee");
    harness.seat("m-big", devon, "attendee");
    const c = await joined(harness, "m-big", casey);
    const d = await joined(harness, "m-big", devon);
    const seqBefore = (await harness.server.meetings.view({ tenantId: casey.tenantId, meetingId: "m-big" })).seq;
    c.sendJson({ type: "command", commandId: "c-huge", command: { type: "queue.raiseHand", payload: { topic: "x".repeat(Limits.maxMessageBytes) } } });
    expect((await c.whenClosed()).code).toBe(1009);
    expect((await harness.server.meetings.view({ tenantId: casey.tenantId, meetingId: "m-big" })).seq).toBe(seqBefore);
    expect(await d.command(raise)).toMatchObject({ type: "ack" });
  });

  it("requires hello before commands", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    const client = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    expect(await client.command(raise)).toMatchObject({ type: "reject", code: "invalidMessage", message: expect.stringContaining("hello") });
  });

  it("limits commands per second per person", async () => {
    harness = await startTestServer();
    const casey = person("Casey");
    harness.seat("m-rate", casey, "attendee");
    const client = await joined(harness, "m-rate", casey);
    const answers = await Promise.all(Array.from({ length: Limits.commandBurst + 10 }, () => client.command({ type: "meeting.join", payload: {} })));
    const limited = answers.filter((answer) => answer.type === "reject" && answer.code === "rateLimited");
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeLessThan(answers.length);
  });
});

describe("connection lifetime", () => {
  it("drops sockets that stop answering heartbeats", async () => {
    harness = await startTestServer({ heartbeatIntervalMs: 100 });
    const casey = person("Casey");
    harness.seat("m-heart", casey, "attendee");
    const alive = await joined(harness, "m-heart", casey);
    const dead = await TestClient.connect(harness.url, await harness.tokenFor(casey));
    // stop reading: pings go unanswered, as with a laptop lid closed mid-meeting
    (dead.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    expect(harness.server.gateway.connectionCount).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(harness.server.gateway.connectionCount).toBe(1);
    expect(alive.closed).toBeNull();
  });

  it("closes a socket whose token has expired when it next acts", async () => {
    let now = Date.now();
    harness = await startTestServer({ clock: { now: () => now } });
    const casey = person("Casey");
    harness.seat("m-expiry", casey, "attendee");
    const client = await joined(harness, "m-expiry", casey);
    now += 2 * 60 * 60 * 1000;
    client.sendJson({ type: "command", commandId: "late", command: raise });
    expect((await client.whenClosed()).code).toBe(CloseCodes.tokenExpired);
  });
});

describe("development fast clock", () => {
  it("speeds up meeting time without expiring tokens early", async () => {
    let meetingNow = Date.now();
    harness = await startTestServer({ clock: { now: () => meetingNow, rate: 60 }, tokenClock: { now: () => Date.now() } });
    const casey = person("Casey");
    harness.seat("m-fast", casey, "attendee");
    const client = await joined(harness, "m-fast", casey);
    meetingNow += 2 * 60 * 60 * 1000;
    expect(await client.command(raise)).toMatchObject({ type: "ack" });
    expect(client.state?.queue["h1"]?.raisedAt).toBe(meetingNow);
  });
});

function bindAll(store: EventStore): EventStore {
  return {
    append: store.append.bind(store),
    findCommand: store.findCommand.bind(store),
    readSince: store.readSince.bind(store),
    currentSeq: store.currentSeq.bind(store),
    lastEndedMeetingInSpace: store.lastEndedMeetingInSpace.bind(store),
    listCommitmentTasks: store.listCommitmentTasks.bind(store),
    claimOutbox: store.claimOutbox.bind(store),
    completeOutbox: store.completeOutbox.bind(store),
    rescheduleOutbox: store.rescheduleOutbox.bind(store),
    failOutbox: store.failOutbox.bind(store),
    listOutbox: store.listOutbox.bind(store),
    saveSnapshot: store.saveSnapshot.bind(store),
    loadSnapshot: store.loadSnapshot.bind(store),
    close: store.close.bind(store),
  };
}

export { UpgradeRefused };
