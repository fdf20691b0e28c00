import { expect } from "vitest";
import fc from "fast-check";
import { CommandSchema, type Command } from "../../../protocol/commands.ts";
import type { DomainEvent } from "../../../protocol/events.ts";
import { ENTRY_KINDS, QUEUE_POLICIES, type QueuePolicy } from "../../../protocol/vocabulary.ts";
import type { MeetingRole } from "../../../protocol/ids.ts";
import { applyEvent } from "../../meeting/apply.ts";
import type { Actor } from "../../meeting/context.ts";
import { decide, decideServerCommand, type Decision } from "../../meeting/decide.ts";
import { emptyMeeting, type MeetingState } from "../../meeting/state.ts";
import { PROGRESSIVE_FLOOR_WEIGHT, orderedQueue } from "../order.ts";

// Property-test support shared by the queue's invariants and the meeting's: random steps through
// the speaking queue (typed entries, policy switches, rounds, the floor, a disconnected speaker's
// grace period running out) and the order's specification checked against a state.

/** The server's grace period running out on the current turn or, when `isStale`, on the last finished one. */
export interface GraceStep {
  graceRunsOut: { isStale: boolean };
}

/** A command, one built from the state at the moment it is sent (to aim at things that exist), or a server step. */
export type StepCommand = Command | ((state: MeetingState) => Command) | GraceStep;

/** The n-th of a list, wrapping around; a missing id when the list is empty. */
export const pick = (ids: readonly string[], n: number, missing: string): string => ids[n % Math.max(1, ids.length)] ?? missing;

const entryIds = (state: MeetingState) => Object.keys(state.queue).sort();

/**
 * Steps through the speaking queue by anyone in `userIds` (and "ghost", who never joins): every
 * entry kind, topics, changes of kind, every policy with round-robin the likeliest (it has the most
 * state), facilitators' arrangements, rounds, grants (some stale), turn limits, equity settings, and
 * the server passing a disconnected speaker's floor on.
 */
export function queueStepArbitrary(userIds: readonly string[]): fc.Arbitrary<StepCommand> {
  const kind = fc.constantFrom(...ENTRY_KINDS);
  const someone = fc.constantFrom(...userIds, "ghost");
  const onEntry = (type: "queue.lowerHand" | "queue.skip" | "queue.removeEntry" | "floor.grant") =>
    fc.nat().map<StepCommand>((n) => (state) => ({ type, payload: { entryId: pick(entryIds(state), n, "h404") } }));
  return fc.oneof(
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
    { weight: 6, arbitrary: fc.constant<Command>({ type: "floor.grantNext", payload: {} }) },
    // a grant aimed at whoever was next a moment ago, which a changed queue makes stale
    {
      weight: 2,
      arbitrary: fc.nat().map<StepCommand>((n) => (state) => ({ type: "floor.grantNext", payload: { expectedEntryId: pick(entryIds(state), n, "h404") } })),
    },
    { weight: 2, arbitrary: onEntry("floor.grant") },
    { weight: 4, arbitrary: fc.constant<Command>({ type: "floor.yield", payload: {} }) },
    { weight: 4, arbitrary: fc.boolean().map<StepCommand>((isStale) => ({ graceRunsOut: { isStale } })) },
    {
      weight: 1,
      arbitrary: fc.option(fc.integer({ min: 15, max: 1_800 }), { nil: null }).map<Command>((seconds) => ({ type: "floor.setTurnLimit", payload: { seconds } })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 5, max: 600 }).map<Command>((seconds) => ({ type: "floor.extendTurn", payload: { seconds } })) },
    { weight: 1, arbitrary: fc.double({ min: 1, max: 10, noNaN: true }).map<Command>((ratio) => ({ type: "equity.setThreshold", payload: { ratio } })) },
    { weight: 1, arbitrary: fc.constantFrom<Command>({ type: "equity.shareSummary", payload: {} }, { type: "equity.hideSummary", payload: {} }) },
  );
}

/**
 * Decides one step as the server would: a client's command must pass the wire schema first (null
 * when it does not); a grace step is the server's own command, aimed at a turn (null with none).
 */
export function decideStep(state: MeetingState, step: StepCommand, actor: Actor, now: number): Decision | null {
  if (typeof step === "object" && "graceRunsOut" in step) {
    const turn = step.graceRunsOut.isStale ? state.turns.at(-1) : state.floor;
    if (!turn) return null;
    const since = "since" in turn ? turn.since : turn.start;
    return decideServerCommand(state, { type: "floor.releaseDisconnected", userId: turn.userId, since }, now);
  }
  const parsed = CommandSchema.safeParse(typeof step === "function" ? step(state) : step);
  return parsed.success ? decide(state, parsed.data, { now, actor }) : null;
}

