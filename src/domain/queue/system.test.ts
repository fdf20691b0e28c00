import { describe, expect, it } from "vitest";
import { CommandSchema, type Command } from "../../protocol/commands.ts";
import type { EntryKind, QueuePolicy } from "../../protocol/vocabulary.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import { applyEvent } from "../meeting/apply.ts";
import { TestRoom, person } from "../testing/room.ts";
import { entryOfKind } from "./order.ts";
import { nextInRound } from "./rounds.ts";
import { decideSystem } from "./system.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");

const raise = (kind?: EntryKind): Command => ({ type: "queue.raiseHand", payload: kind ? { kind } : {} });
const grantNext: Command = { type: "floor.grantNext", payload: {} };

function annSpeaking(): TestRoom {
  const r = new TestRoom().join(org, ann, bo, cy);
  r.run(ann, raise());
  r.run(org, grantNext);
  return r;
}

/** The grace period ran out on the current turn: decides the server's command and folds its events into the room. */
function graceRunsOut(r: TestRoom, afterMs = 30_000): DomainEvent[] {
  const { userId, since } = r.state.floor!;
  r.wait(afterMs);
  const decision = decideSystem(r.state, { type: "floor.releaseDisconnected", userId, since }, r.now);
  if (!decision.ok) throw new Error(`the release was rejected: ${decision.rejection.message}`);
  r.log.push(...decision.events);
  r.state = decision.events.reduce(applyEvent, r.state);
  return decision.events;
}

