import { SYNC_STATES, type SyncState } from "../../protocol/vocabulary.ts";
import type { Commitment } from "../../protocol/commitmentSnapshot.ts";
import type { MeetingState } from "../meeting/state.ts";
import { own } from "../meeting/decision.ts";
import { currentItemId, isFacilitator, isScribeOf } from "../roles/holders.ts";
import { isPastDue } from "./dueDate.ts";

/** A commitment by id, without reaching the record's prototype. */
export function commitmentOf(state: MeetingState, commitmentId: string): Commitment | undefined {
  return own(state.commitments, commitmentId);
}

/** Every commitment of the meeting, cancelled ones included, in the order they were captured. */
export function allCommitments(state: MeetingState): Commitment[] {
  return Object.values(state.commitments).sort((a, b) => a.sequence - b.sequence);
}

/** The commitments that come from one agenda item, in the order they were captured. */
export function commitmentsForItem(state: MeetingState, itemId: string): Commitment[] {
  return allCommitments(state).filter((commitment) => commitment.itemId === itemId);
}

/** The commitments one person is an owner of (what the tab highlights for them), in the order they were captured. */
export function commitmentsOwnedBy(state: MeetingState, userId: string): Commitment[] {
  return allCommitments(state).filter((commitment) => commitment.ownerIds.includes(userId));
}

/** How many commitments stand where with Planner, for "3 of 8 synced". */
export interface SyncSummary {
  /** Every commitment, cancelled ones included: a cancellation has to reach Planner too. */
  total: number;
  byState: Record<SyncState, number>;
}

/** Counts the meeting's commitments by sync state. */
export function syncSummary(state: MeetingState): SyncSummary {
  const byState = Object.fromEntries(SYNC_STATES.map((syncState) => [syncState, 0])) as Record<SyncState, number>;
  const commitments = Object.values(state.commitments);
  for (const commitment of commitments) byState[commitment.sync.state] += 1;
  return { total: commitments.length, byState };
}

/** Whether an open commitment's due date has passed (UTC) without Planner reporting it complete. */
export function isOverdue(commitment: Commitment, now: number): boolean {
  const { progress } = commitment;
  if (commitment.status !== "open" || (progress !== null && (progress.completedAt !== null || progress.percentComplete === 100))) return false;
  // an owner may have moved the date in Planner; that date is the one they are working to
  return isPastDue(progress?.plannerDueDate ?? commitment.dueDate, now);
}

/**
 * Who keeps the meeting's commitments: a facilitator, the current item's scribe, or the scribe of
 * the item a commitment comes from (after the meeting there is no current item, and commitments
 * are often tidied then).
 */
export function isCommitmentKeeper(state: MeetingState, userId: string, itemId: string | null = null): boolean {
  if (isFacilitator(state, userId)) return true;
  const current = currentItemId(state);
  if (current !== null && isScribeOf(state, current, userId)) return true;
  return itemId !== null && isScribeOf(state, itemId, userId);
}

/** Whether the room is in a commit phase, when every participant may capture what they commit to. */
export function isCommitPhase(state: MeetingState): boolean {
  return state.facilitation.status === "running" && state.facilitation.current?.phase === "commit";
}

/**
 * Whether someone may capture a commitment with these owners: a keeper always; anyone else only
 * during a commit phase, and only as one of its owners.
 */
export function canCaptureCommitment(state: MeetingState, userId: string, ownerIds: readonly string[], itemId: string | null = null): boolean {
  return isCommitmentKeeper(state, userId, itemId) || (isCommitPhase(state) && ownerIds.includes(userId));
}

/** Whether someone may edit or cancel a commitment: a keeper or whoever captured it. */
export function canEditCommitment(state: MeetingState, commitment: Commitment, userId: string): boolean {
  return commitment.createdBy === userId || isCommitmentKeeper(state, userId, commitment.itemId);
}

/** Whether someone may ask for a failed Planner write to be tried again: a keeper or an owner. */
export function canRetryCommitmentSync(state: MeetingState, commitment: Commitment, userId: string): boolean {
  return commitment.ownerIds.includes(userId) || isCommitmentKeeper(state, userId, commitment.itemId);
}
