import { describe, expect, it } from "vitest";
import type { Command } from "../../protocol/commands.ts";
import type { EntryKind } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { entryOfKind, orderedQueue } from "./order.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");

const raise = (kind?: EntryKind, topic?: string): Command => ({
  type: "queue.raiseHand",
  payload: { ...(kind ? { kind } : {}), ...(topic !== undefined ? { topic } : {}) },
});
const who = (room: TestRoom) => orderedQueue(room.state).map((entry) => `${entry.userId}:${entry.kind}`);
const entryId = (room: TestRoom, userId: string, kind: EntryKind = "newPoint") => entryOfKind(room.state, userId, kind)!.entryId;

function room(): TestRoom {
  return new TestRoom().join(org, ann, bo, cy);
}

describe("raising a hand", () => {
  it("raises a new point when no kind is given, and one entry of each kind per person", () => {
    const r = room();
    const [event] = r.run(ann, raise());
    expect(event).toMatchObject({ type: "queue.handRaised", payload: { userId: "ann", kind: "newPoint" } });
    expect(r.attempt(ann, raise("newPoint"))).toMatchObject({ ok: false, rejection: { code: "alreadyQueued", message: "Your hand is already raised." } });
    r.run(ann, raise("clarifyingQuestion"));
    expect(r.attempt(ann, raise("clarifyingQuestion"))).toMatchObject({ ok: false, rejection: { code: "alreadyQueued", message: expect.stringContaining("clarifying question") } });
    expect(who(r)).toEqual(["ann:clarifyingQuestion", "ann:newPoint"]);
  });

  it("refuses everything but points of order while the queue is closed", () => {
    const r = room();
    r.run(org, { type: "queue.close", payload: {} });
    expect(r.state.queueSettings.isClosed).toBe(true);
    for (const kind of ["newPoint", "clarifyingQuestion"] as const) {
      expect(r.attempt(ann, raise(kind))).toMatchObject({ ok: false, rejection: { code: "queueClosed" } });
    }
    r.run(ann, raise("pointOfOrder"));
    r.run(org, { type: "queue.reopen", payload: {} });
    r.run(ann, raise());
    expect(who(r)).toEqual(["ann:pointOfOrder", "ann:newPoint"]);
  });

  it("takes a reply only while someone else has the floor", () => {
    const r = room();
    expect(r.attempt(ann, raise("reply"))).toMatchObject({ ok: false, rejection: { code: "noSpeaker" } });
    r.run(bo, raise());
    r.run(org, { type: "floor.grantNext", payload: {} });
    expect(r.attempt(bo, raise("reply"))).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(ann, raise("reply"));
    expect(who(r)).toEqual(["ann:reply"]);
  });

  it("keeps a topic, trimmed, and drops a blank one", () => {
    const r = room();
    r.run(ann, raise(undefined, "  Pricing  "));
    r.run(bo, raise(undefined, "   "));
    expect(r.state.queue[entryId(r, "ann")]?.topic).toBe("Pricing");
    expect(r.state.queue[entryId(r, "bo")]).not.toHaveProperty("topic");
  });
});

describe("changing an entry", () => {
  it("changes the topic in place, and removes it when the new topic is empty", () => {
    const r = room();
    r.run(ann, raise(undefined, "Pricing"));
    r.run(bo, raise());
    r.run(ann, { type: "queue.changeEntry", payload: { entryId: entryId(r, "ann"), topic: "Margins" } });
    expect(orderedQueue(r.state).map((entry) => [entry.userId, entry.topic])).toEqual([["ann", "Margins"], ["bo", undefined]]);
    r.run(ann, { type: "queue.changeEntry", payload: { entryId: entryId(r, "ann"), topic: "" } });
    expect(r.state.queue[entryId(r, "ann")]).not.toHaveProperty("topic");
  });

  it("moves a changed kind to the back of that kind's line", () => {
    const r = room();
    r.run(ann, raise());
    r.run(bo, raise("clarifyingQuestion"));
    r.run(cy, raise());
    r.run(cy, { type: "queue.changeEntry", payload: { entryId: entryId(r, "cy"), kind: "clarifyingQuestion" } });
    r.run(ann, { type: "queue.changeEntry", payload: { entryId: entryId(r, "ann"), kind: "clarifyingQuestion" } });
    expect(who(r)).toEqual(["bo:clarifyingQuestion", "cy:clarifyingQuestion", "ann:clarifyingQuestion"]);
  });

  it("refuses a kind the person already holds, a closed queue, and someone else's entry", () => {
    const r = room();
    r.run(ann, raise());
    r.run(ann, raise("clarifyingQuestion"));
    const change = (kind: EntryKind): Command => ({ type: "queue.changeEntry", payload: { entryId: entryId(r, "ann"), kind } });
    expect(r.attempt(ann, change("clarifyingQuestion"))).toMatchObject({ ok: false, rejection: { code: "alreadyQueued" } });
    expect(r.attempt(bo, change("pointOfOrder"))).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(org, { type: "queue.close", payload: {} });
    expect(r.attempt(ann, change("reply"))).toMatchObject({ ok: false, rejection: { code: "queueClosed" } });
    r.run(ann, change("pointOfOrder"));
    expect(who(r)).toEqual(["ann:pointOfOrder", "ann:clarifyingQuestion"]);
  });

  it("produces nothing when nothing changes", () => {
    const r = room();
    r.run(ann, raise(undefined, "Pricing"));
    expect(r.attempt(ann, { type: "queue.changeEntry", payload: { entryId: entryId(r, "ann"), kind: "newPoint", topic: "Pricing" } })).toEqual({ ok: true, events: [] });
  });
});

