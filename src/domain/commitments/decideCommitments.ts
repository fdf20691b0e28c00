import type { CommandOf } from "../../protocol/commands.ts";
import type { Commitment } from "../../protocol/commitmentSnapshot.ts";
import type { EventOf } from "../../protocol/events.ts";
import { Limits } from "../../protocol/limits.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { itemOf } from "../agenda/selectors.ts";
import { participantOf } from "../roles/holders.ts";
import { dueDateProblem } from "./dueDate.ts";
import { canCaptureCommitment, canEditCommitment, canRetryCommitmentSync, commitmentOf, isCommitPhase } from "./selectors.ts";

export type CommitmentCommand = CommandOf<"commitment.capture" | "commitment.edit" | "commitment.cancel" | "commitment.retrySync">;

type Changes = EventOf<"commitment.edited">["payload"]["changes"];

/**
 * Commitments: a facilitator or a scribe captures, edits and cancels them at any time, the meeting's
 * end included; during a commit phase anyone captures one they own. Whoever captured one may edit or
 * cancel it, and its owners may ask for a failed Planner write to be retried. Every change Planner
 * must receive raises the revision by one. Each refusal names the field at fault and changes nothing.
 */
export function decideCommitments(state: MeetingState, command: CommitmentCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  switch (command.type) {
    case "commitment.capture": {
      const { ownerIds, dueDate, itemId = null } = command.payload;
      if (!canCaptureCommitment(state, actor, ownerIds, itemId)) {
        return reject(
          "forbidden",
          isCommitPhase(state)
            ? "During the commit phase you can capture a commitment you are an owner of; a facilitator or the scribe captures the others."
            : "Only a facilitator or the scribe can capture commitments outside the commit phase.",
        );
      }
      if (Object.keys(state.commitments).length >= Limits.maxCommitmentsPerMeeting) {
        return reject("limitReached", `This meeting already has ${Limits.maxCommitmentsPerMeeting} commitments, the most it can hold.`);
      }
      const title = titleOf(command.payload.title);
      if (!title.ok) return title.decision;
      const notes = notesOf(command.payload.notes ?? "");
      if (!notes.ok) return notes.decision;
      const problem = ownersProblem(state, ownerIds) ?? dueDateRejection(dueDate, context.now) ?? itemProblem(state, itemId);
      if (problem) return problem;
      const commitmentId = `c${state.nextLocalId + 1}`;
      return accept([
        emit("commitment.captured", { commitmentId, title: title.value, ownerIds: [...ownerIds], dueDate, notes: notes.value, itemId, createdBy: actor }),
      ]);
    }
    case "commitment.edit": {
      const found = editable(state, command.payload.commitmentId, actor, "edit");
      if (!found.ok) return found.decision;
      const changes = changesOf(state, found.commitment, command.payload, context.now);
      if (!changes.ok) return changes.decision;
      if (Object.keys(changes.value).length === 0) return accept([]);
      const { commitmentId, revision } = found.commitment;
      return accept([emit("commitment.edited", { commitmentId, changes: changes.value, revision: revision + 1, editedBy: actor })]);
    }
    case "commitment.cancel": {
      const found = editable(state, command.payload.commitmentId, actor, "cancel");
      if (!found.ok) return found.decision;
      const { commitmentId, revision } = found.commitment;
      return accept([emit("commitment.cancelled", { commitmentId, revision: revision + 1, cancelledBy: actor })]);
    }
    case "commitment.retrySync": {
      const commitment = commitmentOf(state, command.payload.commitmentId);
      if (!commitment) return reject("notFound", `commitmentId: there is no commitment ${command.payload.commitmentId} in this meeting.`);
      if (!canRetryCommitmentSync(state, commitment, actor)) {
        return reject("forbidden", "Only a facilitator, the scribe or one of its owners can retry sending a commitment to Planner.");
      }
      if (commitment.sync.state !== "failed") {
        return reject("invalidState", `Only a commitment whose Planner write failed can be retried; this one is ${commitment.sync.state}.`);
      }
      const { commitmentId, revision } = commitment;
      return accept([emit("commitment.syncRetryRequested", { commitmentId, revision, requestedBy: actor })]);
    }
  }
}

type Checked<T> = { ok: true; value: T } | { ok: false; decision: Decision };

