import { describe, expect, it } from "vitest";
import type { Command } from "../../protocol/commands.ts";
import type { EntryKind } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { entryOfKind, nextSpeaker } from "./order.ts";
import { turnClock } from "./floorTime.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");
const di = person("di");

const raise = (kind?: EntryKind): Command => ({ type: "queue.raiseHand", payload: kind ? { kind } : {} });
const grantNext = (payload: { expectedEntryId?: string; expectedUserId?: string } = {}): Command => ({ type: "floor.grantNext", payload });
const yieldFloor: Command = { type: "floor.yield", payload: {} };
const startRound = (startWith?: string): Command => ({ type: "round.start", payload: startWith ? { startWith } : {} });
const pass = (userId?: string): Command => ({ type: "round.pass", payload: userId ? { userId } : {} });

function roundRobinRoom(): TestRoom {
  const r = new TestRoom().join(org, ann, bo, cy);
  r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
  return r;
}

describe("giving the floor", () => {
  it("refuses a grant when nobody waits, and a stale one when the next person changed", () => {
    const r = new TestRoom().join(org, ann, bo);
    expect(r.attempt(org, grantNext())).toMatchObject({ ok: false, rejection: { code: "queueEmpty" } });
    r.run(ann, raise());
    const seen = entryOfKind(r.state, "ann", "newPoint")!.entryId;
    r.run(bo, raise("pointOfOrder"));
    expect(r.attempt(org, grantNext({ expectedEntryId: seen }))).toMatchObject({ ok: false, rejection: { code: "stale" } });
    expect(r.attempt(org, grantNext({ expectedUserId: "ann" }))).toMatchObject({ ok: false, rejection: { code: "stale" } });
    r.run(org, grantNext({ expectedUserId: "bo" }));
    expect(r.state.floor).toMatchObject({ userId: "bo", kind: "pointOfOrder" });
  });

  it("gives the floor to a chosen entry anywhere in the queue, ending the current turn", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    r.run(ann, raise());
    r.run(bo, raise());
    r.run(cy, raise());
    r.run(org, grantNext());
    const events = r.run(org, { type: "floor.grant", payload: { entryId: entryOfKind(r.state, "cy", "newPoint")!.entryId } });
    expect(events).toMatchObject([
      { type: "floor.released", payload: { userId: "ann", reason: "nextGranted" } },
      { type: "floor.granted", payload: { userId: "cy" } },
    ]);
    expect(Object.values(r.state.queue).map((entry) => entry.userId)).toEqual(["bo"]);
    expect(r.attempt(ann, { type: "floor.grant", payload: { entryId: entryOfKind(r.state, "bo", "newPoint")!.entryId } })).toMatchObject({
      ok: false,
      rejection: { code: "forbidden" },
    });
    expect(r.attempt(org, { type: "floor.grant", payload: { entryId: "h404" } })).toMatchObject({ ok: false, rejection: { code: "notQueued" } });
  });

  it("records each finished turn with the item that was current when it was granted", () => {
    const r = new TestRoom().join(org, ann);
    const itemId = r.addItem(org, "Pricing");
    r.run(ann, raise());
    r.run(org, grantNext());
    r.run(org, { type: "meeting.start", payload: {} });
    r.wait(5_000).run(ann, yieldFloor);
    r.run(ann, raise());
    r.run(org, grantNext());
    r.wait(7_000).run(org, yieldFloor);
    expect(r.state.turns.map(({ userId, itemId: item, start, end }) => [userId, item, end - start])).toEqual([
      ["ann", null, 5_000],
      ["ann", itemId, 7_000],
    ]);
  });

  it("lets the speaker yield and a facilitator end a turn, nobody else", () => {
    const r = new TestRoom().join(org, ann, bo);
    expect(r.attempt(ann, yieldFloor)).toMatchObject({ ok: false, rejection: { code: "noSpeaker" } });
    r.run(ann, raise());
    r.run(org, grantNext());
    expect(r.attempt(bo, yieldFloor)).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(r.attempt(org, yieldFloor)).toMatchObject({ ok: true, events: [{ payload: { reason: "endedByFacilitator" } }] });
    expect(r.attempt(ann, yieldFloor)).toMatchObject({ ok: true, events: [{ payload: { reason: "yielded" } }] });
  });
});

describe("the turn timer", () => {
  /** A running meeting whose current item has `cy` as timekeeper. */
  function timedRoom(): TestRoom {
    const r = new TestRoom().join(org, ann, bo, cy);
    const itemId = r.addItem(org, "Pricing");
    r.run(org, { type: "roles.assign", payload: { itemId, role: "timekeeper", userId: "cy" } });
    r.run(org, { type: "meeting.start", payload: {} });
    return r;
  }

  it("lets the timekeeper and facilitators set the turn limit, nobody else", () => {
    const r = timedRoom();
    const limit = (seconds: number | null): Command => ({ type: "floor.setTurnLimit", payload: { seconds } });
    expect(r.attempt(ann, limit(120))).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(cy, limit(120));
    expect(r.state.queueSettings.turnLimitSeconds).toBe(120);
    expect(r.attempt(cy, limit(120))).toEqual({ ok: true, events: [] });
    r.run(org, limit(null));
    expect(r.state.queueSettings.turnLimitSeconds).toBeNull();
  });

  it("extends only a current turn under a limit, and the clock counts the extension", () => {
    const r = timedRoom();
    const extend: Command = { type: "floor.extendTurn", payload: { seconds: 30 } };
    expect(r.attempt(cy, extend)).toMatchObject({ ok: false, rejection: { code: "noSpeaker" } });
    r.run(ann, raise());
    r.run(org, grantNext());
    expect(r.attempt(cy, extend)).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(cy, { type: "floor.setTurnLimit", payload: { seconds: 60 } });
    expect(r.attempt(bo, extend)).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.wait(70_000);
    expect(turnClock(r.state, r.now)).toMatchObject({ userId: "ann", elapsedMs: 70_000, limitMs: 60_000, remainingMs: -10_000, isOverLimit: true });
    r.run(cy, extend);
    expect(turnClock(r.state, r.now)).toMatchObject({ limitMs: 90_000, remainingMs: 20_000, isOverLimit: false });
    // the next turn starts without the extension
    r.run(bo, raise());
    r.run(org, grantNext());
    expect(turnClock(r.state, r.now)).toMatchObject({ userId: "bo", limitMs: 60_000 });
  });

  it("has no clock when nobody has the floor, and no limit until one is set", () => {
    const r = new TestRoom().join(org, ann);
    expect(turnClock(r.state, r.now)).toBeNull();
    r.run(ann, raise());
    r.run(org, grantNext());
    expect(turnClock(r.wait(1_000).state, r.now)).toEqual({ userId: "ann", since: r.now - 1_000, elapsedMs: 1_000, limitMs: null, remainingMs: null, isOverLimit: false });
  });
});

