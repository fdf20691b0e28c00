import type { CommandOf } from "../../protocol/commands.ts";
import { Limits } from "../../protocol/limits.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { Assumption, MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { itemOf } from "../agenda/selectors.ts";
import { isFacilitator, isScribeOf } from "../roles/holders.ts";
import { assumptionOf, assumptionsForItem, dataLinkOf, dataLinksForItem } from "./selectors.ts";

export type PreworkCommand = CommandOf<
  | "prework.addAssumption"
  | "prework.updateAssumption"
  | "prework.removeAssumption"
  | "prework.addDataLink"
  | "prework.removeDataLink"
  | "assumption.mark"
>;

/**
 * Pre-work: anyone in the meeting adds assumptions and data links to an item not yet finished;
 * only the author changes or removes them. The room's verdict on an assumption is recorded during
 * its item's diagnose phase, by a facilitator or that item's scribe.
 */
export function decidePrework(state: MeetingState, command: PreworkCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  if (command.type === "assumption.mark") return decideMark(state, command, actor, emit);
  if (state.facilitation.status === "ended") return reject("invalidState", "The meeting has ended; its pre-work is now part of the record.");

  switch (command.type) {
    case "prework.addAssumption": {
      const { itemId, statement, evidence = "", dataLink = null, confidence } = command.payload;
      const closed = openItemProblem(state, itemId);
      if (closed) return closed;
      if (assumptionsForItem(state, itemId).length >= Limits.maxAssumptionsPerItem) {
        return reject("limitReached", `This item already has ${Limits.maxAssumptionsPerItem} assumptions, the most it can hold.`);
      }
      const assumptionId = `a${state.nextLocalId + 1}`;
      return accept([emit("prework.assumptionAdded", { assumptionId, itemId, authorId: actor, statement, evidence, dataLink, confidence })]);
    }
    case "prework.updateAssumption": {
      const { assumptionId, statement, evidence, dataLink, confidence } = command.payload;
      const found = ownAssumption(state, assumptionId, actor, "change");
      if (!found.ok) return found.decision;
      const before = found.assumption;
      const after = {
        statement: statement ?? before.statement,
        evidence: evidence ?? before.evidence,
        dataLink: dataLink === undefined ? before.dataLink : dataLink,
        confidence: confidence ?? before.confidence,
      };
      const unchanged =
        after.statement === before.statement && after.evidence === before.evidence && after.dataLink === before.dataLink && after.confidence === before.confidence;
      if (unchanged) return accept([]);
      return accept([emit("prework.assumptionUpdated", { assumptionId, ...after })]);
    }
    case "prework.removeAssumption": {
      const found = ownAssumption(state, command.payload.assumptionId, actor, "remove");
      if (!found.ok) return found.decision;
      return accept([emit("prework.assumptionRemoved", { assumptionId: found.assumption.assumptionId, removedBy: actor })]);
    }
    case "prework.addDataLink": {
      const { itemId, url, label = "" } = command.payload;
      const closed = openItemProblem(state, itemId);
      if (closed) return closed;
      if (dataLinksForItem(state, itemId).length >= Limits.maxDataLinksPerItem) {
        return reject("limitReached", `This item already has ${Limits.maxDataLinksPerItem} data links, the most it can hold.`);
      }
      return accept([emit("prework.dataLinkAdded", { linkId: `l${state.nextLocalId + 1}`, itemId, authorId: actor, url, label })]);
    }
    case "prework.removeDataLink": {
      const link = dataLinkOf(state, command.payload.linkId);
      if (!link) return reject("notFound", "That data link no longer exists.");
      if (link.authorId !== actor) return reject("forbidden", "Only the person who added a data link can remove it.");
      const closed = openItemProblem(state, link.itemId);
      if (closed) return closed;
      return accept([emit("prework.dataLinkRemoved", { linkId: link.linkId, removedBy: actor })]);
    }
  }
}

function decideMark(state: MeetingState, command: CommandOf<"assumption.mark">, actor: string, emit: Emit): Decision {
  const { assumptionId, status, evidence } = command.payload;
  const assumption = assumptionOf(state, assumptionId);
  if (!assumption) return reject("notFound", "That assumption no longer exists.");
  if (!isFacilitator(state, actor) && !isScribeOf(state, assumption.itemId, actor)) {
    return reject("forbidden", "Only a facilitator or the item's scribe can mark assumptions.");
  }
  const current = state.facilitation.current;
  if (state.facilitation.status !== "running" || current?.itemId !== assumption.itemId || current.phase !== "diagnose") {
    return reject("invalidState", "Assumptions are marked while the room is in their item's diagnose phase.");
  }
  if (assumption.outcome?.status === status && assumption.outcome.evidence === evidence) return accept([]);
  return accept([emit("assumption.marked", { assumptionId, itemId: assumption.itemId, status, evidence, markedBy: actor })]);
}

/** Why pre-work cannot be added to or changed on this item, if it cannot. */
function openItemProblem(state: MeetingState, itemId: string): Decision | null {
  const item = itemOf(state, itemId);
  if (!item) return reject("notFound", "That agenda item no longer exists.");
  if (item.status === "done") return reject("invalidState", "That item is finished; its pre-work is now part of the record.");
  return null;
}

function ownAssumption(
  state: MeetingState,
  assumptionId: string,
  actor: string,
  verb: "change" | "remove",
): { ok: true; assumption: Assumption } | { ok: false; decision: Decision } {
  const assumption = assumptionOf(state, assumptionId);
  if (!assumption) return { ok: false, decision: reject("notFound", "That assumption no longer exists.") };
  if (assumption.authorId !== actor) {
    return { ok: false, decision: reject("forbidden", `Only the person who added an assumption can ${verb} it.`) };
  }
  const closed = openItemProblem(state, assumption.itemId);
  return closed ? { ok: false, decision: closed } : { ok: true, assumption };
}
