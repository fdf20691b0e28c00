import { isCalendarDate, utcCalendarDate } from "../../../protocol/commitmentDates.ts";
import type { Commitment } from "../../../protocol/commitmentSnapshot.ts";
import { Limits } from "../../../protocol/limits.ts";

/** What the capture and edit form holds while someone types. */
export interface CommitmentDraft {
  title: string;
  ownerIds: string[];
  dueDate: string;
  notes: string;
  itemId: string | null;
}

/** A field the form marks, with the message that names it (the server's own checks, run before sending). */
export type DraftProblem =
  | { field: "title"; kind: "titleEmpty" | "titleTooLong" }
  | { field: "ownerIds"; kind: "noOwner" | "tooManyOwners" }
  | { field: "dueDate"; kind: "dueDateInvalid" }
  | { field: "dueDate"; kind: "dueDatePast"; date: string; today: string }
  | { field: "notes"; kind: "notesTooLong" };

/** An empty draft: owned by the viewer, due in a week, from the current item. */
export function newDraft(viewerId: string, itemId: string | null, now: number): CommitmentDraft {
  return { title: "", ownerIds: [viewerId], dueDate: utcCalendarDate(now + 7 * 24 * 60 * 60 * 1000), notes: "", itemId };
}

/** The draft of an existing commitment, for editing it. */
export function draftOf(commitment: Commitment): CommitmentDraft {
  const { title, ownerIds, dueDate, notes, itemId } = commitment;
  return { title, ownerIds: [...ownerIds], dueDate, notes, itemId };
}

/**
 * What the server would refuse in a draft, in form order. The due date is checked only when it
 * changed (`previousDueDate`): an unchanged date that has since passed is a late commitment, not bad input.
 */
export function draftProblems(draft: CommitmentDraft, now: number, previousDueDate?: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (title.length === 0) problems.push({ field: "title", kind: "titleEmpty" });
  else if (title.length > Limits.maxCommitmentTitleLength) problems.push({ field: "title", kind: "titleTooLong" });
  if (draft.ownerIds.length === 0) problems.push({ field: "ownerIds", kind: "noOwner" });
  else if (draft.ownerIds.length > Limits.maxCommitmentOwners) problems.push({ field: "ownerIds", kind: "tooManyOwners" });
  if (!isCalendarDate(draft.dueDate)) problems.push({ field: "dueDate", kind: "dueDateInvalid" });
  else if (draft.dueDate !== previousDueDate && draft.dueDate < utcCalendarDate(now)) {
    problems.push({ field: "dueDate", kind: "dueDatePast", date: draft.dueDate, today: utcCalendarDate(now) });
  }
  if (draft.notes.trim().length > Limits.maxCommitmentNotesLength) problems.push({ field: "notes", kind: "notesTooLong" });
  return problems;
}
