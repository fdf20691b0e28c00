import { afterEach, describe, expect, it } from "vitest";
import type { Audience } from "../../src/protocol/ids.ts";
import type { DomainEvent } from "../../src/protocol/events.ts";
import { person, startTestServer, type TestServer } from "../fixtures/testServer.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// The gateway sends each event only to those its audience names. Today's features emit only
// "everyone" events; private scores and facilitator-only figures will rely on this.
let harness: TestServer | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("per-recipient projection", () => {
  it("delivers an event only to the audience it names", async () => {
    harness = await startTestServer();
    const [avery, casey, devon] = [person("Avery"), person("Casey"), person("Devon")];
    const meetingId = "m-audience";
    const clients = new Map<string, TestClient>();
    for (const [who, role] of [[avery, "organizer"], [casey, "attendee"], [devon, "attendee"]] as const) {
      harness.seat(meetingId, who, role);
      const client = await TestClient.connect(harness.url, await harness.tokenFor(who));
      await client.hello(meetingId);
      expect(await client.command({ type: "meeting.join", payload: {} })).toMatchObject({ type: "ack" });
      clients.set(who.userId, client);
    }
    const [a, c, d] = [clients.get(avery.userId)!, clients.get(casey.userId)!, clients.get(devon.userId)!];
    await Promise.all([a, c, d].map((client) => client.next((message) => message.type === "event" && message.seq === 3)));

    const event = (audience: Audience): DomainEvent => ({
      type: "queue.handRaised",
      at: Date.now(),
      audience,
      payload: { entryId: "h-private", userId: casey.userId },
    });
    const key = { tenantId: casey.tenantId, meetingId };
    await harness.bus.publish({ key, events: [{ seq: 4, event: event({ kind: "participant", userId: casey.userId }) }] });
    await harness.bus.publish({ key, events: [{ seq: 5, event: event({ kind: "facilitators" }) }] });
    await harness.bus.publish({ key, events: [{ seq: 6, event: event({ kind: "everyone" }) }] });
    for (const client of [a, c, d]) await client.next((message) => message.type === "event" && message.seq === 6);

    const seqsSeenBy = (client: TestClient) => client.messages.filter((message) => message.type === "event").map((message) => (message as { seq: number }).seq);
    expect(seqsSeenBy(c)).toContain(4);
    expect(seqsSeenBy(a)).not.toContain(4);
    expect(seqsSeenBy(d)).not.toContain(4);
    expect(seqsSeenBy(a)).toContain(5);
    expect(seqsSeenBy(c)).not.toContain(5);
    expect(seqsSeenBy(d)).not.toContain(5);
  });
});