function titleOf(raw: string): Checked<string> {
  const title = raw.trim();
  if (title.length === 0) return { ok: false, decision: reject("invalidInput", "title: a commitment needs a title.") };
  if (title.length > Limits.maxCommitmentTitleLength) {
    return {
      ok: false,
      decision: reject("invalidInput", `title: is ${title.length} characters; Planner accepts at most ${Limits.maxCommitmentTitleLength}.`),
    };
  }
  return { ok: true, value: title };
}

function notesOf(raw: string): Checked<string> {
  const notes = raw.trim();
  if (notes.length > Limits.maxCommitmentNotesLength) {
    return { ok: false, decision: reject("invalidInput", `notes: are ${notes.length} characters; at most ${Limits.maxCommitmentNotesLength} fit.`) };
  }
  return { ok: true, value: notes };
}

/** Owners are one or more distinct people who have joined this meeting. */
function ownersProblem(state: MeetingState, ownerIds: readonly string[]): Decision | null {
  if (ownerIds.length === 0) return reject("invalidInput", "ownerIds: name at least one owner.");
  if (ownerIds.length > Limits.maxCommitmentOwners) {
    return reject("invalidInput", `ownerIds: names ${ownerIds.length} owners; Planner assigns a task to at most ${Limits.maxCommitmentOwners}.`);
  }
  const duplicate = ownerIds.find((ownerId, index) => ownerIds.indexOf(ownerId) !== index);
  if (duplicate !== undefined) return reject("invalidInput", `ownerIds: ${duplicate} is named twice.`);
  const strangers = ownerIds.filter((ownerId) => participantOf(state, ownerId) === undefined);
  if (strangers.length > 0) {
    return reject("unknownParticipant", `ownerIds: ${strangers.join(", ")} ${strangers.length === 1 ? "has" : "have"} not joined this meeting; owners are picked from its participants.`);
  }
  return null;
}

function dueDateRejection(dueDate: string, now: number): Decision | null {
  const problem = dueDateProblem(dueDate, now);
  return problem === null ? null : reject("invalidInput", problem);
}

function itemProblem(state: MeetingState, itemId: string | null): Decision | null {
  if (itemId === null || itemOf(state, itemId)) return null;
  return reject("notFound", `itemId: there is no agenda item ${itemId} in this meeting.`);
}

/** The commitment, if it exists, this person may change it, and it is still open. */
function editable(
  state: MeetingState,
  commitmentId: string,
  actor: string,
  verb: "edit" | "cancel",
): { ok: true; commitment: Commitment } | { ok: false; decision: Decision } {
  const commitment = commitmentOf(state, commitmentId);
  if (!commitment) return { ok: false, decision: reject("notFound", `commitmentId: there is no commitment ${commitmentId} in this meeting.`) };
  if (!canEditCommitment(state, commitment, actor)) {
    return { ok: false, decision: reject("forbidden", `Only a facilitator, the scribe or whoever captured a commitment can ${verb} it.`) };
  }
  if (commitment.status === "cancelled") {
    return { ok: false, decision: reject("invalidState", `Commitment ${commitmentId} is cancelled; it can no longer be changed.`) };
  }
  return { ok: true, commitment };
}

/** The fields that actually change; each given field is checked as on capture. */
function changesOf(
  state: MeetingState,
  before: Commitment,
  payload: CommandOf<"commitment.edit">["payload"],
  now: number,
): Checked<Changes> {
  const changes: Changes = {};
  if (payload.title !== undefined) {
    const title = titleOf(payload.title);
    if (!title.ok) return title;
    if (title.value !== before.title) changes.title = title.value;
  }
  if (payload.notes !== undefined) {
    const notes = notesOf(payload.notes);
    if (!notes.ok) return notes;
    if (notes.value !== before.notes) changes.notes = notes.value;
  }
  if (payload.ownerIds !== undefined) {
    const problem = ownersProblem(state, payload.ownerIds);
    if (problem) return { ok: false, decision: problem };
    if (!sameMembers(payload.ownerIds, before.ownerIds)) changes.ownerIds = [...payload.ownerIds];
  }
  // an unchanged date that has since passed is the commitment being overdue, not bad input
  if (payload.dueDate !== undefined && payload.dueDate !== before.dueDate) {
    const problem = dueDateRejection(payload.dueDate, now);
    if (problem) return { ok: false, decision: problem };
    changes.dueDate = payload.dueDate;
  }
  if (payload.itemId !== undefined && payload.itemId !== before.itemId) {
    const problem = itemProblem(state, payload.itemId);
    if (problem) return { ok: false, decision: problem };
    changes.itemId = payload.itemId;
  }
  return { ok: true, value: changes };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
