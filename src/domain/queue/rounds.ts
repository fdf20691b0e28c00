import type { MeetingState, Participant, Round } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";

const byJoinThenId = (a: Pick<Participant, "joinedAt" | "userId">, b: Pick<Participant, "joinedAt" | "userId">): number =>
  a.joinedAt !== b.joinedAt ? a.joinedAt - b.joinedAt : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;

/** Everyone present in a stable order: who joined first, then by id. Rounds rotate through it. */
export function baseOrder(state: MeetingState): string[] {
  return Object.values(state.participants)
    .filter((participant) => participant.isPresent)
    .sort(byJoinThenId)
    .map((participant) => participant.userId);
}

/** A round's speaking order: the base order rotated so it starts with `startWith`. */
export function roundOrder(state: MeetingState, startWith: string): string[] {
  const base = baseOrder(state);
  const start = base.indexOf(startWith);
  return start <= 0 ? base : [...base.slice(start), ...base.slice(0, start)];
}

/**
 * Who the next round starts with when the facilitator names nobody: the first person after the
 * last round's first speaker in the base order (wrapping around), so no two rounds in a row start
 * with the same person while two or more are present. Null when nobody is present.
 */
export function nextRoundStarter(state: MeetingState): string | null {
  const base = baseOrder(state);
  const first = base[0];
  if (first === undefined) return null;
  const lastId = state.rounds.lastStarterId;
  const last = lastId === null ? undefined : own(state.participants, lastId);
  if (!last) return first;
  // compared by place, not looked up by id: the last starter may have left since
  const after = base.find((userId) => byJoinThenId(own(state.participants, userId)!, last) > 0);
  return after ?? first;
}

/** The people in the current round still to have their turn, in order; empty without a round. */
export function remainingInRound(state: MeetingState): string[] {
  const round = state.rounds.current;
  return round ? remaining(round) : [];
}

/** The next person in the current round, or null without a round or once everyone has had a turn. */
export function nextInRound(state: MeetingState): string | null {
  return remainingInRound(state)[0] ?? null;
}

function remaining(round: Round): string[] {
  return round.order.filter((userId) => !Object.hasOwn(round.done, userId));
}

/** Whether this person is in the current round and still to have their turn. */
export function isWaitingInRound(state: MeetingState, userId: string): boolean {
  const round = state.rounds.current;
  return round !== null && round.order.includes(userId) && !Object.hasOwn(round.done, userId);
}

/** The state with a person dropped from the current round (they left the meeting). */
export function dropFromRound(state: MeetingState, userId: string): MeetingState {
  const round = state.rounds.current;
  if (!round?.order.includes(userId)) return state;
  return { ...state, rounds: { ...state.rounds, current: { ...round, order: round.order.filter((id) => id !== userId) } } };
}
