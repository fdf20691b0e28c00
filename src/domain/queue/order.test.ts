import { describe, expect, it } from "vitest";
import type { EntryKind } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { PROGRESSIVE_FLOOR_WEIGHT, nextSpeaker, openEntryOf, orderedQueue, placeInQueue } from "./order.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");
const di = person("di");

const raise = (kind?: EntryKind, topic?: string) => ({
  type: "queue.raiseHand" as const,
  payload: { ...(kind ? { kind } : {}), ...(topic ? { topic } : {}) },
});
const who = (room: TestRoom) => orderedQueue(room.state).map((entry) => `${entry.userId}:${entry.kind}`);

/** Gives `speaker` a turn of `ms`: raise, grant, wait, yield. */
function speak(room: TestRoom, speaker: ReturnType<typeof person>, ms: number): void {
  const [raised] = room.run(speaker, raise("clarifyingQuestion"));
  if (raised?.type !== "queue.handRaised") throw new Error("no hand raised");
  room.run(org, { type: "floor.grant", payload: { entryId: raised.payload.entryId } });
  room.wait(ms).run(speaker, { type: "floor.yield", payload: {} });
}

describe("the speaking order", () => {
  it("puts points of order first, then clarifying questions, replies and new points, each in arrival order", () => {
    const room = new TestRoom().join(org, ann, bo, cy, di);
    room.run(ann, raise());
    room.run(org, { type: "floor.grantNext", payload: {} });
    room.run(bo, raise("newPoint"));
    room.run(cy, raise("reply"));
    room.run(di, raise("clarifyingQuestion"));
    room.run(bo, raise("pointOfOrder"));
    room.run(di, raise("reply"));
    expect(who(room)).toEqual(["bo:pointOfOrder", "di:clarifyingQuestion", "cy:reply", "di:reply", "bo:newPoint"]);
    expect(placeInQueue(room.state, "di")).toBe(2);
    expect(openEntryOf(room.state, "bo")?.kind).toBe("pointOfOrder");
  });

  it("orders a kind by least floor time first under the progressive policy, ties by arrival", () => {
    const room = new TestRoom().join(org, ann, bo, cy);
    speak(room, ann, 90_000);
    speak(room, bo, 30_000);
    room.run(ann, raise());
    room.run(bo, raise());
    room.run(cy, raise());
    expect(who(room)).toEqual(["ann:newPoint", "bo:newPoint", "cy:newPoint"]);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "progressive" } });
    expect(who(room)).toEqual(["cy:newPoint", "bo:newPoint", "ann:newPoint"]);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "fifo" } });
    expect(who(room)).toEqual(["ann:newPoint", "bo:newPoint", "cy:newPoint"]);
  });

  it("lets someone who has spoken more pass newcomers only after waiting four times their extra floor time", () => {
    const room = new TestRoom().join(org, ann, bo, cy);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "progressive" } });
    speak(room, ann, 60_000);
    room.run(ann, raise());
    // bo raises with no floor time within ann's four minutes (4 × 1 minute): bo goes first
    room.wait(3 * 60_000);
    room.run(bo, raise());
    expect(who(room)).toEqual(["bo:newPoint", "ann:newPoint"]);
    // cy raises after those four minutes: ann has waited long enough to stay ahead of cy
    room.wait(2 * 60_000);
    room.run(cy, raise());
    expect(who(room)).toEqual(["bo:newPoint", "ann:newPoint", "cy:newPoint"]);
    expect(PROGRESSIVE_FLOOR_WEIGHT).toBe(4);
  });

  it("keeps types ahead of floor time under the progressive policy", () => {
    const room = new TestRoom().join(org, ann, bo);
    speak(room, ann, 90_000);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "progressive" } });
    room.run(bo, raise());
    room.run(ann, raise("clarifyingQuestion"));
    expect(who(room)).toEqual(["ann:clarifyingQuestion", "bo:newPoint"]);
  });

  it("does not count the current turn, so the order does not change while someone speaks", () => {
    const room = new TestRoom().join(org, ann, bo);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "progressive" } });
    room.run(ann, raise());
    room.run(bo, raise());
    room.run(org, { type: "floor.grantNext", payload: {} });
    room.run(ann, raise());
    const before = who(room);
    room.wait(600_000);
    expect(who(room)).toEqual(before);
    expect(before).toEqual(["bo:newPoint", "ann:newPoint"]);
  });

  it("puts a facilitator's placed entries ahead of the policy's order within their kind", () => {
    const room = new TestRoom().join(org, ann, bo, cy, di);
    for (const speaker of [ann, bo, cy, di]) room.run(speaker, raise());
    const id = (userId: string) => Object.values(room.state.queue).find((entry) => entry.userId === userId)!.entryId;
    room.run(org, { type: "queue.moveEntry", payload: { entryId: id("cy"), beforeEntryId: id("bo") } });
    expect(who(room)).toEqual(["ann:newPoint", "cy:newPoint", "bo:newPoint", "di:newPoint"]);
    room.run(org, { type: "queue.moveEntry", payload: { entryId: id("di") } });
    expect(who(room)).toEqual(["di:newPoint", "ann:newPoint", "cy:newPoint", "bo:newPoint"]);
    // placed entries keep their places whatever the policy says afterwards
    room.run(org, { type: "queue.setPolicy", payload: { policy: "progressive" } });
    expect(who(room)).toEqual(["di:newPoint", "ann:newPoint", "cy:newPoint", "bo:newPoint"]);
  });

  it("names a point of order as next even during a round, then the round's next person, then the queue", () => {
    const room = new TestRoom().join(org, ann, bo);
    room.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    room.run(ann, raise());
    room.run(org, { type: "round.start", payload: { startWith: "bo" } });
    expect(nextSpeaker(room.state)).toMatchObject({ userId: "bo", entry: null, round: 1 });
    room.run(ann, raise("pointOfOrder"));
    expect(nextSpeaker(room.state)).toMatchObject({ userId: "ann", entry: { kind: "pointOfOrder" } });
    room.run(org, { type: "round.end", payload: {} });
    room.run(ann, { type: "queue.lowerHand", payload: { entryId: openEntryOf(room.state, "ann")!.entryId } });
    expect(nextSpeaker(room.state)).toMatchObject({ userId: "ann", entry: { kind: "newPoint" } });
  });
});
