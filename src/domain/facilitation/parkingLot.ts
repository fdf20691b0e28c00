import type { CommandOf } from "../../protocol/commands.ts";
import type { EventOf } from "../../protocol/events.ts";
import { Limits } from "../../protocol/limits.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState, ParkingLotEntry } from "../meeting/state.ts";
import { accept, own, reject, withoutKey, type Decision, type Emit } from "../meeting/decision.ts";
import { itemOf } from "../agenda/selectors.ts";
import { isFacilitator } from "../roles/holders.ts";

export type ParkingLotCommand = CommandOf<"parkingLot.add" | "parkingLot.remove" | "parkingLot.promote">;
export type ParkingLotEvent = EventOf<"parkingLot.added" | "parkingLot.removed" | "parkingLot.promoted">;

/**
 * The parking lot: anyone parks a point; its author or a facilitator removes it; a facilitator
 * promotes it to become an item of a later meeting. Promotion is only recorded here: carrying
 * promoted points (and unfinished items) into the next meeting of the same space is the server's
 * job, to be built with spaces.
 */
export function decideParkingLot(state: MeetingState, command: ParkingLotCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "parkingLot.add": {
      const { text, itemId } = command.payload;
      if (itemId !== undefined && !itemOf(state, itemId)) return reject("notFound", "That agenda item no longer exists.");
      if (Object.keys(state.parkingLot).length >= Limits.maxParkingLotEntries) {
        return reject("limitReached", `The parking lot already holds ${Limits.maxParkingLotEntries} points, the most it can hold.`);
      }
      return accept([emit("parkingLot.added", { entryId: `p${state.nextLocalId + 1}`, text, itemId: itemId ?? null, authorId: actor })]);
    }
    case "parkingLot.remove": {
      const entry = own(state.parkingLot, command.payload.entryId);
      if (!entry) return reject("notFound", "That parked point no longer exists.");
      if (entry.authorId !== actor && !isFacilitator(state, actor)) {
        return reject("forbidden", "Only the person who parked a point or a facilitator can remove it.");
      }
      return accept([emit("parkingLot.removed", { entryId: entry.entryId, removedBy: actor })]);
    }
    case "parkingLot.promote": {
      if (!isFacilitator(state, actor)) return reject("forbidden", "Only a facilitator can move a parked point to a later meeting.");
      const entry = own(state.parkingLot, command.payload.entryId);
      if (!entry) return reject("notFound", "That parked point no longer exists.");
      if (entry.promotion) return reject("invalidState", "That point is already marked for a later meeting.");
      return accept([emit("parkingLot.promoted", { entryId: entry.entryId, promotedBy: actor })]);
    }
  }
}

/** Folds a parking-lot event; an event about a point that is gone changes nothing. */
export function applyParkingLotEvent(state: MeetingState, event: ParkingLotEvent): MeetingState {
  switch (event.type) {
    case "parkingLot.added": {
      const { entryId, text, itemId, authorId } = event.payload;
      const entry: ParkingLotEntry = { entryId, text, itemId, authorId, sequence: state.nextLocalId + 1, createdAt: event.at, promotion: null };
      return { ...state, parkingLot: { ...state.parkingLot, [entryId]: entry }, nextLocalId: state.nextLocalId + 1 };
    }
    case "parkingLot.removed":
      return { ...state, parkingLot: withoutKey(state.parkingLot, event.payload.entryId) };
    case "parkingLot.promoted": {
      const entry = own(state.parkingLot, event.payload.entryId);
      if (!entry) return state;
      const promoted = { ...entry, promotion: { promotedBy: event.payload.promotedBy, promotedAt: event.at } };
      return { ...state, parkingLot: { ...state.parkingLot, [entry.entryId]: promoted } };
    }
  }
}

/** Parked points in the order they were parked. */
export function parkingLotEntries(state: MeetingState): ParkingLotEntry[] {
  return Object.values(state.parkingLot).sort((a, b) => a.sequence - b.sequence);
}
