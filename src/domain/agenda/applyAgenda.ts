import type { EventOf } from "../../protocol/events.ts";
import type { NewAgendaItem } from "../../protocol/agendaEvents.ts";
import type { CarriedFrom } from "../../protocol/agendaSnapshot.ts";
import type { AgendaItem, MeetingState } from "../meeting/state.ts";
import { own, withoutKey } from "../meeting/decision.ts";

export type AgendaEvent = EventOf<
  | "agenda.itemAdded"
  | "agenda.itemUpdated"
  | "agenda.itemRemoved"
  | "agenda.itemMoved"
  | "agenda.templateApplied"
  | "agenda.itemsCarriedOver"
  | "agenda.scheduledMinutesSet"
>;

/** Folds an agenda event. Total: an event about an item that is gone changes nothing. */
export function applyAgendaEvent(state: MeetingState, event: AgendaEvent): MeetingState {
  switch (event.type) {
    case "agenda.itemAdded":
      return addItems(state, [event.payload], event.payload.addedBy, event.at);
    case "agenda.templateApplied": {
      const next = addItems(state, event.payload.items, event.payload.appliedBy, event.at);
      return { ...next, agenda: { ...next.agenda, lastTemplate: event.payload.template } };
    }
    case "agenda.itemsCarriedOver": {
      const { sourceMeetingId, sourceEndedAt, items, carriedBy } = event.payload;
      const next = addItems(state, items, carriedBy, event.at, (item) => ({ meetingId: sourceMeetingId, endedAt: sourceEndedAt, reason: item.reason }));
      return { ...next, agenda: { ...next.agenda, carriedOverFrom: [...next.agenda.carriedOverFrom, sourceMeetingId] } };
    }
    case "agenda.itemUpdated": {
      const item = own(state.agenda.items, event.payload.itemId);
      if (!item) return state;
      const { title, goal, ownerId, phases } = event.payload.changes;
      const updated: AgendaItem = {
        ...item,
        ...(title !== undefined ? { title } : {}),
        ...(goal !== undefined ? { goal } : {}),
        ...(ownerId !== undefined ? { ownerId } : {}),
        ...(phases !== undefined ? { phases } : {}),
      };
      return { ...state, agenda: { ...state.agenda, items: { ...state.agenda.items, [item.itemId]: updated } } };
    }
    case "agenda.itemRemoved":
      return removeItem(state, event.payload.itemId);
    case "agenda.itemMoved": {
      const { itemId, toIndex } = event.payload;
      if (!state.agenda.order.includes(itemId)) return state;
      const order = state.agenda.order.filter((id) => id !== itemId);
      order.splice(toIndex, 0, itemId);
      return { ...state, agenda: { ...state.agenda, order } };
    }
    case "agenda.scheduledMinutesSet":
      return { ...state, agenda: { ...state.agenda, scheduledMinutes: event.payload.minutes } };
  }
}

function addItems<T extends NewAgendaItem>(
  state: MeetingState,
  added: readonly T[],
  createdBy: string,
  createdAt: number,
  carriedFrom?: (item: T) => CarriedFrom,
): MeetingState {
  const items = { ...state.agenda.items };
  for (const item of added) {
    const { itemId, title, goal, ownerId, phases } = item;
    items[itemId] = {
      itemId,
      title,
      goal,
      ownerId,
      phases,
      status: "pending",
      mode: "debating",
      notes: "",
      createdBy,
      createdAt,
      ...(carriedFrom ? { carriedFrom: carriedFrom(item) } : {}),
    };
  }
  return {
    ...state,
    agenda: { ...state.agenda, items, order: [...state.agenda.order, ...added.map((item) => item.itemId)] },
    nextLocalId: state.nextLocalId + added.length,
  };
}

/** Removes an item with everything hanging off it; parked points keep their text but lose the link. */
function removeItem(state: MeetingState, itemId: string): MeetingState {
  if (!Object.hasOwn(state.agenda.items, itemId)) return state;
  const keepOthers = <T extends { itemId: string }>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value.itemId !== itemId));
  const unlink = <T extends { itemId: string | null }>(entry: T): T => (entry.itemId === itemId ? { ...entry, itemId: null } : entry);
  return {
    ...state,
    agenda: { ...state.agenda, items: withoutKey(state.agenda.items, itemId), order: state.agenda.order.filter((id) => id !== itemId) },
    prework: { assumptions: keepOthers(state.prework.assumptions), dataLinks: keepOthers(state.prework.dataLinks) },
    parkingLot: Object.fromEntries(Object.entries(state.parkingLot).map(([entryId, entry]) => [entryId, unlink(entry)])),
    // a commitment outlives the item it came from: it keeps its Planner task, now without an item
    commitments: Object.fromEntries(Object.entries(state.commitments).map(([commitmentId, commitment]) => [commitmentId, unlink(commitment)])),
    roles: { ...state.roles, byItem: withoutKey(state.roles.byItem, itemId) },
    facilitation: { ...state.facilitation, usage: withoutKey(state.facilitation.usage, itemId) },
  };
}
