import { applyEvent, decide, emptyMeeting, floorGini, floorStatsByPerson, gini, nextInRound, type MeetingState } from "../../src/domain/index.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { DomainEvent } from "../../src/protocol/events.ts";
import type { QueuePolicy } from "../../src/protocol/vocabulary.ts";
import { seededRandom } from "./random.ts";

// A discrete-event model of a meeting's floor, driven through the real domain (`decide` and
// `applyEvent` with the simulated clock): people alternate between being quiet and wanting to
// speak; while they want to, they hold a raised hand (fifo, progressive) or have something to say
// when their round-robin turn comes; a facilitator gives the floor whenever it is free; a speaker
// yields once they have said what they wanted to.

/** One person of the simulated meeting and how much they want to speak. */
export interface SimulatedPerson {
  userId: string;
  label: string;
  isDominant: boolean;
  /** Mean quiet time before they want to speak again (exponential: wishes arrive at random). */
  meanGapSeconds: number;
  /** Mean length of what they have to say (uniform from half to one and a half times it). */
  meanTalkSeconds: number;
}

/** The people, in join order (the first is the organizer and facilitates), and the meeting's length. */
export interface SimulatedMeeting {
  people: readonly SimulatedPerson[];
  durationSeconds: number;
}

const QUIET_TALK_SECONDS = 60;

/**
 * The issue's meeting: 8 people for 60 minutes, two of whom want to speak five times as often and
 * talk three times as long as the rest. The issue leaves open how often the rest want to speak; the
 * quiet six talk about a minute each time and want the floor again after about `quietGapMinutes`
 * of quiet (the pair after a fifth of that).
 */
export function issueMeeting(quietGapMinutes: number): SimulatedMeeting {
  return {
    durationSeconds: 60 * 60,
    people: Array.from({ length: 8 }, (_, index) => {
      // the organizer is one of the quiet majority; the dominant pair sit among the others
      const isDominant = index === 2 || index === 5;
      return {
        userId: `p${index + 1}`,
        label: isDominant ? `dominant p${index + 1}` : `p${index + 1}`,
        isDominant,
        meanGapSeconds: (isDominant ? quietGapMinutes / 5 : quietGapMinutes) * 60,
        meanTalkSeconds: isDominant ? QUIET_TALK_SECONDS * 3 : QUIET_TALK_SECONDS,
      };
    }),
  };
}

/**
 * The lowest Gini any speaking order could give one seeded meeting. Nobody can be given more floor
 * than they ask for, and nobody asks for more than they would if every wish were granted the moment
 * it came (waiting only delays their next wish). So: each person's wishes in the hour without any
 * wait, and the hour shared out as evenly as those caps allow (water-filling: the most equal split,
 * whose Gini no other split under the same caps goes below). A target below this cannot be met.
 */
export function demandBoundGini(meeting: SimulatedMeeting, desires: DesireSource): number {
  const durationSeconds = meeting.durationSeconds;
  const asked = meeting.people.map(({ userId }) => {
    let atSeconds = 0;
    let askedSeconds = 0;
    for (let index = 0; ; index++) {
      const { gapSeconds, talkSeconds } = desires(userId, index);
      atSeconds += gapSeconds;
      if (atSeconds >= durationSeconds) return askedSeconds;
      askedSeconds += Math.min(talkSeconds, durationSeconds - atSeconds);
      atSeconds += talkSeconds;
    }
  });
  let left = durationSeconds;
  const given = [...asked]
    .sort((a, b) => a - b)
    .map((cap, index, sorted) => {
      const share = Math.min(cap, left / (sorted.length - index));
      left -= share;
      return share;
    });
  return gini(given);
}

/** One wish to speak: after `gapSeconds` of quiet (since the meeting began or their last turn ended), `talkSeconds` of speech. */
export interface Desire {
  gapSeconds: number;
  talkSeconds: number;
}

/**
 * A person's `index`-th wish to speak. Asked in order per person, it answers the same whatever the
 * policy, so every policy faces the same people wanting to say the same things.
 */
export type DesireSource = (userId: string, index: number) => Desire;

/**
 * Random wishes from one seed: each person draws from their own stream (seeded from the seed and
 * their place), memoised, so how far one person's wishes are read never shifts anyone else's.
 */
