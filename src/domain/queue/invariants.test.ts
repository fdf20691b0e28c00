import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DomainEventSchema } from "../../protocol/events.ts";
import type { MeetingRole } from "../../protocol/ids.ts";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { QUEUE_POLICIES, type QueuePolicy } from "../../protocol/vocabulary.ts";
import type { MeetingState } from "../meeting/state.ts";
import { floorTimeOf, totalFloorMs } from "./floorTime.ts";
import { orderedQueue } from "./order.ts";
import { expectOrderFollowsRules, expectRoundsFair, queueStepArbitrary, runSteps, type Step } from "./testing/queueSteps.ts";

const people: { userId: string; meetingRole: MeetingRole }[] = [
  { userId: "p0", meetingRole: "organizer" },
  { userId: "p1", meetingRole: "presenter" },
  { userId: "p2", meetingRole: "attendee" },
  { userId: "p3", meetingRole: "attendee" },
  { userId: "p4", meetingRole: "attendee" },
  { userId: "p5", meetingRole: "attendee" },
];
const userIds = people.map((who) => who.userId);

const stepsArbitrary = fc.array(
  fc.record({
    // the organizer runs the room, so acts more often
    person: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: people.length - 1 })),
    command: queueStepArbitrary(userIds),
    dt: fc.nat(90_000),
  }),
  { maxLength: 150, size: "max" },
);

/** Runs the steps (everyone joins first), keeping the state after every event and the time of each. */
function simulate(steps: Step[]) {
  const { state, folded, now } = runSteps(people, steps);
  return { state, log: folded, now };
}

describe("speaking queue invariants", () => {
  it("orders the queue as a pure function of state, under every policy", () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.integer(), (steps, seed) => {
        const withPolicy = (state: MeetingState, policy: QueuePolicy): MeetingState => ({ ...state, queueSettings: { ...state.queueSettings, policy } });
        for (const { after } of simulate(steps).log) {
          // the same state rebuilt from its wire form, with its entries stored in another order
          const entries = Object.entries(after.queue);
          const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), { seed, numRuns: 1 })[0]!;
          const rebuilt = MeetingStateSchema.parse(JSON.parse(JSON.stringify({ ...after, queue: Object.fromEntries(shuffled) })));
          for (const policy of QUEUE_POLICIES) {
            const state = withPolicy(after, policy);
            expectOrderFollowsRules(state);
            expect(orderedQueue(withPolicy(rebuilt, policy))).toEqual(orderedQueue(state));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never lets anyone's floor time, or the meeting's, go down", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const previous = new Map<string, number>();
        let previousTotal = 0;
        for (const { after, now } of simulate(steps).log) {
          for (const userId of userIds) {
            const floorMs = floorTimeOf(after, userId, now);
            expect(floorMs).toBeGreaterThanOrEqual(previous.get(userId) ?? 0);
            previous.set(userId, floorMs);
          }
          const total = totalFloorMs(after, now);
          expect(total).toBeGreaterThanOrEqual(previousTotal);
          previousTotal = total;
        }
      }),
    );
  });

  it("never holds two entries of one kind for one person, nor an entry of someone absent", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const { after } of simulate(steps).log) {
          const held = Object.values(after.queue).map((entry) => `${entry.userId} ${entry.kind}`);
          expect(new Set(held).size).toBe(held.length);
          for (const entry of Object.values(after.queue)) expect(after.participants[entry.userId]?.isPresent).toBe(true);
          if (after.floor) expect(after.participants[after.floor.userId]?.isPresent).toBe(true);
        }
      }),
    );
  });

  it("gives everyone present at a round's start exactly one turn or pass in it, and nobody else any", () => {
    fc.assert(fc.property(stepsArbitrary, (steps) => expectRoundsFair(simulate(steps).log)));
  });

  it("produces only events and states the wire schemas accept", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { state, log } = simulate(steps);
        for (const { event } of log) expect(DomainEventSchema.parse(event)).toEqual(event);
        expect(MeetingStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
      }),
      { numRuns: 50 },
    );
  });
});
