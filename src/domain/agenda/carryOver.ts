import type { CommandOf } from "../../protocol/commands.ts";
import type { NewAgendaItem } from "../../protocol/agendaEvents.ts";
import { Limits } from "../../protocol/limits.ts";
import type { CarryOverReason } from "../../protocol/vocabulary.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { participantOf } from "../roles/holders.ts";
import type { PhasePlan } from "./phases.ts";
import { agendaItems } from "./selectors.ts";

/** One item an earlier meeting left open, as the next meeting would receive it. */
export interface CarriedItem {
  title: string;
  goal: string;
  ownerId: string | null;
  phases: PhasePlan[];
  reason: CarryOverReason;
}

/** What the last meeting ended in a space left open, offered to the next meeting there. */
export interface CarryOverOffer {
  sourceMeetingId: string;
  sourceEndedAt: number;
  items: CarriedItem[];
}

// A parked point arrives as a question to examine, not yet a decision to make: diagnose it, then
// decide what to do about it. The organizer can add phases before the meeting.
const parkedPointPhases: PhasePlan[] = [
  { phase: "diagnose", minutes: 10 },
  { phase: "commit", minutes: 5 },
];

/**
 * The open items of an ended meeting: its unfinished items in agenda order (with their goal, owner
 * and phases), then its promoted parked points in the order they were parked. Null when the meeting
 * has not ended or left nothing open.
 */
export function carryOverOffer(sourceMeetingId: string, source: MeetingState): CarryOverOffer | null {
  const { status, endedAt, unfinishedItemIds } = source.facilitation;
  if (status !== "ended" || endedAt === null) return null;
  const unfinished = new Set(unfinishedItemIds);
  const items: CarriedItem[] = agendaItems(source)
    .filter((item) => unfinished.has(item.itemId))
    .map(({ title, goal, ownerId, phases }) => ({ title, goal, ownerId, phases: phases.map((plan) => ({ ...plan })), reason: "unfinished" }));
  const promoted = Object.values(source.parkingLot)
    .filter((entry) => entry.promotion !== null)
    .sort((a, b) => a.sequence - b.sequence);
  for (const entry of promoted) {
    const isLong = entry.text.length > Limits.maxTitleLength;
    items.push({
      title: isLong ? `${entry.text.slice(0, Limits.maxTitleLength - 1).trimEnd()}…` : entry.text,
      // the whole point survives in the goal when the title had to be shortened
      goal: isLong ? entry.text : "",
      ownerId: null,
      phases: parkedPointPhases.map((plan) => ({ ...plan })),
      reason: "parked",
    });
  }
  return items.length === 0 ? null : { sourceMeetingId, sourceEndedAt: endedAt, items };
}

/**
 * Carries the offer the server found for this meeting's space into the agenda. Owners who have not
 * joined this meeting are dropped (an item's owner must be a participant); the organizer can name one.
 */
export function decideCarryOver(state: MeetingState, command: CommandOf<"agenda.carryOver">, context: DecideContext, emit: Emit): Decision {
  const offer = context.carryOverOffer ?? null;
  const { sourceMeetingId } = command.payload;
  if (offer === null) return reject("notFound", "No earlier meeting in this space left items open.");
  if (offer.sourceMeetingId !== sourceMeetingId) {
    return reject("stale", "A more recent meeting in this space has ended since you looked; review its open items and try again.");
  }
  if (state.agenda.carriedOverFrom.includes(sourceMeetingId)) return reject("invalidState", "That meeting's open items are already on this agenda.");
  const room = Limits.maxAgendaItems - state.agenda.order.length;
  if (offer.items.length > room) {
    return reject("limitReached", `The earlier meeting left ${offer.items.length} items open but the agenda has room for ${room} more (at most ${Limits.maxAgendaItems}).`);
  }
  const items: (NewAgendaItem & { reason: CarryOverReason })[] = offer.items.map((item, index) => ({
    itemId: `i${state.nextLocalId + index + 1}`,
    title: item.title,
    goal: item.goal,
    ownerId: item.ownerId !== null && participantOf(state, item.ownerId) ? item.ownerId : null,
    phases: item.phases,
    reason: item.reason,
  }));
  return accept([emit("agenda.itemsCarriedOver", { sourceMeetingId, sourceEndedAt: offer.sourceEndedAt, items, carriedBy: context.actor.userId })]);
}
