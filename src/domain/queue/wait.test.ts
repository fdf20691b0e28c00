import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Command } from "../../protocol/commands.ts";
import { ENTRY_KINDS, QUEUE_POLICIES } from "../../protocol/vocabulary.ts";
import { TestRoom, person } from "../testing/room.ts";
import { nextSpeaker } from "./order.ts";
import { DEFAULT_TURN_MS, estimatedWaitMs, typicalTurnMs, upcomingTurns } from "./wait.ts";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");
const cy = person("cy");
const MINUTE = 60_000;

/** Gives `speaker` a turn of `ms` through the queue. */
function speak(r: TestRoom, speaker: ReturnType<typeof person>, ms: number) {
  r.run(speaker, { type: "queue.raiseHand", payload: {} });
  r.run(org, { type: "floor.grantNext", payload: {} });
  r.wait(ms);
  r.run(speaker, { type: "floor.yield", payload: {} });
}

describe("typical turn length", () => {
  it("is the default before anything else is known, then the turn limit, then the median of finished turns", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    expect(typicalTurnMs(r.state)).toBe(DEFAULT_TURN_MS);
    r.run(org, { type: "floor.setTurnLimit", payload: { seconds: 90 } });
    expect(typicalTurnMs(r.state)).toBe(90_000);
    speak(r, ann, 1 * MINUTE);
    speak(r, bo, 10 * MINUTE);
    speak(r, cy, 3 * MINUTE);
    // one ten-minute speech does not make every turn look long
    expect(typicalTurnMs(r.state)).toBe(3 * MINUTE);
    speak(r, ann, 4 * MINUTE);
    expect(typicalTurnMs(r.state)).toBe(3.5 * MINUTE);
  });
});

describe("estimated wait", () => {
  it("adds what is left of the current turn to a typical turn per person ahead", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    r.run(org, { type: "floor.setTurnLimit", payload: { seconds: 120 } });
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.run(cy, { type: "queue.raiseHand", payload: {} });
    r.wait(30_000);
    expect(estimatedWaitMs(r.state, "bo", r.now)).toBe(90_000);
    expect(estimatedWaitMs(r.state, "cy", r.now)).toBe(90_000 + 120_000);
    expect(estimatedWaitMs(r.state, "org", r.now)).toBeNull();
  });

  it("expects the current turn to last a typical turn, or its limit when shorter, and counts nothing once it has", () => {
    const r = new TestRoom().join(org, ann, bo);
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.wait(30_000);
    expect(estimatedWaitMs(r.state, "bo", r.now)).toBe(DEFAULT_TURN_MS - 30_000);
    r.run(org, { type: "floor.setTurnLimit", payload: { seconds: 15 } });
    expect(estimatedWaitMs(r.state, "bo", r.now)).toBe(0);
    r.run(ann, { type: "floor.yield", payload: {} });
    // a generous limit is a ceiling: the current turn is expected to be as long as the last one was
    r.run(org, { type: "floor.setTurnLimit", payload: { seconds: 1_800 } });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.wait(10_000);
    expect(estimatedWaitMs(r.state, "ann", r.now)).toBe(20_000);
  });

  it("puts points of order first, then the round's remaining turns, then the rest of the queue", () => {
    const r = new TestRoom().join(org, ann, bo, cy);
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    r.run(org, { type: "round.start", payload: { startWith: "bo" } });
    r.run(cy, { type: "queue.raiseHand", payload: { kind: "pointOfOrder" } });
    expect(upcomingTurns(r.state).map((turn) => `${turn.userId}:${turn.entry?.kind ?? "round"}`)).toEqual([
      "cy:pointOfOrder",
      "bo:round",
      "cy:round",
      "org:round",
      "ann:round",
      "ann:newPoint",
    ]);
    expect(estimatedWaitMs(r.state, "ann", r.now)).toBe(4 * DEFAULT_TURN_MS);
  });

  it("agrees with who grantNext gives the floor to, and never shrinks further down the line (property)", () => {
    const users = [org, ann, bo, cy];
    const command = fc.oneof(
      fc.constantFrom(...ENTRY_KINDS).map<Command>((kind) => ({ type: "queue.raiseHand", payload: { kind } })),
      fc.constantFrom(...QUEUE_POLICIES).map<Command>((policy) => ({ type: "queue.setPolicy", payload: { policy } })),
      fc.constant<Command>({ type: "round.start", payload: {} }),
      fc.constant<Command>({ type: "round.pass", payload: {} }),
      fc.constant<Command>({ type: "floor.grantNext", payload: {} }),
      fc.constant<Command>({ type: "floor.yield", payload: {} }),
      fc.option(fc.integer({ min: 15, max: 600 }), { nil: null }).map<Command>((seconds) => ({ type: "floor.setTurnLimit", payload: { seconds } })),
    );
    const steps = fc.array(fc.record({ who: fc.nat(users.length - 1), command, dt: fc.nat(5 * MINUTE) }), { maxLength: 60 });
    fc.assert(
      fc.property(steps, (list) => {
        const r = new TestRoom().join(...users);
        for (const { who, command: sent, dt } of list) {
          r.wait(dt);
          // the organizer runs the room; attendees' commands it refuses leave the state as it was
          const actor = sent.type.startsWith("floor.grant") || sent.type.startsWith("queue.set") || sent.type === "round.start" ? org : users[who]!;
          if (r.attempt(actor, sent).ok) r.run(actor, sent);
          const upcoming = upcomingTurns(r.state);
          const next = nextSpeaker(r.state);
          expect(upcoming[0]?.userId ?? null).toBe(next?.userId ?? null);
          expect(upcoming[0]?.entry?.entryId ?? null).toBe(next?.entry?.entryId ?? null);
          const waits = users.map((user) => ({ user, wait: estimatedWaitMs(r.state, user.userId, r.now) }));
          for (const { user, wait } of waits) {
            const place = upcoming.findIndex((turn) => turn.userId === user.userId);
            expect(wait === null).toBe(place === -1);
            if (wait !== null) expect(wait).toBeGreaterThanOrEqual(0);
          }
          const inOrder = upcoming.map((turn) => estimatedWaitMs(r.state, turn.userId, r.now) ?? 0);
          const firstAppearance = upcoming.map((turn, index) => upcoming.findIndex((other) => other.userId === turn.userId) === index);
          const firsts = inOrder.filter((_, index) => firstAppearance[index]);
          for (let index = 1; index < firsts.length; index++) expect(firsts[index]!).toBeGreaterThanOrEqual(firsts[index - 1]!);
        }
      }),
      { numRuns: 150 },
    );
  });
});
