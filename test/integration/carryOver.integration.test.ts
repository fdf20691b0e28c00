import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/protocol/commands.ts";
import type { CarryOverResponse } from "../../src/protocol/rest.ts";
import { person, startTestServer, type TestPerson, type TestServer } from "../fixtures/testServer.ts";
import { TEST_TENANTS } from "../fixtures/tokens.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// Meetings of one Teams channel share a space: their ids differ only in the channel post they hang off.
const inChannel = (channel: string, post: number) => Buffer.from(`0#19:${channel}@thread.tacv2#${post}`).toString("base64");

let harness: TestServer | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function joined(server: TestServer, meetingId: string, who: TestPerson): Promise<TestClient> {
  const client = await TestClient.connect(server.url, await server.tokenFor(who));
  await client.hello(meetingId);
  expect(await client.command({ type: "meeting.join", payload: {} })).toMatchObject({ type: "ack" });
  return client;
}

async function run(client: TestClient, ...commands: Command[]): Promise<void> {
  for (const command of commands) expect(await client.command(command), command.type).toMatchObject({ type: "ack" });
}

async function carryOverOffer(server: TestServer, meetingId: string, who: TestPerson): Promise<{ status: number; body: CarryOverResponse }> {
  const response = await fetch(`${server.url}/api/meetings/${encodeURIComponent(meetingId)}/carry-over`, {
    headers: { authorization: `Bearer ${await server.tokenFor(who)}` },
  });
  return { status: response.status, body: (await response.json()) as CarryOverResponse };
}

/** A meeting in the channel that ends with its second and third items unfinished and one parked point promoted. */
async function endMeetingWithOpenItems(server: TestServer, meetingId: string, organizer: TestPerson): Promise<void> {
  server.seat(meetingId, organizer, "organizer");
  const client = await joined(server, meetingId, organizer);
  await run(
    client,
    { type: "agenda.applyTemplate", payload: { template: "quarterlyPriorities" } },
    { type: "agenda.updateItem", payload: { itemId: "i2", goal: "Agree the two markets to enter", ownerId: organizer.userId } },
    { type: "meeting.start", payload: {} },
    { type: "parkingLot.add", payload: { text: "Revisit the pricing model for the public sector" } },
    { type: "parkingLot.add", payload: { text: "Office move (not promoted)" } },
  );
  const parked = Object.values(client.state!.parkingLot).find((entry) => entry.text.startsWith("Revisit"))!;
  await run(client, { type: "parkingLot.promote", payload: { entryId: parked.entryId } }, { type: "meeting.end", payload: {} });
  client.socket.close();
}

describe("carrying open items into the next meeting of the same space", () => {
  it("offers the unfinished items and promoted points of the last meeting in the channel, once", async () => {
    harness = await startTestServer();
    const [olive, casey] = [person("Olive"), person("Casey")];
    const first = inChannel("leadership", 1);
    const next = inChannel("leadership", 2);
    await endMeetingWithOpenItems(harness, first, olive);

    harness.seat(next, olive, "organizer");
    harness.seat(next, casey, "attendee");
    const organizer = await joined(harness, next, olive);
    const attendee = await joined(harness, next, casey);

    const offered = await carryOverOffer(harness, next, olive);
    expect(offered.status).toBe(200);
    expect(offered.body.offer?.sourceMeetingId).toBe(first);
    expect(offered.body.offer?.items.map((item) => [item.title, item.reason])).toEqual([
      ["Priority 1", "unfinished"],
      ["Priority 2", "unfinished"],
      ["Priority 3", "unfinished"],
      ["Revisit the pricing model for the public sector", "parked"],
    ]);
    expect(offered.body.offer?.items[1]).toMatchObject({ goal: "Agree the two markets to enter", ownerId: olive.userId });

    // the earlier meeting's open items are for those who may put them on the agenda
    expect((await carryOverOffer(harness, next, casey)).status).toBe(403);
    expect(await attendee.command({ type: "agenda.carryOver", payload: { sourceMeetingId: first } })).toMatchObject({ type: "reject", code: "forbidden" });

    await run(organizer, { type: "agenda.carryOver", payload: { sourceMeetingId: first } });
    const items = organizer.state!.agenda.order.map((itemId) => organizer.state!.agenda.items[itemId]!);
    expect(items.map((item) => [item.title, item.carriedFrom?.reason, item.carriedFrom?.meetingId])).toEqual([
      ["Priority 1", "unfinished", first],
      ["Priority 2", "unfinished", first],
      ["Priority 3", "unfinished", first],
      ["Revisit the pricing model for the public sector", "parked", first],
    ]);
    expect(items[1]).toMatchObject({ goal: "Agree the two markets to enter", ownerId: olive.userId, status: "pending" });

    // carried once: the offer is gone and a second carry is refused without adding anything
    expect((await carryOverOffer(harness, next, olive)).body).toEqual({ offer: null });
    expect(await organizer.command({ type: "agenda.carryOver", payload: { sourceMeetingId: first } })).toMatchObject({ type: "reject", code: "notFound" });
    expect(organizer.state!.agenda.order).toHaveLength(4);
  });

  it("offers nothing from another channel, another tenant, or a meeting that has not ended", async () => {
    harness = await startTestServer();
    const olive = person("Olive");
    const stranger = person("Stranger", TEST_TENANTS.fabrikam);
    await endMeetingWithOpenItems(harness, inChannel("finance", 1), olive);
    await endMeetingWithOpenItems(harness, inChannel("leadership", 1), stranger);

    const running = inChannel("leadership", 2);
    harness.seat(running, olive, "organizer");
    const organizer = await joined(harness, running, olive);
    await run(organizer, { type: "agenda.applyTemplate", payload: { template: "quarterlyPriorities" } }, { type: "meeting.start", payload: {} });

    const next = inChannel("leadership", 3);
    harness.seat(next, olive, "organizer");
    const client = await joined(harness, next, olive);
    expect((await carryOverOffer(harness, next, olive)).body).toEqual({ offer: null });
    expect(await client.command({ type: "agenda.carryOver", payload: { sourceMeetingId: inChannel("leadership", 1) } })).toMatchObject({
      type: "reject",
      code: "notFound",
    });
    expect(client.state!.agenda.order).toEqual([]);
  });

  it("refuses an offer that a more recent meeting's end replaced", async () => {
    harness = await startTestServer();
    const olive = person("Olive");
    await endMeetingWithOpenItems(harness, inChannel("leadership", 1), olive);
    const next = inChannel("leadership", 9);
    harness.seat(next, olive, "organizer");
    const client = await joined(harness, next, olive);
    const seen = (await carryOverOffer(harness, next, olive)).body.offer?.sourceMeetingId ?? "";

    await endMeetingWithOpenItems(harness, inChannel("leadership", 2), olive);
    expect(await client.command({ type: "agenda.carryOver", payload: { sourceMeetingId: seen } })).toMatchObject({ type: "reject", code: "stale" });
    expect(client.state!.agenda.order).toEqual([]);
  });
});
