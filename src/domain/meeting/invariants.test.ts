import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Command } from "../../protocol/commands.ts";
import { DomainEventSchema } from "../../protocol/events.ts";
import type { MeetingRole } from "../../protocol/ids.ts";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { AGENDA_TEMPLATES, APP_ROLES, ASSUMPTION_STATUSES, CONFIDENCE_LEVELS, DECISION_RULES, PHASES } from "../../protocol/vocabulary.ts";
import { replay } from "./apply.ts";
import { emptyMeeting, type MeetingState } from "./state.ts";
import { orderedQueue } from "./queueOrder.ts";
import { agendaItems } from "../agenda/selectors.ts";
import { remainingMs } from "../facilitation/timer.ts";
import { expectOrderFollowsRules, expectRoundsFair, pick, queueStepArbitrary, runSteps, type Step, type StepCommand } from "../queue/testing/queueSteps.ts";

const people: { userId: string; meetingRole: MeetingRole }[] = [
  { userId: "p0", meetingRole: "organizer" },
  { userId: "p1", meetingRole: "presenter" },
  { userId: "p2", meetingRole: "attendee" },
  { userId: "p3", meetingRole: "attendee" },
  { userId: "p4", meetingRole: "attendee" },
];

const itemIds = (state: MeetingState) => state.agenda.order;
const assumptionIds = (state: MeetingState) => Object.keys(state.prework.assumptions);
const linkIds = (state: MeetingState) => Object.keys(state.prework.dataLinks);
const parkedIds = (state: MeetingState) => Object.keys(state.parkingLot);
const userId = fc.constantFrom(...people.map((who) => who.userId), "ghost");
const text = fc.string({ minLength: 1, maxLength: 24 });
const phasePlans = fc.subarray([...PHASES], { minLength: 1 }).chain((phases) =>
  fc.tuple(...phases.map((phase) => fc.integer({ min: 1, max: 240 }).map((minutes) => ({ phase, minutes })))),
);
const where = (state: MeetingState, isStale: boolean, staleItem: number) => {
  const current = state.facilitation.current;
  if (isStale) return { expectedItemId: pick(itemIds(state), staleItem, "i404"), expectedPhase: "commit" as const };
  return { expectedItemId: current?.itemId ?? null, expectedPhase: current?.phase ?? null };
};

const startCommand = fc.constant<Command>({ type: "meeting.start", payload: {} });
const moveCommand = fc.record({ forward: fc.boolean(), isStale: fc.boolean(), n: fc.nat() }).map<StepCommand>(({ forward, isStale, n }) => (state) => ({
  type: forward ? "facilitation.advance" : "facilitation.stepBack",
  payload: where(state, isStale, n),
}));
const timerCommand = fc.constantFrom<Command>({ type: "timer.pause", payload: {} }, { type: "timer.resume", payload: {} });
const debateCommand = fc.record({ close: fc.boolean(), n: fc.nat() }).map<StepCommand>(({ close, n }) => (state) => ({
  type: close ? "debate.close" : "debate.reopen",
  payload: { itemId: state.facilitation.current?.itemId ?? pick(itemIds(state), n, "i404") },
}));
const markCommand = fc.record({ n: fc.nat(), status: fc.constantFrom(...ASSUMPTION_STATUSES), evidence: text }).map<StepCommand>(({ n, status, evidence }) => (state) => ({
  type: "assumption.mark",
  payload: { assumptionId: pick(assumptionIds(state), n, "a404"), status, evidence },
}));