export function seededDesires(meeting: SimulatedMeeting, seed: number): DesireSource {
  const streams = new Map<string, { random: () => number; person: SimulatedPerson; drawn: Desire[] }>();
  meeting.people.forEach((person, index) => {
    streams.set(person.userId, { random: seededRandom(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)), person, drawn: [] });
  });
  return (userId, index) => {
    const stream = streams.get(userId);
    if (!stream) throw new Error(`no one called ${userId} in the simulated meeting`);
    while (stream.drawn.length <= index) {
      const gapSeconds = -stream.person.meanGapSeconds * Math.log(1 - stream.random());
      const talkSeconds = stream.person.meanTalkSeconds * (0.5 + stream.random());
      stream.drawn.push({ gapSeconds, talkSeconds });
    }
    return stream.drawn[index]!;
  };
}

/** Wishes written out per person; after the last one, that person never wants to speak again. */
export function scriptedDesires(script: Readonly<Record<string, readonly Desire[]>>): DesireSource {
  return (userId, index) => script[userId]?.[index] ?? { gapSeconds: Number.POSITIVE_INFINITY, talkSeconds: 0 };
}

/** One floor grant: who, and when in seconds from the meeting's start. */
export interface Grant {
  userId: string;
  atSeconds: number;
}

/** What one meeting under one policy came to, at its end. */
export interface MeetingOutcome {
  policy: QueuePolicy;
  /** Gini of floor time among the people present, as the equity view computes it. */
  gini: number;
  /** Each person's part of all floor time, 0 to 1. */
  shares: Record<string, number>;
  floorSeconds: Record<string, number>;
  turns: Record<string, number>;
  totalTurns: number;
  /** From wanting to speak to having the floor; someone still waiting when the meeting ends counts as waiting until then. */
  longestWaitSeconds: number;
  longestWaitUserId: string | null;
  grants: Grant[];
}

// an arbitrary epoch: the domain takes any clock, and whole milliseconds keep the events exact
const START_MS = 1_700_000_000_000;

type Phase = { kind: "quiet"; wantsAtMs: number } | { kind: "waiting"; sinceMs: number } | { kind: "speaking"; untilMs: number };

interface Person {
  profile: SimulatedPerson;
  phase: Phase;
  /** The index of the wish being waited for or spoken, or the next one while quiet. */
  desireIndex: number;
}

