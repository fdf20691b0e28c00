import type { CommandOf } from "../../protocol/commands.ts";
import { Limits } from "../../protocol/limits.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { isFacilitator, participantOf } from "../roles/holders.ts";
import { canonicalPhases, samePhases } from "./phases.ts";
import { firstPendingIndex, itemOf } from "./selectors.ts";
import { templateItems } from "./templates.ts";
import { decideCarryOver } from "./carryOver.ts";

export type AgendaCommand = CommandOf<
  | "agenda.addItem"
  | "agenda.updateItem"
  | "agenda.removeItem"
  | "agenda.moveItem"
  | "agenda.applyTemplate"
  | "agenda.carryOver"
  | "agenda.setScheduledMinutes"
>;

/**
 * Agenda edits. The organizer or a facilitator, before and during the meeting; a finished item is
 * part of the record and cannot change; items already taken up keep their place.
 */
export function decideAgenda(state: MeetingState, command: AgendaCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  if (!isFacilitator(state, actor)) return reject("forbidden", "Only the organizer or a facilitator can change the agenda.");
  if (state.facilitation.status === "ended") return reject("invalidState", "The meeting has ended; its agenda is now part of the record.");

  switch (command.type) {
    case "agenda.addItem": {
      const { title, goal = "", ownerId = null, phases } = command.payload;
      if (state.agenda.order.length >= Limits.maxAgendaItems) {
        return reject("limitReached", `The agenda already has ${Limits.maxAgendaItems} items, the most it can hold.`);
      }
      if (ownerId !== null && !participantOf(state, ownerId)) return unknownOwner();
      const itemId = `i${state.nextLocalId + 1}`;
      return accept([emit("agenda.itemAdded", { itemId, title, goal, ownerId, phases: canonicalPhases(phases), addedBy: actor })]);
    }
    case "agenda.updateItem":
      return decideUpdate(state, command, actor, emit);
    case "agenda.removeItem": {
      const item = itemOf(state, command.payload.itemId);
      if (!item) return itemGone();
      if (item.status !== "pending") return reject("invalidState", "Only items still to come can be removed.");
      return accept([emit("agenda.itemRemoved", { itemId: item.itemId, removedBy: actor })]);
    }
    case "agenda.moveItem": {
      const { itemId, toIndex } = command.payload;
      const item = itemOf(state, itemId);
      if (!item) return itemGone();
      if (item.status !== "pending") return reject("invalidState", "Items the room has already taken up keep their place.");
      const fromIndex = state.agenda.order.indexOf(itemId);
      const lowest = firstPendingIndex(state);
      const highest = state.agenda.order.length - 1;
      if (toIndex > highest) return reject("invalidInput", `toIndex must be between ${lowest} and ${highest}.`);
      if (toIndex < lowest) {
        return reject("invalidState", `Items the room has already taken up keep their place; move this item to position ${lowest + 1} or later.`);
      }
      if (toIndex === fromIndex) return accept([]);
      return accept([emit("agenda.itemMoved", { itemId, fromIndex, toIndex, movedBy: actor })]);
    }
    case "agenda.applyTemplate": {
      const { template, language = "en" } = command.payload;
      const proposed = templateItems(template, language);
      const room = Limits.maxAgendaItems - state.agenda.order.length;
      if (proposed.length > room) {
        return reject("limitReached", `This template adds ${proposed.length} items but the agenda has room for ${room} more (at most ${Limits.maxAgendaItems}).`);
      }
      const items = proposed.map(({ title, phases }, index) => ({
        itemId: `i${state.nextLocalId + index + 1}`,
        title,
        goal: "",
        ownerId: null,
        phases,
      }));
      return accept([emit("agenda.templateApplied", { template, items, appliedBy: actor })]);
    }
    case "agenda.carryOver":
      return decideCarryOver(state, command, context, emit);
    case "agenda.setScheduledMinutes": {
      const { minutes } = command.payload;
      if (minutes === state.agenda.scheduledMinutes) return accept([]);
      return accept([emit("agenda.scheduledMinutesSet", { minutes, setBy: actor })]);
    }
  }
}

function decideUpdate(state: MeetingState, command: CommandOf<"agenda.updateItem">, actor: string, emit: Emit): Decision {
  const { itemId, title, goal, ownerId, phases } = command.payload;
  const item = itemOf(state, itemId);
  if (!item) return itemGone();
  if (item.status === "done") return reject("invalidState", "That item is finished and can no longer be edited.");
  if (ownerId !== undefined && ownerId !== null && !participantOf(state, ownerId)) return unknownOwner();

  const changes: { title?: string; goal?: string; ownerId?: string | null; phases?: typeof item.phases } = {};
  if (title !== undefined && title !== item.title) changes.title = title;
  if (goal !== undefined && goal !== item.goal) changes.goal = goal;
  if (ownerId !== undefined && ownerId !== item.ownerId) changes.ownerId = ownerId;
  if (phases !== undefined) {
    const next = canonicalPhases(phases);
    const current = state.facilitation.current;
    if (item.status === "active" && current?.itemId === itemId) {
      // the phases already walked and the running one (its timebox drives the clock) stay as they are
      const kept = item.phases.findIndex((plan) => plan.phase === current.phase) + 1;
      if (!samePhases(next.slice(0, kept), item.phases.slice(0, kept))) {
        return reject(
          "invalidState",
          "While the room is on this item, its phases up to the current one cannot change; extend the timer to give the current phase more time.",
        );
      }
    }
    if (!samePhases(next, item.phases)) changes.phases = next;
  }
  if (Object.keys(changes).length === 0) return accept([]);
  return accept([emit("agenda.itemUpdated", { itemId, changes, updatedBy: actor })]);
}

function itemGone(): Decision {
  return reject("notFound", "That agenda item no longer exists.");
}

function unknownOwner(): Decision {
  return reject("unknownParticipant", "The owner must be someone who has joined this meeting in Concord.");
}