describe("rounds", () => {
  it("start only under the round-robin policy, by a facilitator, one at a time", () => {
    const r = new TestRoom().join(org, ann);
    expect(r.attempt(org, startRound())).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    expect(r.attempt(ann, startRound())).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    expect(r.attempt(org, startRound("ghost"))).toMatchObject({ ok: false, rejection: { code: "unknownParticipant" } });
    r.run(org, startRound());
    expect(r.attempt(org, startRound())).toMatchObject({ ok: false, rejection: { code: "roundInProgress" } });
  });

  it("give everyone present one turn, in join order from the starter, then end by themselves", () => {
    const r = roundRobinRoom();
    r.run(org, startRound("bo"));
    expect(r.state.rounds.current?.order).toEqual(["bo", "cy", "org", "ann"]);
    const granted: string[] = [];
    for (let turn = 0; turn < 4; turn++) {
      const events = r.run(org, grantNext());
      granted.push(events.find((event) => event.type === "floor.granted")!.payload.userId);
    }
    expect(granted).toEqual(["bo", "cy", "org", "ann"]);
    expect(r.state.rounds.current).toBeNull();
    expect(r.log.at(-1)).toMatchObject({ type: "round.ended", payload: { reason: "complete", by: null } });
    expect(r.state.floor).toMatchObject({ userId: "ann", entryId: null, round: 1 });
  });

  it("start each round from someone other than the last round's first speaker", () => {
    const r = roundRobinRoom();
    const starters: string[] = [];
    for (let round = 0; round < 5; round++) {
      r.run(org, startRound());
      starters.push(r.state.rounds.current!.order[0]!);
      r.run(org, { type: "round.end", payload: {} });
    }
    // everyone joined in the same millisecond, so the base order is by id
    expect(starters).toEqual(["ann", "bo", "cy", "org", "ann"]);
  });

  it("let people pass for themselves, or a facilitator for them; passing is their turn", () => {
    const r = roundRobinRoom();
    r.run(org, startRound("org"));
    expect(r.attempt(ann, pass("bo"))).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(ann, pass());
    r.run(org, pass("bo"));
    expect(r.attempt(ann, pass())).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    expect(nextSpeaker(r.state)).toMatchObject({ userId: "org" });
    r.run(org, grantNext());
    expect(nextSpeaker(r.state)).toMatchObject({ userId: "cy" });
    r.run(cy, pass());
    expect(r.state.rounds.current).toBeNull();
    expect(r.log.at(-1)).toMatchObject({ type: "round.ended", payload: { reason: "complete" } });
  });

  it("leave out whoever joins after the start, and drop whoever leaves", () => {
    const r = roundRobinRoom();
    r.run(org, startRound("org"));
    r.join(di);
    expect(r.attempt(di, pass())).toMatchObject({ ok: false, rejection: { code: "invalidState" } });
    r.run(ann, { type: "meeting.leave", payload: {} });
    expect(r.state.rounds.current?.order).toEqual(["org", "bo", "cy"]);
    r.run(org, grantNext());
    r.run(bo, pass());
    const events = r.run(cy, { type: "meeting.leave", payload: {} });
    expect(events.map((event) => event.type)).toEqual(["meeting.participantLeft", "round.ended"]);
    expect(r.state.rounds.current).toBeNull();
  });

  it("can be ended early by a facilitator, and refuse a pass when none is under way", () => {
    const r = roundRobinRoom();
    expect(r.attempt(org, { type: "round.end", payload: {} })).toMatchObject({ ok: false, rejection: { code: "noRound" } });
    expect(r.attempt(ann, pass())).toMatchObject({ ok: false, rejection: { code: "noRound" } });
    r.run(org, startRound());
    expect(r.attempt(ann, { type: "round.end", payload: {} })).toMatchObject({ ok: false, rejection: { code: "forbidden" } });
    r.run(org, { type: "round.end", payload: {} });
    expect(r.log.at(-1)).toMatchObject({ type: "round.ended", payload: { reason: "endedByFacilitator", by: "org" } });
  });

  it("let a point of order go first without using up anyone's round turn", () => {
    const r = roundRobinRoom();
    r.run(org, startRound("ann"));
    r.run(cy, raise("pointOfOrder"));
    r.run(org, grantNext());
    expect(r.state.floor).toMatchObject({ userId: "cy", round: null });
    expect(r.state.rounds.current?.done).toEqual({});
    r.run(org, grantNext());
    expect(r.state.floor).toMatchObject({ userId: "ann", round: 1 });
  });
});