describe("arranging the queue", () => {
  const facilitatorOnly: [string, (r: TestRoom) => Command][] = [
    ["set the policy", () => ({ type: "queue.setPolicy", payload: { policy: "progressive" } })],
    ["move an entry", (r) => ({ type: "queue.moveEntry", payload: { entryId: entryId(r, "bo") } })],
    ["skip an entry", (r) => ({ type: "queue.skip", payload: { entryId: entryId(r, "ann") } })],
    ["remove an entry", (r) => ({ type: "queue.removeEntry", payload: { entryId: entryId(r, "ann") } })],
    ["clear the queue", () => ({ type: "queue.clear", payload: {} })],
    ["close the queue", () => ({ type: "queue.close", payload: {} })],
    ["invite someone", () => ({ type: "queue.invite", payload: { userId: "cy" } })],
  ];
  for (const [what, command] of facilitatorOnly) {
    it(`lets only a facilitator ${what}`, () => {
      const r = room();
      r.run(ann, raise());
      r.run(bo, raise());
      expect(r.attempt(ann, command(r))).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
      expect(r.attempt(org, command(r))).toMatchObject({ ok: true });
    });
  }

  it("places an entry only among its own kind", () => {
    const r = room();
    r.run(ann, raise());
    r.run(bo, raise("clarifyingQuestion"));
    const move = (beforeEntryId: string): Command => ({ type: "queue.moveEntry", payload: { entryId: entryId(r, "ann"), beforeEntryId } });
    expect(r.attempt(org, move(entryId(r, "bo", "clarifyingQuestion")))).toMatchObject({ ok: false, rejection: { code: "invalidInput" } });
    expect(r.attempt(org, move(entryId(r, "ann")))).toMatchObject({ ok: false, rejection: { code: "invalidInput" } });
    expect(r.attempt(org, move("h404"))).toMatchObject({ ok: false, rejection: { code: "notQueued" } });
  });

  it("passes over a skipped entry: it goes behind the next one of its kind", () => {
    const r = room();
    r.run(ann, raise());
    r.run(bo, raise());
    r.run(cy, raise());
    r.run(org, { type: "queue.skip", payload: { entryId: entryId(r, "ann") } });
    expect(who(r)).toEqual(["bo:newPoint", "ann:newPoint", "cy:newPoint"]);
    r.run(org, { type: "queue.skip", payload: { entryId: entryId(r, "ann") } });
    expect(who(r)).toEqual(["bo:newPoint", "cy:newPoint", "ann:newPoint"]);
    expect(r.attempt(org, { type: "queue.skip", payload: { entryId: entryId(r, "ann") } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("removes an entry, recording who removed it, and clears the whole queue", () => {
    const r = room();
    r.run(ann, raise());
    r.run(bo, raise("pointOfOrder"));
    const [removed] = r.run(org, { type: "queue.removeEntry", payload: { entryId: entryId(r, "ann") } });
    expect(removed).toMatchObject({ type: "queue.handLowered", payload: { userId: "ann", reason: "removed", by: "org" } });
    r.run(org, { type: "queue.clear", payload: {} });
    expect(r.state.queue).toEqual({});
    expect(r.attempt(org, { type: "queue.clear", payload: {} })).toEqual({ ok: true, events: [] });
  });

  it("invites a quiet person first among new points, raising a hand for them", () => {
    const r = room();
    r.run(ann, raise());
    r.run(bo, raise("clarifyingQuestion"));
    const events = r.run(org, { type: "queue.invite", payload: { userId: "cy" } });
    expect(events.map((event) => event.type)).toEqual(["queue.handRaised", "queue.entryMoved"]);
    expect(who(r)).toEqual(["bo:clarifyingQuestion", "cy:newPoint", "ann:newPoint"]);
    expect(r.state.queue[entryId(r, "cy")]?.invitedBy).toBe("org");
    // an existing hand is moved up rather than doubled
    r.run(org, { type: "queue.invite", payload: { userId: "ann" } });
    expect(who(r)).toEqual(["bo:clarifyingQuestion", "ann:newPoint", "cy:newPoint"]);
  });

  it("invites only someone present who does not have the floor", () => {
    const r = room();
    r.run(cy, { type: "meeting.leave", payload: {} });
    expect(r.attempt(org, { type: "queue.invite", payload: { userId: "cy" } })).toMatchObject({ ok: false, rejection: { code: "unknownParticipant" } });
    r.run(ann, raise());
    r.run(org, { type: "floor.grantNext", payload: {} });
    expect(r.attempt(org, { type: "queue.invite", payload: { userId: "ann" } })).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
  });

  it("ends a round under way when the policy leaves round-robin", () => {
    const r = room();
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    r.run(org, { type: "round.start", payload: {} });
    const events = r.run(org, { type: "queue.setPolicy", payload: { policy: "fifo" } });
    expect(events.map((event) => event.type)).toEqual(["queue.policySet", "round.ended"]);
    expect(r.state.rounds.current).toBeNull();
  });
});

describe("leaving", () => {
  it("removes every entry the person holds", () => {
    const r = room();
    r.run(ann, raise());
    r.run(ann, raise("pointOfOrder"));
    r.run(bo, raise());
    r.run(ann, { type: "meeting.leave", payload: {} });
    expect(who(r)).toEqual(["bo:newPoint"]);
  });
});
