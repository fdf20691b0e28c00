// Who held the floor, when and for how long is public in the room: the stage shows the speaker and
// their clock, and every client needs the totals to compute the progressive order identically, so
// the turns log is in everyone's state. What is for facilitators only is the analysis of it: the
// dominance alert is an event with the facilitators' audience, kept out of anyone else's snapshot
// (see projection.ts), and the equity view is shown only to facilitators. Participants see their
// own figures; the room sees the figures only when a facilitator shares a summary, which is then
// an event for everyone carrying the figures as they were at that moment.
import { Limits } from "../../protocol/limits.ts";
import type { EquitySummary, MeetingState } from "../meeting/state.ts";
import { currentItemId } from "../roles/holders.ts";
import { floorStatsByPerson, type FloorStats } from "./floorTime.ts";
import { baseOrder } from "./rounds.ts";

/**
 * The fair share of the floor: an equal part for each person present. People present, not people
 * who spoke: a facilitator judging balance counts the silent too, so that a meeting where two of
 * ten people did all the talking does not look fair.
 */
export function fairShare(state: MeetingState): number {
  const present = baseOrder(state).length;
  return present === 0 ? 0 : 1 / present;
}

/** A person's part of all floor time in the meeting (or one item), from 0 to 1; 0 before anyone spoke. */
export function shareOf(state: MeetingState, userId: string, now: number, itemId?: string | null): number {
  const stats = floorStatsByPerson(state, now, itemId);
  const total = sumFloorMs(stats);
  return total === 0 ? 0 : (stats.get(userId)?.floorMs ?? 0) / total;
}

/**
 * The Gini coefficient of a list of amounts: 0 when everyone has the same, approaching 1 when one
 * has everything. 0 for an empty list or all zeros.
 */
export function gini(amounts: readonly number[]): number {
  const n = amounts.length;
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (n === 0 || total <= 0) return 0;
  const sorted = [...amounts].sort((a, b) => a - b);
  // sum over i of (2i - n - 1) * x_i, the sorted form of the mean absolute difference
  let weighted = 0;
  sorted.forEach((amount, index) => (weighted += (2 * (index + 1) - n - 1) * amount));
  return Math.min(1, Math.max(0, weighted / (n * total)));
}

/** The Gini coefficient of floor time among the people present (the silent count as zero), at `now`. */
export function floorGini(state: MeetingState, now: number): number {
  const stats = floorStatsByPerson(state, now);
  return gini(baseOrder(state).map((userId) => stats.get(userId)?.floorMs ?? 0));
}

/**
 * People present who have not held the floor in an item (the current one by default), in the base
 * order; the current turn counts as having spoken.
 */
export function notSpokenInItem(state: MeetingState, now: number, itemId: string | null = currentItemId(state)): string[] {
  const stats = floorStatsByPerson(state, now, itemId);
  return baseOrder(state).filter((userId) => !stats.has(userId));
}

/** Someone whose share of the floor is above the threshold. */
export interface Dominance {
  userId: string;
  floorMs: number;
  share: number;
  fairShare: number;
  /** `share / fairShare`: how many fair shares they have had. */
  ratio: number;
}

/**
 * People whose share of the meeting's floor time is above the facilitator's threshold (a multiple
 * of the fair share), most floor time first. Nobody is judged until the meeting has had
 * `Limits.dominanceMinFloorSeconds` of floor time: after one opening turn, that speaker has all of it.
 */
export function dominant(state: MeetingState, now: number): Dominance[] {
  const stats = floorStatsByPerson(state, now);
  const total = sumFloorMs(stats);
  const fair = fairShare(state);
  if (total < Limits.dominanceMinFloorSeconds * 1000 || fair === 0) return [];
  const result: Dominance[] = [];
  for (const [userId, { floorMs }] of stats) {
    const share = floorMs / total;
    const ratio = share / fair;
    if (ratio > state.equity.dominanceRatio) result.push({ userId, floorMs, share, fairShare: fair, ratio });
  }
  return result.sort((a, b) => b.floorMs - a.floorMs || (a.userId < b.userId ? -1 : 1));
}

/** The meeting's equity figures at `now`, as a facilitator sees them and may share them. */
export function equitySummary(state: MeetingState, now: number): EquitySummary {
  const stats = floorStatsByPerson(state, now);
  const totalMs = sumFloorMs(stats);
  const itemId = currentItemId(state);
  const people = [...stats]
    .map(([userId, { floorMs, turns, longestMs }]) => ({ userId, floorMs, turns, longestMs, share: totalMs === 0 ? 0 : floorMs / totalMs }))
    .sort((a, b) => b.floorMs - a.floorMs || (a.userId < b.userId ? -1 : 1))
    .slice(0, Limits.maxSummaryPeople);
  return {
    at: now,
    totalMs,
    presentCount: baseOrder(state).length,
    fairShare: fairShare(state),
    gini: floorGini(state, now),
    people,
    notSpokenInItemCount: notSpokenInItem(state, now, itemId).length,
    itemId,
  };
}

function sumFloorMs(stats: ReadonlyMap<string, FloorStats>): number {
  let total = 0;
  for (const { floorMs } of stats.values()) total += floorMs;
  return total;
}