/** One random step: who acts (an index into the people), what they send, and how long after the last. */
export interface Step {
  person: number;
  command: StepCommand;
  dt: number;
}

/**
 * Runs the steps, everyone having joined first; steps the wire schema or the rules refuse are
 * skipped. Returns the final state and time, every event, each event with the state right after
 * it and its time, and the state after every accepted step.
 */
export function runSteps(people: readonly { userId: string; meetingRole: MeetingRole }[], steps: readonly Step[]) {
  let state = emptyMeeting("m");
  let now = 1_000;
  const events: DomainEvent[] = [];
  const states: MeetingState[] = [state];
  const folded: { event: DomainEvent; after: MeetingState; now: number }[] = [];
  const join: StepCommand = { type: "meeting.join", payload: {} };
  const joins = people.map((_, person) => ({ person, command: join, dt: 0 }));
  for (const { person, command, dt } of [...joins, ...steps]) {
    now += dt;
    const { userId, meetingRole } = people[person]!;
    const decision = decideStep(state, command, { userId, displayName: userId, meetingRole }, now);
    if (!decision?.ok) continue;
    for (const event of decision.events) {
      state = applyEvent(state, event);
      folded.push({ event, after: state, now });
    }
    events.push(...decision.events);
    states.push(state);
  }
  return { state, now, events, folded, states };
}

const kindRank = (value: string) => ENTRY_KINDS.indexOf(value as (typeof ENTRY_KINDS)[number]);

/**
 * The order's specification, checked pairwise against the state alone: by kind; within a kind,
 * facilitator-placed entries first by rank; then the policy's order (for `progressive`, when the
 * hand went up pushed back by `PROGRESSIVE_FLOOR_WEIGHT` × its owner's finished floor time, then
 * arrival; arrival otherwise).
 */
export function expectOrderFollowsRules(state: MeetingState): void {
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
    const key = (entry: typeof a) =>
      state.queueSettings.policy === "progressive" ? [entry.raisedAt + PROGRESSIVE_FLOOR_WEIGHT * (finished.get(entry.userId) ?? 0), entry.arrival] : [0, entry.arrival];
    const [ka, kb] = [key(a), key(b)];
    expect(ka[0]! < kb[0]! || (ka[0] === kb[0] && ka[1]! < kb[1]!)).toBe(true);
  }
}

/**
 * Rounds are fair: everyone present at a round's start is in it, it starts with its starter, nobody
 * gets two turns or passes in one, nobody outside it gets any, and a round that completed gave one
 * to every member who stayed. `log` is every event with the state right after it.
 */
export function expectRoundsFair(log: readonly { event: DomainEvent; after: MeetingState }[]): void {
  const rounds = new Map<number, { members: string[]; turns: Map<string, number>; isComplete: boolean; leftDuring: Set<string> }>();
  const count = (number: number, userId: string) => {
    const tracked = rounds.get(number)!;
    tracked.turns.set(userId, (tracked.turns.get(userId) ?? 0) + 1);
  };
  for (const { event, after } of log) {
    if (event.type === "round.started") {
      const members = after.rounds.current!.order;
      const present = Object.values(after.participants).filter((p) => p.isPresent).map((p) => p.userId);
      expect([...members].sort()).toEqual(present.sort());
      expect(members[0]).toBe(event.payload.startWith);
      rounds.set(event.payload.round, { members, turns: new Map(), isComplete: false, leftDuring: new Set() });
    }
    if (event.type === "floor.granted" && event.payload.round !== undefined) count(event.payload.round, event.payload.userId);
    if (event.type === "round.passed") count(event.payload.round, event.payload.userId);
    if (event.type === "meeting.participantLeft") for (const tracked of rounds.values()) tracked.leftDuring.add(event.payload.userId);
    if (event.type === "round.ended" && event.payload.reason === "complete") rounds.get(event.payload.round)!.isComplete = true;
    const round = after.rounds.current;
    if (round) expect(round.order.every((userId) => after.participants[userId]?.isPresent)).toBe(true);
  }
  for (const { members, turns, isComplete, leftDuring } of rounds.values()) {
    for (const [userId, taken] of turns) {
      expect(members).toContain(userId);
      expect(taken).toBe(1);
    }
    if (isComplete) for (const userId of members) if (!leftDuring.has(userId)) expect(turns.get(userId)).toBe(1);
  }
}
