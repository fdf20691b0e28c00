import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/protocol/commands.ts";
import type { ServerMessage } from "../../src/protocol/messages.ts";
import { Limits } from "../../src/protocol/limits.ts";
import { person, startTestServer, type TestPerson, type TestServer } from "../fixtures/testServer.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// Floor time is public (the room sees who speaks, and progressive order needs the totals); the
// analysis of it is for facilitators: the dominance alert reaches facilitators only, in events and
// in snapshots, until a facilitator shares a summary with the room.

let harness: TestServer | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MEETING = "m-equity-privacy";
const isEvent = (type: string) => (message: ServerMessage) => message.type === "event" && message.event.type === type;
const eventTypesSeenBy = (client: TestClient) => client.messages.flatMap((message) => (message.type === "event" ? [message.event.type] : []));

async function joined(test: TestServer, who: TestPerson): Promise<TestClient> {
  const client = await TestClient.connect(test.url, await test.tokenFor(who));
  await client.hello(MEETING);
  expect(await client.command({ type: "meeting.join", payload: {} })).toMatchObject({ type: "ack" });
  return client;
}

/** Sends a command that must be accepted. */
async function run(client: TestClient, command: Command): Promise<void> {
  expect(await client.command(command)).toMatchObject({ type: "ack" });
}

/**
 * Avery (organizer) runs a started meeting of four; Blake speaks long enough to dominate. Clients
 * are returned once everyone has seen the turn end.
 */
async function blakeDominates() {
  let now = Date.parse("2030-03-04T09:00:00Z");
  harness = await startTestServer({ clock: { now: () => now }, tokenClock: { now: () => Date.now() } });
  const [avery, blake, casey, devon] = [person("Avery"), person("Blake"), person("Casey"), person("Devon")];
  harness.seat(MEETING, avery, "organizer");
  for (const who of [blake, casey, devon]) harness.seat(MEETING, who, "attendee");
  const [a, b, c, d] = [await joined(harness, avery), await joined(harness, blake), await joined(harness, casey), await joined(harness, devon)];
  await run(a, { type: "agenda.addItem", payload: { title: "Pricing", phases: [{ phase: "diagnose", minutes: 30 }] } });
  await run(a, { type: "meeting.start", payload: {} });
  await run(b, { type: "queue.raiseHand", payload: {} });
  await run(a, { type: "floor.grantNext", payload: {} });
  now += (Limits.dominanceMinFloorSeconds + 60) * 1000;
  await run(b, { type: "floor.yield", payload: {} });
  for (const client of [a, b, c, d]) await client.next(isEvent("floor.released"));
  return { test: harness, people: { avery, blake, casey, devon }, clients: { a, b, c, d } };
}

describe("floor equity privacy", () => {
  it("alerts only facilitators to dominance, in events and in snapshots", async () => {
    const { test, people, clients } = await blakeDominates();
    const alert = await clients.a.next(isEvent("equity.dominanceDetected"));
    expect(alert).toMatchObject({ event: { audience: { kind: "facilitators" }, payload: { userId: people.blake.userId, share: 1, fairShare: 0.25 } } });
    expect(Object.keys(clients.a.state?.equity.alerts ?? {})).toEqual([people.blake.userId]);

    // a later event everyone receives, so anything sent before it has arrived
    await run(clients.a, { type: "queue.close", payload: {} });
    for (const client of [clients.b, clients.c, clients.d]) {
      await client.next(isEvent("queue.closed"));
      expect(eventTypesSeenBy(client)).not.toContain("equity.dominanceDetected");
      expect(client.state?.equity.alerts).toEqual({});
      // the turns log itself is public
      expect(client.state?.turns.map((turn) => turn.userId)).toEqual([people.blake.userId]);
    }

    const fresh = await TestClient.connect(test.url, await test.tokenFor(people.casey));
    const snapshot = await fresh.hello(MEETING);
    expect(snapshot.mode).toBe("snapshot");
    expect(fresh.state?.equity.alerts).toEqual({});
    const catchingUp = await TestClient.connect(test.url, await test.tokenFor(people.devon));
    const replay = await catchingUp.hello(MEETING, 1);
    expect(replay.mode === "events" && replay.events.map(({ event }) => event.type)).not.toContain("equity.dominanceDetected");
    const organizerAgain = await TestClient.connect(test.url, await test.tokenFor(people.avery));
    await organizerAgain.hello(MEETING);
    expect(Object.keys(organizerAgain.state?.equity.alerts ?? {})).toEqual([people.blake.userId]);
  });

  it("sends a fresh snapshot to someone who becomes a facilitator, and again when they stop", async () => {
    const { people, clients } = await blakeDominates();
    const itemId = clients.a.state!.agenda.order[0]!;
    const assign = (userId: string | null): Command => ({ type: "roles.assign", payload: { itemId, role: "facilitator", userId } });

    await run(clients.a, assign(people.casey.userId));
    const promoted = await clients.c.next((message) => message.type === "welcome");
    expect(promoted).toMatchObject({ mode: "snapshot", viewer: { userId: people.casey.userId } });
    expect(Object.keys(clients.c.state?.equity.alerts ?? {})).toEqual([people.blake.userId]);
    expect(clients.c.state?.roles.byItem[itemId]?.facilitator).toBe(people.casey.userId);

    await run(clients.a, assign(null));
    await clients.c.next((message) => message.type === "welcome");
    expect(clients.c.state?.equity.alerts).toEqual({});

    for (const client of [clients.b, clients.d]) {
      await client.next(isEvent("roles.assigned"));
      expect(client.messages.some((message) => message.type === "welcome")).toBe(false);
    }
  });

  it("shows the room the figures a facilitator shares, and only those", async () => {
    const { people, clients } = await blakeDominates();
    expect(await clients.b.command({ type: "equity.shareSummary", payload: {} })).toMatchObject({ type: "reject", code: "forbidden" });
    await run(clients.a, { type: "equity.shareSummary", payload: {} });
    for (const client of Object.values(clients)) {
      await client.next(isEvent("equity.summaryShared"));
      expect(client.state?.equity.sharedSummary).toMatchObject({
        presentCount: 4,
        fairShare: 0.25,
        people: [{ userId: people.blake.userId, share: 1, turns: 1 }],
        notSpokenInItemCount: 3,
        sharedBy: people.avery.userId,
      });
    }
    expect(clients.d.state?.equity.alerts).toEqual({});
    await run(clients.a, { type: "equity.hideSummary", payload: {} });
    await clients.d.next(isEvent("equity.summaryHidden"));
    expect(clients.d.state?.equity.sharedSummary).toBeNull();
  });
});
