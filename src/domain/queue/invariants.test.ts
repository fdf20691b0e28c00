import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CommandSchema, type Command } from "../../protocol/commands.ts";
import { DomainEventSchema, type DomainEvent } from "../../protocol/events.ts";
import type { MeetingRole } from "../../protocol/ids.ts";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { ENTRY_KINDS, QUEUE_POLICIES, type QueuePolicy } from "../../protocol/vocabulary.ts";
import { decide } from "../meeting/decide.ts";
import { applyEvent } from "../meeting/apply.ts";
import { emptyMeeting, type MeetingState } from "../meeting/state.ts";
import { floorTimeOf, totalFloorMs } from "./floorTime.ts";
import { orderedQueue } from "./order.ts";

const people: { userId: string; meetingRole: MeetingRole }[] = [
  { userId: "p0", meetingRole: "organizer" },
  { userId: "p1", meetingRole: "presenter" },
  { userId: "p2", meetingRole: "attendee" },
  { userId: "p3", meetingRole: "attendee" },
  { userId: "p4", meetingRole: "attendee" },
  { userId: "p5", meetingRole: "attendee" },
];
const userIds = people.map((who) => who.userId);

/** A command, or one built from the state at the moment it is sent (to aim at entries that exist). */
type StepCommand = Command | ((state: MeetingState) => Command);

const entryIds = (state: MeetingState) => Object.keys(state.queue).sort();
const pick = (ids: readonly string[], n: number, missing: string): string => ids[n % Math.max(1, ids.length)] ?? missing;
const kind = fc.constantFrom(...ENTRY_KINDS);
const someone = fc.constantFrom(...userIds, "ghost");
const onEntry = (type: "queue.lowerHand" | "queue.skip" | "queue.removeEntry" | "floor.grant") =>
  fc.nat().map<StepCommand>((n) => (state) => ({ type, payload: { entryId: pick(entryIds(state), n, "h404") } }));

const commandArbitrary: fc.Arbitrary<StepCommand> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Command>({ type: "meeting.join", payload: {} }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: "meeting.leave", payload: {} }) },
  {
    weight: 8,
    arbitrary: fc
      .record({ kind: fc.option(kind, { nil: undefined }), topic: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) })
      .map<Command>(({ kind: chosen, topic }) => ({ type: "queue.raiseHand", payload: { ...(chosen ? { kind: chosen } : {}), ...(topic !== undefined ? { topic } : {}) } })),
  },
  { weight: 2, arbitrary: onEntry("queue.lowerHand") },
  {
    weight: 2,
    arbitrary: fc.record({ n: fc.nat(), kind: fc.option(kind, { nil: undefined }), topic: fc.string({ maxLength: 12 }) }).map<StepCommand>(
      ({ n, kind: chosen, topic }) =>
        (state) => ({ type: "queue.changeEntry", payload: { entryId: pick(entryIds(state), n, "h404"), ...(chosen ? { kind: chosen } : { topic }) } }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof({ weight: 2, arbitrary: fc.constant<QueuePolicy>("roundRobin") }, fc.constantFrom(...QUEUE_POLICIES))
      .map<Command>((policy) => ({ type: "queue.setPolicy", payload: { policy } })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ n: fc.nat(), before: fc.option(fc.nat(), { nil: undefined }) }).map<StepCommand>(({ n, before }) => (state) => ({
      type: "queue.moveEntry",
      payload: { entryId: pick(entryIds(state), n, "h404"), ...(before === undefined ? {} : { beforeEntryId: pick(entryIds(state), before, "h404") }) },
    })),
  },
  { weight: 2, arbitrary: onEntry("queue.skip") },
  { weight: 1, arbitrary: onEntry("queue.removeEntry") },
  { weight: 1, arbitrary: fc.constantFrom<Command>({ type: "queue.clear", payload: {} }, { type: "queue.close", payload: {} }, { type: "queue.reopen", payload: {} }) },
  { weight: 1, arbitrary: someone.map<Command>((userId) => ({ type: "queue.invite", payload: { userId } })) },
  { weight: 3, arbitrary: fc.option(someone, { nil: undefined }).map<Command>((startWith) => ({ type: "round.start", payload: startWith ? { startWith } : {} })) },
  { weight: 3, arbitrary: fc.option(someone, { nil: undefined }).map<Command>((userId) => ({ type: "round.pass", payload: userId ? { userId } : {} })) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: "round.end", payload: {} }) },
  { weight: 8, arbitrary: fc.constant<Command>({ type: "floor.grantNext", payload: {} }) },
  { weight: 2, arbitrary: onEntry("floor.grant") },
  { weight: 4, arbitrary: fc.constant<Command>({ type: "floor.yield", payload: {} }) },
  {
    weight: 1,
    arbitrary: fc.option(fc.integer({ min: 15, max: 1_800 }), { nil: null }).map<Command>((seconds) => ({ type: "floor.setTurnLimit", payload: { seconds } })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 600 }).map<Command>((seconds) => ({ type: "floor.extendTurn", payload: { seconds } })) },
  { weight: 1, arbitrary: fc.double({ min: 1, max: 10, noNaN: true }).map<Command>((ratio) => ({ type: "equity.setThreshold", payload: { ratio } })) },
  { weight: 1, arbitrary: fc.constantFrom<Command>({ type: "equity.shareSummary", payload: {} }, { type: "equity.hideSummary", payload: {} }) },
);