/** Runs one meeting under one policy and reports its floor equity and waits. */
export function simulateMeeting(meeting: SimulatedMeeting, policy: QueuePolicy, desires: DesireSource): MeetingOutcome {
  const organizer = meeting.people[0];
  if (!organizer) throw new Error("a simulated meeting needs at least one person");
  const endMs = START_MS + meeting.durationSeconds * 1000;
  let state: MeetingState = emptyMeeting("equity-simulation");
  const grants: Grant[] = [];
  let longestWaitMs = 0;
  let longestWaitUserId: string | null = null;

  const run = (actorId: string, command: Command, now: number): DomainEvent[] => {
    const profile = meeting.people.find((person) => person.userId === actorId);
    const actor = { userId: actorId, displayName: profile?.label ?? actorId, meetingRole: actorId === organizer.userId ? ("organizer" as const) : ("attendee" as const) };
    const decision = decide(state, command, { now, actor });
    // a refusal means the model asked for something a real facilitator could not do: stop, don't skew
    if (!decision.ok) throw new Error(`${actorId}'s ${command.type} was refused: ${decision.rejection.message}`);
    state = decision.events.reduce(applyEvent, state);
    return decision.events;
  };
  const wishAfter = (userId: string, index: number, fromMs: number): number => {
    const { gapSeconds } = desires(userId, index);
    return Number.isFinite(gapSeconds) ? fromMs + Math.round(gapSeconds * 1000) : Number.POSITIVE_INFINITY;
  };

  const people: Person[] = meeting.people.map((profile) => ({ profile, phase: { kind: "quiet", wantsAtMs: Number.POSITIVE_INFINITY }, desireIndex: 0 }));
  const byId = new Map(people.map((person) => [person.profile.userId, person]));
  for (const person of people) run(person.profile.userId, { type: "meeting.join", payload: {} }, START_MS);
  if (policy !== "fifo") run(organizer.userId, { type: "queue.setPolicy", payload: { policy } }, START_MS);
  for (const person of people) person.phase = { kind: "quiet", wantsAtMs: wishAfter(person.profile.userId, 0, START_MS) };

  const startSpeaking = (events: readonly DomainEvent[], now: number) => {
    const granted = events.find((event) => event.type === "floor.granted");
    if (granted?.type !== "floor.granted") throw new Error("the floor was not granted");
    const person = byId.get(granted.payload.userId)!;
    if (person.phase.kind !== "waiting") throw new Error(`${person.profile.userId} was given the floor without wanting it`);
    const waitedMs = now - person.phase.sinceMs;
    if (waitedMs > longestWaitMs) [longestWaitMs, longestWaitUserId] = [waitedMs, person.profile.userId];
    const { talkSeconds } = desires(person.profile.userId, person.desireIndex);
    person.phase = { kind: "speaking", untilMs: now + Math.max(1, Math.round(talkSeconds * 1000)) };
    grants.push({ userId: person.profile.userId, atSeconds: (now - START_MS) / 1000 });
  };

  // the facilitator's part: whenever the floor is free, give it by the policy
  const facilitate = (now: number) => {
    if (state.floor) return;
    if (policy !== "roundRobin") {
      if (Object.keys(state.queue).length > 0) startSpeaking(run(organizer.userId, { type: "floor.grantNext", payload: {} }, now), now);
      return;
    }
    // rounds back to back while anyone has something to say; whoever has nothing passes their turn
    for (;;) {
      if (!state.rounds.current) {
        if (!people.some((person) => person.phase.kind === "waiting")) return;
        run(organizer.userId, { type: "round.start", payload: {} }, now);
      }
      const next = nextInRound(state);
      if (next === null) throw new Error("a round under way has nobody left in it");
      if (byId.get(next)!.phase.kind === "waiting") {
        startSpeaking(run(organizer.userId, { type: "floor.grantNext", payload: {} }, now), now);
        return;
      }
      run(next, { type: "round.pass", payload: {} }, now);
    }
  };

  for (;;) {
    // the next thing to happen: a turn ending, else the earliest wish (ties go to join order)
    let nowMs = Number.POSITIVE_INFINITY;
    let actor: Person | undefined;
    for (const person of people) {
      const at = person.phase.kind === "speaking" ? person.phase.untilMs : person.phase.kind === "quiet" ? person.phase.wantsAtMs : Number.POSITIVE_INFINITY;
      const isEarlier = at < nowMs || (at === nowMs && person.phase.kind === "speaking" && actor?.phase.kind !== "speaking");
      if (isEarlier) [nowMs, actor] = [at, person];
    }
    if (!actor || nowMs >= endMs) break;
    const { userId } = actor.profile;
    if (actor.phase.kind === "speaking") {
      run(userId, { type: "floor.yield", payload: {} }, nowMs);
      actor.desireIndex += 1;
      actor.phase = { kind: "quiet", wantsAtMs: wishAfter(userId, actor.desireIndex, nowMs) };
    } else {
      if (policy !== "roundRobin") run(userId, { type: "queue.raiseHand", payload: {} }, nowMs);
      actor.phase = { kind: "waiting", sinceMs: nowMs };
    }
    facilitate(nowMs);
  }

  for (const person of people) {
    if (person.phase.kind !== "waiting") continue;
    const waitedMs = endMs - person.phase.sinceMs;
    if (waitedMs > longestWaitMs) [longestWaitMs, longestWaitUserId] = [waitedMs, person.profile.userId];
  }
  // the turn under way at the end counts up to the end, as the equity view counts it
  const stats = floorStatsByPerson(state, endMs);
  let totalMs = 0;
  for (const { floorMs } of stats.values()) totalMs += floorMs;
  const shares: Record<string, number> = {};
  const floorSeconds: Record<string, number> = {};
  const turns: Record<string, number> = {};
  for (const { userId } of meeting.people) {
    const own = stats.get(userId);
    shares[userId] = totalMs === 0 ? 0 : (own?.floorMs ?? 0) / totalMs;
    floorSeconds[userId] = (own?.floorMs ?? 0) / 1000;
    turns[userId] = own?.turns ?? 0;
  }
  return {
    policy,
    gini: floorGini(state, endMs),
    shares,
    floorSeconds,
    turns,
    totalTurns: Object.values(turns).reduce((sum, count) => sum + count, 0),
    longestWaitSeconds: longestWaitMs / 1000,
    longestWaitUserId,
    grants,
  };
}
