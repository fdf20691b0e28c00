import type { MeetingState, QueueEntry } from "../meeting/state.ts";
import { turnClock } from "./floorTime.ts";
import { orderedQueue } from "./order.ts";
import { remainingInRound } from "./rounds.ts";

/**
 * The turn length to expect before the meeting has any finished turn or a turn limit to go by:
 * two minutes, the usual time a facilitator running a speaking stack allows one contribution.
 */
export const DEFAULT_TURN_MS = 2 * 60_000;

/** A turn still to come: from a queue entry, or a round-robin turn (`entry` null). */
export interface UpcomingTurn {
  userId: string;
  entry: QueueEntry | null;
}

/**
 * Every turn still to come, in the order `floor.grantNext` would give them if nothing changed:
 * points of order first; while a round is under way, everyone still to speak in it; then the rest
 * of the queue. Its head is always `nextSpeaker(state)`. A person may appear more than once.
 */
export function upcomingTurns(state: MeetingState): UpcomingTurn[] {
  const queue = orderedQueue(state);
  // the queue is sorted by kind, so the points of order are exactly its leading entries
  const urgentCount = queue.findIndex((entry) => entry.kind !== "pointOfOrder");
  const split = urgentCount === -1 ? queue.length : urgentCount;
  const fromEntry = (entry: QueueEntry): UpcomingTurn => ({ userId: entry.userId, entry });
  return [
    ...queue.slice(0, split).map(fromEntry),
    ...remainingInRound(state).map((userId): UpcomingTurn => ({ userId, entry: null })),
    ...queue.slice(split).map(fromEntry),
  ];
}

/**
 * How long a turn in this meeting usually lasts: the median of its finished turns (the room's own
 * pace, which one long speech cannot skew as an average would); before any turn has finished, the
 * turn limit; without one, {@link DEFAULT_TURN_MS}.
 */
export function typicalTurnMs(state: MeetingState): number {
  const lengths = state.turns.map((turn) => Math.max(0, turn.end - turn.start)).sort((a, b) => a - b);
  const middle = Math.floor(lengths.length / 2);
  if (lengths.length > 0) return lengths.length % 2 === 1 ? lengths[middle]! : (lengths[middle - 1]! + lengths[middle]!) / 2;
  const { turnLimitSeconds } = state.queueSettings;
  return turnLimitSeconds === null ? DEFAULT_TURN_MS : turnLimitSeconds * 1000;
}

/**
 * A rough estimate of how long until a person's next turn, at `now`: what is left of the current
 * turn plus a typical turn for each turn ahead of theirs in {@link upcomingTurns}. The current turn
 * is expected to last a typical turn, or its soft limit when that is shorter (a generous limit is a
 * ceiling, not a forecast); once it has run that long, nothing is left of it. Null when they have
 * no turn coming. Meant to be shown rounded ("about 4 min"), never to the second.
 */
export function estimatedWaitMs(state: MeetingState, userId: string, now: number): number | null {
  const ahead = upcomingTurns(state).findIndex((turn) => turn.userId === userId);
  if (ahead === -1) return null;
  const typical = typicalTurnMs(state);
  const clock = turnClock(state, now);
  const expected = clock?.limitMs == null ? typical : Math.min(typical, clock.limitMs);
  const current = clock === null ? 0 : Math.max(0, expected - clock.elapsedMs);
  return current + ahead * typical;
}
