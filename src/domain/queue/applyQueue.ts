import type { EventOf } from "../../protocol/events.ts";
import type { MeetingState, QueueEntry } from "../meeting/state.ts";
import { own, withoutKey } from "../meeting/decision.ts";
import { currentItemId } from "../roles/holders.ts";
import { orderedKind } from "./order.ts";
import { roundOrder } from "./rounds.ts";

/** Events of the speaking queue, the floor, rounds and floor equity. */
export type QueueEvent = EventOf<
  | "queue.handRaised"
  | "queue.handLowered"
  | "queue.entryChanged"
  | "queue.entryMoved"
  | "queue.cleared"
  | "queue.policySet"
  | "queue.closed"
  | "queue.reopened"
  | "round.started"
  | "round.passed"
  | "round.ended"
  | "floor.granted"
  | "floor.released"
  | "floor.turnLimitSet"
  | "floor.turnExtended"
  | "equity.thresholdSet"
  | "equity.dominanceDetected"
  | "equity.summaryShared"
  | "equity.summaryHidden"
>;

/** Folds one queue event. Pure and total, like `applyEvent`: an event that no longer fits changes nothing. */
export function applyQueueEvent(state: MeetingState, event: QueueEvent): MeetingState {
  switch (event.type) {
    case "queue.handRaised": {
      const { entryId, userId, topic, kind, invitedBy } = event.payload;
      const entry: QueueEntry = {
        entryId,
        userId,
        raisedAt: event.at,
        arrival: state.nextArrival,
        kind: kind ?? "newPoint",
        rank: null,
        ...(topic ? { topic } : {}),
        ...(invitedBy ? { invitedBy } : {}),
      };
      return { ...state, queue: { ...state.queue, [entryId]: entry }, nextArrival: state.nextArrival + 1 };
    }
    case "queue.handLowered":
      return { ...state, queue: withoutKey(state.queue, event.payload.entryId) };
    case "queue.entryChanged": {
      const { entryId, kind, topic } = event.payload;
      const entry = own(state.queue, entryId);
      if (!entry) return state;
      const { topic: _previousTopic, ...rest } = entry;
      const isNewKind = kind !== entry.kind;
      // a new kind is a new place in a different line: at its back, as a fresh entry would be
      const changed: QueueEntry = {
        ...rest,
        kind,
        ...(topic ? { topic } : {}),
        ...(isNewKind ? { arrival: state.nextArrival, raisedAt: event.at, rank: null } : {}),
      };
      return { ...state, queue: { ...state.queue, [entryId]: changed }, nextArrival: state.nextArrival + (isNewKind ? 1 : 0) };
    }
    case "queue.entryMoved":
      return placeEntry(state, event.payload.entryId, event.payload.toIndex);
    case "queue.cleared":
      return { ...state, queue: {} };
    case "queue.policySet":
      return { ...state, queueSettings: { ...state.queueSettings, policy: event.payload.policy } };
    case "queue.closed":
      return { ...state, queueSettings: { ...state.queueSettings, isClosed: true } };
    case "queue.reopened":
      return { ...state, queueSettings: { ...state.queueSettings, isClosed: false } };
    case "round.started": {
      const { round, startWith, by } = event.payload;
      return {
        ...state,
        rounds: {
          current: { number: round, startedBy: by, startedAt: event.at, order: roundOrder(state, startWith), done: {} },
          count: round,
          lastStarterId: startWith,
        },
      };
    }
    case "round.passed":
      return markRoundTurn(state, event.payload.round, event.payload.userId, "passed");
    case "round.ended": {
      if (state.rounds.current?.number !== event.payload.round) return state;
      return { ...state, rounds: { ...state.rounds, current: null } };
    }
    case "floor.granted": {
      const { entryId, userId, kind, round } = event.payload;
      const entry = entryId === null ? undefined : own(state.queue, entryId);
      const granted: MeetingState = {
        ...state,
        queue: entryId === null ? state.queue : withoutKey(state.queue, entryId),
        floor: {
          entryId,
          userId,
          since: event.at,
          kind: kind ?? entry?.kind ?? null,
          itemId: currentItemId(state),
          extensionSeconds: 0,
          round: round ?? null,
        },
      };
      return round === undefined ? granted : markRoundTurn(granted, round, userId, "spoke");
    }
    case "floor.released": {
      const { floor } = state;
      if (!floor) return state;
      const turn = { userId: floor.userId, itemId: floor.itemId, start: floor.since, end: Math.max(event.at, floor.since) };
      return { ...state, floor: null, turns: [...state.turns, turn] };
    }
    case "floor.turnLimitSet":
      return { ...state, queueSettings: { ...state.queueSettings, turnLimitSeconds: event.payload.seconds } };
    case "floor.turnExtended": {
      const { floor } = state;
      if (floor?.userId !== event.payload.userId) return state;
      return { ...state, floor: { ...floor, extensionSeconds: floor.extensionSeconds + event.payload.seconds } };
    }
    case "equity.thresholdSet":
      return { ...state, equity: { ...state.equity, dominanceRatio: event.payload.ratio } };
    case "equity.dominanceDetected": {
      const alert = { ...event.payload, at: event.at };
      return { ...state, equity: { ...state.equity, alerts: { ...state.equity.alerts, [alert.userId]: alert } } };
    }
    case "equity.summaryShared":
      return { ...state, equity: { ...state.equity, sharedSummary: { ...event.payload.summary, sharedBy: event.payload.by } } };
    case "equity.summaryHidden":
      return { ...state, equity: { ...state.equity, sharedSummary: null } };
  }
}

/**
 * Puts an entry at `toIndex` among its kind and pins the order up to it: every entry from the front
 * of the kind to the moved one gets a facilitator rank, so whatever the policy later computes, none
 * of them changes place. Entries behind keep the policy's order.
 */
function placeEntry(state: MeetingState, entryId: string, toIndex: number): MeetingState {
  const entry = own(state.queue, entryId);
  if (!entry) return state;
  const others = orderedKind(state, entry.kind).filter((other) => other.entryId !== entryId);
  const index = Math.min(toIndex, others.length);
  const line = [...others.slice(0, index), entry, ...others.slice(index)];
  // ranked entries sort first, so those already placed are all ahead of the unranked ones
  const alreadyPlaced = others.filter((other) => other.rank !== null).length;
  const pinned = Math.max(alreadyPlaced, index) + 1;
  const queue = { ...state.queue };
  line.slice(0, pinned).forEach((placed, rank) => (queue[placed.entryId] = { ...placed, rank }));
  return { ...state, queue };
}

function markRoundTurn(state: MeetingState, round: number, userId: string, turn: "spoke" | "passed"): MeetingState {
  const current = state.rounds.current;
  if (current?.number !== round || Object.hasOwn(current.done, userId)) return state;
  return { ...state, rounds: { ...state.rounds, current: { ...current, done: { ...current.done, [userId]: turn } } } };
}
