import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Command } from "../../protocol/commands.ts";
import type { DomainEvent } from "../../protocol/events.ts";
import type { MeetingRole } from "../../protocol/ids.ts";
import { decide } from "./decide.ts";
import { applyEvent, replay } from "./apply.ts";
import { emptyMeeting, type MeetingState } from "./state.ts";
import { orderedQueue } from "./queueOrder.ts";

const people: { userId: string; meetingRole: MeetingRole }[] = [
  { userId: "p0", meetingRole: "organizer" },
  { userId: "p1", meetingRole: "presenter" },
  { userId: "p2", meetingRole: "attendee" },
  { userId: "p3", meetingRole: "attendee" },
  { userId: "p4", meetingRole: "attendee" },
];

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ type: "meeting.join", payload: {} }),
  fc.constant<Command>({ type: "meeting.leave", payload: {} }),
  fc.option(fc.string({ maxLength: 20 }), { nil: undefined }).map<Command>((topic) => ({
    type: "queue.raiseHand",
    payload: topic === undefined ? {} : { topic },
  })),
  fc.integer({ min: 1, max: 40 }).map<Command>((n) => ({ type: "queue.lowerHand", payload: { entryId: `h${n}` } })),
  fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }).map<Command>((n) => ({
    type: "floor.grantNext",
    payload: n === undefined ? {} : { expectedEntryId: `h${n}` },
  })),
  fc.constant<Command>({ type: "floor.yield", payload: {} }),
);

const stepsArbitrary = fc.array(
  fc.record({ person: fc.integer({ min: 0, max: people.length - 1 }), command: commandArbitrary, dt: fc.nat(5_000) }),
  { maxLength: 120 },
);

/** Runs random commands from random people; returns every intermediate state and the full event log. */
function simulate(steps: { person: number; command: Command; dt: number }[]) {
  let state = emptyMeeting("m");
  let now = 1_000;
  const log: DomainEvent[] = [];
  const states: MeetingState[] = [state];
  for (const { person, command, dt } of steps) {
    now += dt;
    const { userId, meetingRole } = people[person]!;
    const decision = decide(state, command, { now, actor: { userId, displayName: userId, meetingRole } });
    if (!decision.ok) continue;
    log.push(...decision.events);
    state = decision.events.reduce(applyEvent, state);
    states.push(state);
  }
  return { state, log, states };
}

describe("meeting invariants", () => {
  it("never holds more than one open entry per person", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const state of simulate(steps).states) {
          const owners = Object.values(state.queue).map((entry) => entry.userId);
          expect(new Set(owners).size).toBe(owners.length);
        }
      }),
    );
  });

  it("replaying the event log rebuilds the same state", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { state, log } = simulate(steps);
        expect(replay(emptyMeeting("m"), log)).toEqual(state);
      }),
    );
  });

  it("derives the order from the state alone, whatever order the entries were stored in", () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.integer(), (steps, seed) => {
        const { state } = simulate(steps);
        const entries = Object.entries(state.queue);
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), { seed, numRuns: 1 })[0]!;
        const sameStateOtherKeyOrder = { ...state, queue: Object.fromEntries(shuffled) };
        expect(orderedQueue(sameStateOtherKeyOrder)).toEqual(orderedQueue(state));
      }),
    );
  });

  it("only ever gives the floor to someone who is present", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const state of simulate(steps).states) {
          if (state.floor) expect(state.participants[state.floor.userId]?.isPresent).toBe(true);
          for (const entry of Object.values(state.queue)) expect(state.participants[entry.userId]?.isPresent).toBe(true);
        }
      }),
    );
  });

  it("is deterministic: the same commands at the same times give the same events", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        expect(simulate(steps).log).toEqual(simulate(steps).log);
      }),
    );
  });
});