const agendaCommands: fc.Arbitrary<StepCommand>[] = [
  fc.record({ title: text, phases: phasePlans, owner: fc.option(userId, { nil: undefined }) }).map<Command>(({ title, phases, owner }) => ({
    type: "agenda.addItem",
    payload: { title, phases, ...(owner ? { ownerId: owner } : {}) },
  })),
  fc.record({ n: fc.nat(), title: fc.option(text, { nil: undefined }), phases: fc.option(phasePlans, { nil: undefined }) }).map<StepCommand>(
    ({ n, title, phases }) =>
      (state) => ({
        type: "agenda.updateItem",
        payload: { itemId: pick(itemIds(state), n, "i404"), ...(title !== undefined ? { title } : {}), ...(phases ? { phases } : {}) },
      }),
  ),
  fc.nat().map<StepCommand>((n) => (state) => ({ type: "agenda.removeItem", payload: { itemId: pick(itemIds(state), n, "i404") } })),
  fc.tuple(fc.nat(), fc.nat({ max: 8 })).map<StepCommand>(([n, toIndex]) => (state) => ({
    type: "agenda.moveItem",
    payload: { itemId: pick(itemIds(state), n, "i404"), toIndex },
  })),
  fc.constantFrom(...AGENDA_TEMPLATES).map<Command>((template) => ({ type: "agenda.applyTemplate", payload: { template } })),
  fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }).map<Command>((minutes) => ({ type: "agenda.setScheduledMinutes", payload: { minutes } })),
  fc
    .record({
      deciders: fc.option(fc.subarray(people.map((who) => who.userId)), { nil: undefined }),
      rule: fc.option(fc.constantFrom(...DECISION_RULES), { nil: undefined }),
      roles: fc.option(fc.subarray([...APP_ROLES]), { nil: undefined }),
    })
    .map<Command>(({ deciders, rule, roles }) => ({
      type: "charter.update",
      payload: { ...(deciders ? { deciderIds: deciders } : {}), ...(rule ? { decisionRule: rule } : {}), ...(roles ? { rolesInUse: roles } : {}) },
    })),
];

const preworkCommands: fc.Arbitrary<StepCommand>[] = [
  fc.record({ n: fc.nat(), statement: text, confidence: fc.constantFrom(...CONFIDENCE_LEVELS) }).map<StepCommand>(({ n, statement, confidence }) => (state) => ({
    type: "prework.addAssumption",
    payload: { itemId: pick(itemIds(state), n, "i404"), statement, confidence },
  })),
  fc.record({ n: fc.nat(), statement: text }).map<StepCommand>(({ n, statement }) => (state) => ({
    type: "prework.updateAssumption",
    payload: { assumptionId: pick(assumptionIds(state), n, "a404"), statement },
  })),
  fc.nat().map<StepCommand>((n) => (state) => ({ type: "prework.removeAssumption", payload: { assumptionId: pick(assumptionIds(state), n, "a404") } })),
  fc.nat().map<StepCommand>((n) => (state) => ({ type: "prework.addDataLink", payload: { itemId: pick(itemIds(state), n, "i404"), url: `https://example.com/${n}` } })),
  fc.nat().map<StepCommand>((n) => (state) => ({ type: "prework.removeDataLink", payload: { linkId: pick(linkIds(state), n, "l404") } })),
  markCommand,
];

const facilitationCommands: fc.Arbitrary<StepCommand>[] = [
  startCommand,
  fc.constant<Command>({ type: "meeting.end", payload: {} }),
  moveCommand,
  timerCommand,
  fc.record({ minutes: fc.integer({ min: 1, max: 60 }), reason: text }).map<Command>(({ minutes, reason }) => ({ type: "timer.extend", payload: { minutes, reason } })),
  debateCommand,
  fc.record({ n: fc.nat(), notes: text }).map<StepCommand>(({ n, notes }) => (state) => ({ type: "item.setNotes", payload: { itemId: pick(itemIds(state), n, "i404"), notes } })),
  fc.record({ text, n: fc.option(fc.nat(), { nil: undefined }) }).map<StepCommand>(({ text: point, n }) => (state) => ({
    type: "parkingLot.add",
    payload: { text: point, ...(n === undefined ? {} : { itemId: pick(itemIds(state), n, "i404") }) },
  })),
  fc.record({ promote: fc.boolean(), n: fc.nat() }).map<StepCommand>(({ promote, n }) => (state) => ({
    type: promote ? "parkingLot.promote" : "parkingLot.remove",
    payload: { entryId: pick(parkedIds(state), n, "p404") },
  })),
  fc.record({ optIn: fc.boolean(), roles: fc.subarray([...APP_ROLES], { minLength: 1 }) }).map<Command>(({ optIn, roles }) => ({
    type: optIn ? "roles.optIn" : "roles.optOut",
    payload: { roles },
  })),
  fc.constantFrom("rotate" as const, "fixed" as const).map<Command>((rotation) => ({ type: "roles.setPolicy", payload: { rotation } })),
  fc.record({ n: fc.nat(), role: fc.constantFrom(...APP_ROLES), holder: fc.option(userId, { nil: null }) }).map<StepCommand>(({ n, role, holder }) => (state) => ({
    type: "roles.assign",
    payload: { itemId: pick(itemIds(state), n, "i404"), role, userId: holder },
  })),
];

