import type { AssumptionStatus } from "../../protocol/vocabulary.ts";
import type { Assumption, DataLink, MeetingState } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";
import { agendaItems } from "../agenda/selectors.ts";

/** An assumption by id, without reaching the record's prototype. */
export function assumptionOf(state: MeetingState, assumptionId: string): Assumption | undefined {
  return own(state.prework.assumptions, assumptionId);
}

/** A data link by id, without reaching the record's prototype. */
export function dataLinkOf(state: MeetingState, linkId: string): DataLink | undefined {
  return own(state.prework.dataLinks, linkId);
}

/** The room's latest verdict, `untested` until someone marks it. */
export function assumptionStatus(assumption: Assumption): AssumptionStatus {
  return assumption.outcome?.status ?? "untested";
}

/** An item's assumptions in the order they were added. */
export function assumptionsForItem(state: MeetingState, itemId: string): Assumption[] {
  return Object.values(state.prework.assumptions)
    .filter((assumption) => assumption.itemId === itemId)
    .sort((a, b) => a.sequence - b.sequence);
}

/** An item's data links in the order they were added. */
export function dataLinksForItem(state: MeetingState, itemId: string): DataLink[] {
  return Object.values(state.prework.dataLinks)
    .filter((link) => link.itemId === itemId)
    .sort((a, b) => a.sequence - b.sequence);
}

/** One participant's pre-work. */
export interface ParticipantPrework {
  userId: string;
  displayName: string;
  /** Items this person added an assumption or a data link to, in agenda order. */
  contributedItemIds: string[];
  assumptionCount: number;
  dataLinkCount: number;
  /** Whether they contributed to every item on the agenda (false on an empty agenda). */
  hasCoveredEveryItem: boolean;
}

/** Pre-work completeness: per participant who contributed to which items, and per item who contributed. */
export interface PreworkCompleteness {
  itemCount: number;
  /** Every participant the meeting knows, in the order they first joined. */
  participants: ParticipantPrework[];
  /** Per item in agenda order, the contributors in the order they first joined. */
  items: { itemId: string; contributorIds: string[] }[];
}

/** Who has contributed pre-work to which items: what the organizer checks before the meeting. */
export function preworkCompleteness(state: MeetingState): PreworkCompleteness {
  const items = agendaItems(state);
  const people = Object.values(state.participants).sort((a, b) => a.joinedAt - b.joinedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const contributions = [...Object.values(state.prework.assumptions), ...Object.values(state.prework.dataLinks)];
  const contributed = (userId: string, itemId: string) =>
    contributions.some((entry) => entry.authorId === userId && entry.itemId === itemId);
  return {
    itemCount: items.length,
    participants: people.map(({ userId, displayName }) => {
      const contributedItemIds = items.filter((item) => contributed(userId, item.itemId)).map((item) => item.itemId);
      return {
        userId,
        displayName,
        contributedItemIds,
        assumptionCount: Object.values(state.prework.assumptions).filter((entry) => entry.authorId === userId).length,
        dataLinkCount: Object.values(state.prework.dataLinks).filter((entry) => entry.authorId === userId).length,
        hasCoveredEveryItem: items.length > 0 && contributedItemIds.length === items.length,
      };
    }),
    items: items.map((item) => ({
      itemId: item.itemId,
      contributorIds: people.filter((person) => contributed(person.userId, item.itemId)).map((person) => person.userId),
    })),
  };
}
