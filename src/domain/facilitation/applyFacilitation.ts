import type { EventOf } from "../../protocol/events.ts";
import type { ItemStatus } from "../../protocol/vocabulary.ts";
import type { AgendaItem, Facilitation, MeetingState } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";
import type { PhaseRef } from "../agenda/phases.ts";
import { openSpanMs, phaseUsage } from "./timer.ts";

export type FacilitationEvent = EventOf<
  | "meeting.started"
  | "facilitation.phaseAdvanced"
  | "facilitation.steppedBack"
  | "timer.paused"
  | "timer.resumed"
  | "timer.extended"
  | "meeting.ended"
  | "debate.closed"
  | "debate.reopened"
  | "item.notesSet"
>;

/** Folds a facilitation event: the walk, item statuses, the clock and the record of time used. */
export function applyFacilitationEvent(state: MeetingState, event: FacilitationEvent): MeetingState {
  const { facilitation } = state;
  switch (event.type) {
    case "meeting.started":
      return { ...state, facilitation: { ...facilitation, status: "running", startedAt: event.at, startedBy: event.payload.startedBy } };
    case "facilitation.phaseAdvanced":
      return moveTo(state, event.payload.from, event.payload.to, "done", event.at);
    case "facilitation.steppedBack":
      return moveTo(state, event.payload.from, event.payload.to, "pending", event.at);
    case "timer.paused": {
      const current = facilitation.current;
      if (!current || current.pausedAt !== null) return state;
      return { ...state, facilitation: { ...facilitation, current: { ...current, pausedAt: event.at } } };
    }
    case "timer.resumed": {
      const current = facilitation.current;
      if (!current || current.pausedAt === null) return state;
      const pausedMsInSpan = current.pausedMsInSpan + Math.max(0, event.at - current.pausedAt);
      return { ...state, facilitation: { ...facilitation, current: { ...current, pausedAt: null, pausedMsInSpan } } };
    }
    case "timer.extended": {
      const { itemId, phase, minutes, reason, by } = event.payload;
      const usage = phaseUsage(state, itemId, phase);
      const extended = { ...usage, extensions: [...usage.extensions, { minutes, reason, by, at: event.at }] };
      return withUsage(state, itemId, phase, extended);
    }
    case "meeting.ended": {
      const closed = closeSpan(state, event.at);
      const items = mapItems(closed, (item) => (item.status === "active" ? { ...item, status: "pending" } : item));
      const ended: Facilitation = {
        ...closed.facilitation,
        status: "ended",
        endedAt: event.at,
        endedBy: event.payload.endedBy,
        current: null,
        unfinishedItemIds: event.payload.unfinishedItemIds,
      };
      return { ...closed, agenda: { ...closed.agenda, items }, facilitation: ended };
    }
    case "debate.closed":
    case "debate.reopened": {
      const mode = event.type === "debate.closed" ? "decision" : "debating";
      return updateItem(state, event.payload.itemId, (item) => ({ ...item, mode }));
    }
    case "item.notesSet":
      return updateItem(state, event.payload.itemId, (item) => ({ ...item, notes: event.payload.notes }));
  }
}

/**
 * Leaves `from` and enters `to`: the open span's time is added to the phase it was in; an item left
 * for another becomes `leftStatus` (done going forward, pending going back); the item entered
 * becomes active and its phase's clock starts, running.
 */
function moveTo(state: MeetingState, from: PhaseRef | null, to: PhaseRef | null, leftStatus: ItemStatus, at: number): MeetingState {
  const closed = closeSpan(state, at);
  const items = mapItems(closed, (item) => {
    if (to && item.itemId === to.itemId) return item.status === "active" ? item : { ...item, status: "active" };
    if (from && item.itemId === from.itemId) return { ...item, status: leftStatus };
    return item;
  });
  const current = to ? { itemId: to.itemId, phase: to.phase, spanStartedAt: at, pausedAt: null, pausedMsInSpan: 0 } : null;
  return { ...closed, agenda: { ...closed.agenda, items }, facilitation: { ...closed.facilitation, current } };
}

/** Adds the open span's active time to its phase's used time and clears the clock. */
function closeSpan(state: MeetingState, at: number): MeetingState {
  const current = state.facilitation.current;
  if (!current) return state;
  const usage = phaseUsage(state, current.itemId, current.phase);
  const withTime = withUsage(state, current.itemId, current.phase, { ...usage, usedMs: usage.usedMs + openSpanMs(current, at) });
  return { ...withTime, facilitation: { ...withTime.facilitation, current: null } };
}

function withUsage(state: MeetingState, itemId: string, phase: PhaseRef["phase"], usage: ReturnType<typeof phaseUsage>): MeetingState {
  if (!Object.hasOwn(state.agenda.items, itemId)) return state;
  const byPhase = { ...(own(state.facilitation.usage, itemId) ?? {}), [phase]: usage };
  return { ...state, facilitation: { ...state.facilitation, usage: { ...state.facilitation.usage, [itemId]: byPhase } } };
}

function mapItems(state: MeetingState, change: (item: AgendaItem) => AgendaItem): Record<string, AgendaItem> {
  return Object.fromEntries(Object.entries(state.agenda.items).map(([itemId, item]) => [itemId, change(item)]));
}

function updateItem(state: MeetingState, itemId: string, change: (item: AgendaItem) => AgendaItem): MeetingState {
  const item = own(state.agenda.items, itemId);
  if (!item) return state;
  return { ...state, agenda: { ...state.agenda, items: { ...state.agenda.items, [itemId]: change(item) } } };
}