const commandArbitrary: fc.Arbitrary<StepCommand> = fc.oneof(
  // typed entries, policy switches, rounds and the floor, as the queue's own invariants generate them
  { weight: 3, arbitrary: queueStepArbitrary(people.map((who) => who.userId)) },
  { weight: 2, arbitrary: fc.oneof(...agendaCommands) },
  { weight: 2, arbitrary: fc.oneof(...preworkCommands) },
  { weight: 3, arbitrary: fc.oneof(...facilitationCommands) },
  // moving through the agenda is what most of a meeting is, so it comes up more often
  { weight: 3, arbitrary: fc.oneof({ weight: 2, arbitrary: moveCommand }, startCommand, timerCommand, debateCommand, markCommand) },
);

const stepsArbitrary = fc.array(
  // the organizer and the presenter act more often, as the people who run the room do
  fc.record({
    person: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: people.length - 1 })),
    command: commandArbitrary,
    dt: fc.nat(5_000),
  }),
  { maxLength: 120, size: "max" },
);

/**
 * Runs random steps from random people, who have all joined first (they may leave and rejoin);
 * returns every intermediate state, the full event log, and each event with the state right after
 * it. Commands pass the wire schema first, as on the server; ones it refuses are skipped.
 */
function simulate(steps: Step[]) {
  const { state, events, states, folded, now } = runSteps(people, steps);
  return { state, log: events, states, folded, now };
}

describe("meeting invariants", () => {
  it("never holds two entries of one kind for one person", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const state of simulate(steps).states) {
          const held = Object.values(state.queue).map((entry) => `${entry.userId} ${entry.kind}`);
          expect(new Set(held).size).toBe(held.length);
        }
      }),
    );
  });

  it("orders typed entries by kind, then a facilitator's placing, then the policy, while the agenda and roles move on", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const state of simulate(steps).states) expectOrderFollowsRules(state);
      }),
    );
  });

  it("keeps rounds fair while people come and go, roles change and dropped speakers' turns pass on", () => {
    fc.assert(fc.property(stepsArbitrary, (steps) => expectRoundsFair(simulate(steps).folded)));
  });

  it("replaying the event log rebuilds the same state", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { state, log } = simulate(steps);
        expect(replay(emptyMeeting("m"), log)).toEqual(state);
      }),
    );
  });

  it("emits only events the store accepts and folds to a state the snapshot schema accepts unchanged", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { state, log } = simulate(steps);
        for (const event of log) expect(DomainEventSchema.safeParse(event).error).toBeUndefined();
        expect(MeetingStateSchema.parse(state)).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the agenda walkable: finished items first, at most one active item and only while it is current", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const state of simulate(steps).states) {
          const statuses = agendaItems(state).map((item) => item.status);
          expect(statuses.join(" ")).toMatch(/^(done ?)*(active ?)?(pending ?)*$/);
          const active = agendaItems(state).filter((item) => item.status === "active");
          const current = state.facilitation.current;
          expect(active.map((item) => item.itemId)).toEqual(current ? [current.itemId] : []);
          if (current) expect(state.facilitation.status).toBe("running");
          for (const item of agendaItems(state)) {
            expect(item.phases.map((plan) => plan.phase)).toEqual(PHASES.filter((phase) => item.phases.some((plan) => plan.phase === phase)));
          }
        }
      }),
    );
  });

  it("never leaves pre-work, roles, timings or parked points pointing at an item that is gone", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { state, now } = simulate(steps);
        const items = new Set(state.agenda.order);
        expect(Object.keys(state.agenda.items).sort()).toEqual([...items].sort());
        for (const { itemId } of [...Object.values(state.prework.assumptions), ...Object.values(state.prework.dataLinks)]) expect(items.has(itemId)).toBe(true);
        for (const { itemId } of Object.values(state.parkingLot)) if (itemId !== null) expect(items.has(itemId)).toBe(true);
        for (const itemId of [...Object.keys(state.roles.byItem), ...Object.keys(state.facilitation.usage)]) expect(items.has(itemId)).toBe(true);
        for (const holders of Object.values(state.roles.byItem)) for (const holder of Object.values(holders)) expect(Object.hasOwn(state.participants, holder)).toBe(true);
        expect(remainingMs(state, now) === null).toBe(state.facilitation.current === null);
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