const stepsArbitrary = fc.array(
  fc.record({
    // the organizer runs the room, so acts more often
    person: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: people.length - 1 })),
    command: commandArbitrary,
    dt: fc.nat(90_000),
  }),
  { maxLength: 150, size: "max" },
);

interface Step {
  event: DomainEvent;
  after: MeetingState;
  now: number;
}

/** Runs the commands (everyone joins first), keeping the state after every event and the time of each. */
function simulate(steps: { person: number; command: StepCommand; dt: number }[]) {
  let state = emptyMeeting("m");
  let now = 1_000;
  const log: Step[] = [];
  const joins = people.map((_, person) => ({ person, command: { type: "meeting.join", payload: {} }, dt: 0 }));
  for (const { person, command, dt } of [...joins, ...steps]) {
    now += dt;
    const parsed = CommandSchema.safeParse(typeof command === "function" ? command(state) : command);
    if (!parsed.success) continue;
    const { userId, meetingRole } = people[person]!;
    const decision = decide(state, parsed.data, { now, actor: { userId, displayName: userId, meetingRole } });
    if (!decision.ok) continue;
    for (const event of decision.events) {
      state = applyEvent(state, event);
      log.push({ event, after: state, now });
    }
  }
  return { state, log, now };
}

const kindRank = (value: string) => ENTRY_KINDS.indexOf(value as (typeof ENTRY_KINDS)[number]);

/** The order's specification, checked pairwise against the state alone. */
function expectOrderFollowsRules(state: MeetingState): void {
  const finished = new Map<string, number>();
  for (const turn of state.turns) finished.set(turn.userId, (finished.get(turn.userId) ?? 0) + turn.end - turn.start);
  const order = orderedQueue(state);
  expect(order).toHaveLength(Object.keys(state.queue).length);
  for (let index = 1; index < order.length; index++) {
    const [a, b] = [order[index - 1]!, order[index]!];
    if (a.kind !== b.kind) {
      expect(kindRank(a.kind)).toBeLessThan(kindRank(b.kind));
      continue;
    }
    if (a.rank !== null || b.rank !== null) {
      expect(a.rank).not.toBeNull();
      if (b.rank !== null) expect(a.rank!).toBeLessThan(b.rank);
      continue;
    }
    const key = (entry: typeof a) => (state.queueSettings.policy === "progressive" ? [finished.get(entry.userId) ?? 0, entry.arrival] : [0, entry.arrival]);
    const [ka, kb] = [key(a), key(b)];
    expect(ka[0]! < kb[0]! || (ka[0] === kb[0] && ka[1]! < kb[1]!)).toBe(true);
  }
}

describe("speaking queue invariants", () => {
  it("orders the queue as a pure function of state, under every policy", () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.integer(), (steps, seed) => {
        for (const { after } of simulate(steps).log) {
          for (const policy of QUEUE_POLICIES) {
            const state: MeetingState = { ...after, queueSettings: { ...after.queueSettings, policy } };
            expectOrderFollowsRules(state);
            // the same state rebuilt from its wire form, with its entries stored in another order
            const entries = Object.entries(state.queue);
            const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), { seed, numRuns: 1 })[0]!;
            const rebuilt = MeetingStateSchema.parse(JSON.parse(JSON.stringify({ ...state, queue: Object.fromEntries(shuffled) })));
            expect(orderedQueue(rebuilt)).toEqual(orderedQueue(state));
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
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const rounds = new Map<number, { members: string[]; turns: Map<string, number>; isComplete: boolean; leftDuring: Set<string> }>();
        for (const { event, after } of simulate(steps).log) {
          if (event.type === "round.started") {
            const members = after.rounds.current!.order;
            const present = Object.values(after.participants).filter((p) => p.isPresent).map((p) => p.userId);
            expect([...members].sort()).toEqual(present.sort());
            expect(members[0]).toBe(event.payload.startWith);
            rounds.set(event.payload.round, { members, turns: new Map(), isComplete: false, leftDuring: new Set() });
          }
          const round = after.rounds.current ?? null;
          const count = (number: number, userId: string) => {
            const tracked = rounds.get(number)!;
            tracked.turns.set(userId, (tracked.turns.get(userId) ?? 0) + 1);
          };
          if (event.type === "floor.granted" && event.payload.round !== undefined) count(event.payload.round, event.payload.userId);
          if (event.type === "round.passed") count(event.payload.round, event.payload.userId);
          if (event.type === "meeting.participantLeft") for (const tracked of rounds.values()) tracked.leftDuring.add(event.payload.userId);
          if (event.type === "round.ended" && event.payload.reason === "complete") rounds.get(event.payload.round)!.isComplete = true;
          if (round) expect(round.order.every((userId) => after.participants[userId]?.isPresent)).toBe(true);
        }
        for (const { members, turns, isComplete, leftDuring } of rounds.values()) {
          for (const [userId, taken] of turns) {
            expect(members).toContain(userId);
            expect(taken).toBe(1);
          }
          if (isComplete) for (const userId of members) if (!leftDuring.has(userId)) expect(turns.get(userId)).toBe(1);
        }
      }),
    );
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