describe("a disconnected speaker's floor after the grace period", () => {
  it("is released, recording why, when nobody waits", () => {
    const r = annSpeaking();
    const since = r.state.floor!.since;
    expect(graceRunsOut(r)).toEqual([
      { type: "floor.released", at: since + 30_000, audience: { kind: "everyone" }, payload: { userId: "ann", reason: "disconnected" } },
    ]);
    expect(r.state.floor).toBeNull();
    expect(r.state.turns.map((turn) => [turn.userId, turn.end - turn.start])).toEqual([["ann", 30_000]]);
  });

  it("passes to the next entry in the same batch as the release", () => {
    const r = annSpeaking();
    r.run(bo, raise());
    r.run(cy, raise());
    const at = r.now + 30_000;
    expect(graceRunsOut(r)).toEqual([
      { type: "floor.released", at, audience: { kind: "everyone" }, payload: { userId: "ann", reason: "disconnected" } },
      { type: "floor.granted", at, audience: { kind: "everyone" }, payload: { entryId: "h2", userId: "bo", grantedBy: null, kind: "newPoint" } },
    ]);
    expect(r.state.floor).toMatchObject({ userId: "bo", entryId: "h2", since: at });
    expect(Object.values(r.state.queue).map((entry) => entry.userId)).toEqual(["cy"]);
  });

  it("passes by entry type first, as the facilitator's grant next would", () => {
    const r = annSpeaking();
    r.run(bo, raise());
    r.run(cy, raise("clarifyingQuestion"));
    graceRunsOut(r);
    expect(r.state.floor).toMatchObject({ userId: "cy", kind: "clarifyingQuestion" });
  });

  it("passes by the current policy: progressive puts who has spoken least first", () => {
    /** Ann speaking; bo, who has already spoken, raised his hand before cy, who has not. */
    const boThenCyWaiting = (policy: QueuePolicy): TestRoom => {
      const r = new TestRoom().join(org, ann, bo, cy);
      r.run(org, { type: "queue.setPolicy", payload: { policy } });
      r.run(bo, raise());
      r.run(org, grantNext);
      r.wait(10_000).run(bo, { type: "floor.yield", payload: {} });
      r.run(ann, raise());
      r.run(org, grantNext);
      r.run(bo, raise());
      r.run(cy, raise());
      return r;
    };
    const progressive = boThenCyWaiting("progressive");
    graceRunsOut(progressive);
    expect(progressive.state.floor).toMatchObject({ userId: "cy" });
    const fifo = boThenCyWaiting("fifo");
    graceRunsOut(fifo);
    expect(fifo.state.floor).toMatchObject({ userId: "bo" });
  });

  it("passes over the dropped speaker's own entries and leaves them queued for their return", () => {
    const r = annSpeaking();
    r.run(ann, raise("pointOfOrder"));
    r.run(bo, raise());
    const annsPoint = entryOfKind(r.state, "ann", "pointOfOrder")!;
    graceRunsOut(r);
    expect(r.state.floor).toMatchObject({ userId: "bo" });
    expect(r.state.queue).toEqual({ [annsPoint.entryId]: annsPoint });
  });

  it("in a round, passes to the round's next person and completes the round after its last", () => {
    const r = new TestRoom().join(org, ann, bo);
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    r.run(org, { type: "round.start", payload: { startWith: "ann" } });
    r.run(org, grantNext);
    expect(r.state.rounds.current?.order).toEqual(["ann", "bo", "org"]);
    expect(graceRunsOut(r).map((event) => event.type)).toEqual(["floor.released", "floor.granted"]);
    expect(r.state.floor).toMatchObject({ userId: "bo", entryId: null, round: 1 });
    expect(graceRunsOut(r).map((event) => event.type)).toEqual(["floor.released", "floor.granted", "round.ended"]);
    expect(r.state.floor).toMatchObject({ userId: "org", round: 1 });
    expect(r.state.rounds.current).toBeNull();
  });

  it("in a round, leaves the dropped speaker's own round turn waiting for them", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    r.run(org, { type: "round.start", payload: { startWith: "bo" } });
    expect(r.state.rounds.current?.order).toEqual(["bo", "cy", "org", "ann"]);
    r.run(org, grantNext);
    r.run(bo, { type: "floor.yield", payload: {} });
    r.run(org, { type: "round.pass", payload: {} });
    // ann has the floor on a point of order: her round turn is still to come, after cy's
    r.run(ann, raise("pointOfOrder"));
    r.run(org, grantNext);
    expect(r.state.floor).toMatchObject({ userId: "ann", round: null });
    expect(graceRunsOut(r).map((event) => event.type)).toEqual(["floor.released", "floor.granted"]);
    expect(r.state.floor).toMatchObject({ userId: "cy", round: 1 });
    expect(r.state.rounds.current?.done).toEqual({ bo: "spoke", org: "passed", cy: "spoke" });
    expect(nextInRound(r.state)).toBe("ann");
  });

  it("is only released while the queue is closed, the entries kept for the facilitator", () => {
    const r = annSpeaking();
    r.run(bo, raise());
    r.run(org, { type: "queue.close", payload: {} });
    expect(graceRunsOut(r).map((event) => event.type)).toEqual(["floor.released"]);
    expect(r.state.floor).toBeNull();
    expect(Object.values(r.state.queue).map((entry) => entry.userId)).toEqual(["bo"]);
  });

  it("does nothing once the floor has moved on, even back to the same person", () => {
    const r = annSpeaking();
    const since = r.state.floor!.since;
    r.wait(1_000).run(ann, { type: "floor.yield", payload: {} });
    r.run(bo, raise());
    expect(decideSystem(r.state, { type: "floor.releaseDisconnected", userId: "ann", since }, r.now)).toEqual({ ok: true, events: [] });
    r.run(ann, raise());
    r.wait(1_000).run(org, { type: "floor.grant", payload: { entryId: entryOfKind(r.state, "ann", "newPoint")!.entryId } });
    expect(decideSystem(r.state, { type: "floor.releaseDisconnected", userId: "ann", since }, r.now)).toEqual({ ok: true, events: [] });
  });

  it("cannot be sent by a client", () => {
    expect(CommandSchema.safeParse({ type: "floor.releaseDisconnected", payload: { userId: "ann", since: 1 } }).success).toBe(false);
  });
});
