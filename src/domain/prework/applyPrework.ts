import type { EventOf } from "../../protocol/events.ts";
import type { Assumption, MeetingState } from "../meeting/state.ts";
import { own, withoutKey } from "../meeting/decision.ts";

export type PreworkEvent = EventOf<
  | "prework.assumptionAdded"
  | "prework.assumptionUpdated"
  | "prework.assumptionRemoved"
  | "prework.dataLinkAdded"
  | "prework.dataLinkRemoved"
  | "assumption.marked"
>;

/** Folds a pre-work event. Total: an event about an assumption or link that is gone changes nothing. */
export function applyPreworkEvent(state: MeetingState, event: PreworkEvent): MeetingState {
  const { prework } = state;
  switch (event.type) {
    case "prework.assumptionAdded": {
      const { assumptionId, itemId, authorId, statement, evidence, dataLink, confidence } = event.payload;
      const assumption: Assumption = {
        assumptionId,
        itemId,
        authorId,
        statement,
        evidence,
        dataLink,
        confidence,
        outcome: null,
        sequence: state.nextLocalId + 1,
        createdAt: event.at,
        updatedAt: event.at,
      };
      return { ...state, prework: { ...prework, assumptions: { ...prework.assumptions, [assumptionId]: assumption } }, nextLocalId: state.nextLocalId + 1 };
    }
    case "prework.assumptionUpdated": {
      const { assumptionId, statement, evidence, dataLink, confidence } = event.payload;
      const before = own(prework.assumptions, assumptionId);
      if (!before) return state;
      const after = { ...before, statement, evidence, dataLink, confidence, updatedAt: event.at };
      return { ...state, prework: { ...prework, assumptions: { ...prework.assumptions, [assumptionId]: after } } };
    }
    case "prework.assumptionRemoved":
      return { ...state, prework: { ...prework, assumptions: withoutKey(prework.assumptions, event.payload.assumptionId) } };
    case "prework.dataLinkAdded": {
      const { linkId, itemId, authorId, url, label } = event.payload;
      const link = { linkId, itemId, authorId, url, label, sequence: state.nextLocalId + 1, createdAt: event.at };
      return { ...state, prework: { ...prework, dataLinks: { ...prework.dataLinks, [linkId]: link } }, nextLocalId: state.nextLocalId + 1 };
    }
    case "prework.dataLinkRemoved":
      return { ...state, prework: { ...prework, dataLinks: withoutKey(prework.dataLinks, event.payload.linkId) } };
    case "assumption.marked": {
      const { assumptionId, status, evidence, markedBy } = event.payload;
      const before = own(prework.assumptions, assumptionId);
      if (!before) return state;
      const after = { ...before, outcome: { status, evidence, markedBy, markedAt: event.at } };
      return { ...state, prework: { ...prework, assumptions: { ...prework.assumptions, [assumptionId]: after } } };
    }
  }
}
