import { createHash, type Hash } from "node:crypto";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { applyEvent, orderedQueue, type MeetingState } from "../../src/domain/index.ts";
import { ENTRY_KINDS } from "../../src/protocol/vocabulary.ts";
import { DomainEventSchema, PROTOCOL_VERSION, WS_BEARER_PREFIX, WS_PATH, WS_SUBPROTOCOL } from "../../src/protocol/index.ts";
import { person, startTestServer, type TestPerson, type TestServer } from "../fixtures/testServer.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// Teams' interactive limit: 1,000 people in one meeting raise their hands in the same moment.
// Every command must be acknowledged, and every client must end with the identical queue: the same
// events, in the same order, with nothing lost or doubled.
const PARTICIPANTS = 1_000;
const MEETING = "m-burst";

/** A bare participant socket: records the events it receives as raw frames, and its own command's answer. */
interface Participant {
  who: TestPerson;
  socket: WebSocket;
  seqs: number[];
  digest: Hash;
  frames: string[] | null;
  answer: string | null;
}

let harness: TestServer | undefined;
afterAll(async () => {
  await harness?.close();
});

function connectParticipant(test: TestServer, who: TestPerson, token: string, lastSeq: number, keepFrames: boolean): Promise<Participant> {
  const socket = new WebSocket(test.url.replace(/^http/, "ws") + WS_PATH, [WS_SUBPROTOCOL, WS_BEARER_PREFIX + token]);
  const participant: Participant = { who, socket, seqs: [], digest: createHash("sha256"), frames: keepFrames ? [] : null, answer: null };
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("open", () => socket.send(JSON.stringify({ type: "hello", protocolVersion: PROTOCOL_VERSION, meetingId: MEETING, lastSeq })));
    socket.on("message", (data) => {
      const text = (data as Buffer).toString("utf8");
      const message = JSON.parse(text) as { type: string; seq?: number; commandId?: string };
      if (message.type === "welcome") resolve(participant);
      else if (message.type === "event") {
        participant.seqs.push(message.seq!);
        participant.digest.update(text).update("\n");
        participant.frames?.push(text);
      } else if (message.commandId === `raise-${who.userId}`) participant.answer = message.type;
    });
  });
}

describe("a thousand hands raised at once", () => {
  it("acknowledges every one and brings every client to the identical queue", { timeout: 180_000 }, async () => {
    harness = await startTestServer();
    const test = harness;
    const organizer = person("Olu Organizer");
    const crowd = Array.from({ length: PARTICIPANTS }, (_, index) => person(`Participant ${index + 1}`));
    test.seat(MEETING, organizer, "organizer");
    for (const who of crowd) test.seat(MEETING, who, "attendee");

    // everyone joins before anyone is connected: setup, not the burst under test
    const key = { tenantId: organizer.tenantId, meetingId: MEETING };
    for (const who of [organizer, ...crowd]) {
      const joinedAs = { userId: who.userId, displayName: who.displayName, meetingRole: who === organizer ? ("organizer" as const) : ("attendee" as const) };
      await test.server.meetings.execute(key, joinedAs, `join-${who.userId}`, { type: "meeting.join", payload: {} });
    }
    const observer = await TestClient.connect(test.url, await test.tokenFor(organizer));
    await observer.hello(MEETING);
    const before: MeetingState = observer.state!;
    const startSeq = observer.lastSeq;
    expect(Object.keys(before.participants)).toHaveLength(PARTICIPANTS + 1);

    const tokens = await Promise.all(crowd.map((who) => test.tokenFor(who)));
    const participants: Participant[] = [];
    for (let start = 0; start < PARTICIPANTS; start += 50) {
      const batch = crowd.slice(start, start + 50).map((who, offset) => connectParticipant(test, who, tokens[start + offset]!, startSeq, start + offset === 0));
      participants.push(...(await Promise.all(batch)));
    }

    // the burst: every hand, of every kind, sent at once
    participants.forEach(({ socket, who }, index) => {
      const kind = ENTRY_KINDS[index % ENTRY_KINDS.length]!;
      // a reply needs a speaker; there is none, so those raise new points with a topic instead
      const payload = kind === "reply" ? { topic: `Point ${index}` } : { kind };
      socket.send(JSON.stringify({ type: "command", commandId: `raise-${who.userId}`, command: { type: "queue.raiseHand", payload } }));
    });
    const lastSeq = startSeq + PARTICIPANTS;
    await expect
      .poll(() => participants.filter((p) => p.answer !== null && p.seqs.at(-1) === lastSeq).length, { timeout: 150_000, interval: 200 })
      .toBe(PARTICIPANTS);
    await observer.next((message) => message.type === "event" && message.seq === lastSeq, 10_000);

    expect(participants.filter((p) => p.answer !== "ack")).toEqual([]);
    const expectedSeqs = Array.from({ length: PARTICIPANTS }, (_, index) => startSeq + 1 + index);
    for (const { seqs } of participants) expect(seqs).toEqual(expectedSeqs);
    const digests = new Set(participants.map(({ digest }) => digest.digest("hex")));
    expect(digests.size).toBe(1);

    // what every client received, folded as the tab folds it
    const events = participants[0]!.frames!.map((frame) => DomainEventSchema.parse((JSON.parse(frame) as { event: unknown }).event));
    const folded = events.reduce(applyEvent, before);
    const server = await test.server.meetings.view(key);
    const queue = orderedQueue(server.state);
    expect(orderedQueue(folded)).toEqual(queue);
    expect(orderedQueue(observer.state!)).toEqual(queue);

    // one entry per person, none lost, none doubled, kinds in order
    expect(queue).toHaveLength(PARTICIPANTS);
    expect(new Set(queue.map((entry) => entry.userId))).toEqual(new Set(crowd.map((who) => who.userId)));
    expect(new Set(queue.map((entry) => entry.entryId)).size).toBe(PARTICIPANTS);
    expect(queue.map((entry) => entry.kind)).toEqual([...queue.map((entry) => entry.kind)].sort((a, b) => ENTRY_KINDS.indexOf(a) - ENTRY_KINDS.indexOf(b)));

    for (const { socket } of participants) socket.terminate();
    observer.close();
  });
});
