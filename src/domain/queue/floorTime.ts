import type { MeetingState, Turn } from "../meeting/state.ts";

/** One person's floor figures over some span of the meeting. */
export interface FloorStats {
  floorMs: number;
  turns: number;
  longestMs: number;
}

const noStats = (): FloorStats => ({ floorMs: 0, turns: 0, longestMs: 0 });

// The turns log only grows and each state's array is never mutated, so totals computed for one
// array stay true for it; this keeps the progressive order O(entries) on every render.
const finishedTotals = new WeakMap<readonly Turn[], ReadonlyMap<string, number>>();

/** Finished floor time per person over the whole meeting, not counting the current turn. */
export function finishedFloorMs(state: MeetingState): ReadonlyMap<string, number> {
  const cached = finishedTotals.get(state.turns);
  if (cached) return cached;
  const totals = new Map<string, number>();
  for (const turn of state.turns) totals.set(turn.userId, (totals.get(turn.userId) ?? 0) + turnMs(turn));
  finishedTotals.set(state.turns, totals);
  return totals;
}

function turnMs(turn: Turn): number {
  return Math.max(0, turn.end - turn.start);
}

/**
 * Floor figures per person, counting the current turn up to `now`. With `itemId` (null: time spent
 * between items), only turns granted while that item was current; without it, the whole meeting.
 */
export function floorStatsByPerson(state: MeetingState, now: number, itemId?: string | null): Map<string, FloorStats> {
  const stats = new Map<string, FloorStats>();
  const add = (userId: string, ms: number) => {
    const current = stats.get(userId) ?? noStats();
    stats.set(userId, { floorMs: current.floorMs + ms, turns: current.turns + 1, longestMs: Math.max(current.longestMs, ms) });
  };
  for (const turn of state.turns) if (itemId === undefined || turn.itemId === itemId) add(turn.userId, turnMs(turn));
  const { floor } = state;
  if (floor && (itemId === undefined || floor.itemId === itemId)) add(floor.userId, Math.max(0, now - floor.since));
  return stats;
}

/** One person's floor figures (see `floorStatsByPerson`). */
export function floorStatsOf(state: MeetingState, userId: string, now: number, itemId?: string | null): FloorStats {
  return floorStatsByPerson(state, now, itemId).get(userId) ?? noStats();
}

/** How long a person has held the floor in this meeting, the current turn counted up to `now`. */
export function floorTimeOf(state: MeetingState, userId: string, now: number): number {
  const finished = finishedFloorMs(state).get(userId) ?? 0;
  const { floor } = state;
  return floor?.userId === userId ? finished + Math.max(0, now - floor.since) : finished;
}

/** All floor time in the meeting, or in one item, the current turn counted up to `now`. */
export function totalFloorMs(state: MeetingState, now: number, itemId?: string | null): number {
  let total = 0;
  for (const { floorMs } of floorStatsByPerson(state, now, itemId).values()) total += floorMs;
  return total;
}

/** Floor time per agenda item (`null`: between items), the current turn counted up to `now`. */
export function floorMsByItem(state: MeetingState, now: number): Map<string | null, number> {
  const byItem = new Map<string | null, number>();
  for (const turn of state.turns) byItem.set(turn.itemId, (byItem.get(turn.itemId) ?? 0) + turnMs(turn));
  const { floor } = state;
  if (floor) byItem.set(floor.itemId, (byItem.get(floor.itemId) ?? 0) + Math.max(0, now - floor.since));
  return byItem;
}

/** The current turn's clock against its soft limit. */
export interface TurnClock {
  userId: string;
  since: number;
  elapsedMs: number;
  /** The turn's soft limit with its extensions; null when the meeting has no turn limit. */
  limitMs: number | null;
  /** Negative once the turn runs over; null without a limit. */
  remainingMs: number | null;
  isOverLimit: boolean;
}

/** The current turn's clock at `now`, or null when nobody has the floor. */
export function turnClock(state: MeetingState, now: number): TurnClock | null {
  const { floor } = state;
  if (!floor) return null;
  const elapsedMs = Math.max(0, now - floor.since);
  const { turnLimitSeconds } = state.queueSettings;
  const limitMs = turnLimitSeconds === null ? null : (turnLimitSeconds + floor.extensionSeconds) * 1000;
  const remainingMs = limitMs === null ? null : limitMs - elapsedMs;
  return { userId: floor.userId, since: floor.since, elapsedMs, limitMs, remainingMs, isOverLimit: remainingMs !== null && remainingMs < 0 };
}
