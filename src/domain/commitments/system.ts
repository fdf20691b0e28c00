import { Limits } from "../../protocol/limits.ts";
import { isCalendarDate } from "../../protocol/commitmentDates.ts";
import type { Commitment } from "../../protocol/commitmentSnapshot.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, eventFactory, reject, type Decision } from "../meeting/decision.ts";
import { commitmentOf } from "./selectors.ts";
import { decideTargetChosen, type RecordTargetChosenCommand } from "./plannerTarget.ts";

/**
 * What the server's Planner worker reports about a commitment. These are not in the client
 * CommandSchema, so no socket can send one: a sync result or a progress figure always comes from
 * the server. `taskId` and `taskUrl` of a success are null only for a commitment cancelled before
 * its task was ever created (there is then nothing in Planner to point at). The server's note that a
 * Planner target was chosen from the meeting goes the same way (see plannerTarget.ts).
 */
export type CommitmentSystemCommand =
  | { type: "commitment.recordSyncStarted"; commitmentId: string; revision: number }
  | { type: "commitment.recordSyncSucceeded"; commitmentId: string; revision: number; taskId: string | null; taskUrl: string | null }
  | { type: "commitment.recordSyncFailed"; commitmentId: string; revision: number; reason: string; isRetryable: boolean }
  | { type: "commitment.recordProgress"; commitmentId: string; percentComplete: number; completedAt: number | null; plannerDueDate: string | null }
  | { type: "commitment.recordCancelledInPlanner"; commitmentId: string; taskId: string }
  | RecordTargetChosenCommand;

/**
 * Decides a worker's report by the same pure rules as everything else. Reports are idempotent and
 * order-tolerant: a repeated report, or one about a revision the commitment has moved past, changes
 * nothing — a worker that crashed after writing to Planner may report the same result twice, and
 * two workers may report out of order.
 */
export function decideCommitmentSystem(state: MeetingState, command: CommitmentSystemCommand, now: number): Decision {
  if (command.type === "commitments.recordTargetChosen") return decideTargetChosen(state, command, now);
  const emit = eventFactory(now);
  const commitment = commitmentOf(state, command.commitmentId);
  if (!commitment) return reject("notFound", `commitmentId: there is no commitment ${command.commitmentId} in this meeting.`);
  const { commitmentId, sync } = commitment;

  switch (command.type) {
    case "commitment.recordSyncStarted": {
      const problem = revisionProblem(commitment, command.revision);
      if (problem) return problem;
      if (command.revision !== commitment.revision || sync.syncedRevision >= command.revision || sync.state === "syncing") return accept([]);
      return accept([emit("commitment.syncStarted", { commitmentId, revision: command.revision })]);
    }
    case "commitment.recordSyncSucceeded": {
      const { revision, taskId, taskUrl } = command;
      const problem = revisionProblem(commitment, revision) ?? taskProblem(commitment, taskId, taskUrl);
      if (problem) return problem;
      const isKnown = revision <= sync.syncedRevision && (taskId === null || taskId === sync.taskId);
      if (isKnown) return accept([]);
      return accept([emit("commitment.syncSucceeded", { commitmentId, revision, taskId, taskUrl })]);
    }
    case "commitment.recordSyncFailed": {
      const { revision, isRetryable } = command;
      const problem = revisionProblem(commitment, revision);
      if (problem) return problem;
      const reason = command.reason.trim();
      if (reason.length === 0 || reason.length > Limits.maxSyncFailureReasonLength) {
        return reject("invalidInput", `reason: must be 1 to ${Limits.maxSyncFailureReasonLength} characters.`);
      }
      // a failure of a revision already in Planner, or superseded by a newer one, is no longer news
      if (revision !== commitment.revision || sync.syncedRevision >= revision) return accept([]);
      if (sync.state === "failed" && sync.failure?.reason === reason && sync.failure.isRetryable === isRetryable) return accept([]);
      return accept([emit("commitment.syncFailed", { commitmentId, revision, reason, isRetryable })]);
    }
    case "commitment.recordProgress": {
      const { percentComplete, completedAt, plannerDueDate } = command;
      if (!Number.isInteger(percentComplete) || percentComplete < 0 || percentComplete > 100) {
        return reject("invalidInput", `percentComplete: must be a whole number from 0 to 100, not ${percentComplete}.`);
      }
      if (completedAt !== null && (!Number.isSafeInteger(completedAt) || completedAt < 0)) {
        return reject("invalidInput", "completedAt: must be a time in epoch milliseconds, or null.");
      }
      if (plannerDueDate !== null && !isCalendarDate(plannerDueDate)) {
        return reject("invalidInput", `plannerDueDate: "${plannerDueDate}" is not a date written YYYY-MM-DD.`);
      }
      const { progress } = commitment;
      // the poller reads every task again and again; only a change is worth an event
      if (progress?.percentComplete === percentComplete && progress.completedAt === completedAt && progress.plannerDueDate === plannerDueDate) {
        return accept([]);
      }
      return accept([emit("commitment.progressRead", { commitmentId, percentComplete, completedAt, plannerDueDate })]);
    }
    case "commitment.recordCancelledInPlanner": {
      // only the task this commitment is synced to counts; a stale task id, or a repeat, changes nothing
      if (commitment.status !== "open" || sync.taskId !== command.taskId) return accept([]);
      return accept([emit("commitment.cancelledInPlanner", { commitmentId, taskId: command.taskId })]);
    }
  }
}

// the protocol's id rule (ids.ts), without zod, which the domain does not ship
const PRINTABLE_ID = /^[\x21-\x7e]+$/;

function revisionProblem(commitment: Commitment, revision: number): Decision | null {
  if (Number.isInteger(revision) && revision >= 1 && revision <= commitment.revision) return null;
  return reject("invalidInput", `revision: commitment ${commitment.commitmentId} has revisions 1 to ${commitment.revision}, not ${revision}.`);
}

function taskProblem(commitment: Commitment, taskId: string | null, taskUrl: string | null): Decision | null {
  if (taskId === null || taskUrl === null) {
    if (taskId !== taskUrl) return reject("invalidInput", "taskId: a task id and its link come together, or neither does.");
    if (commitment.status !== "cancelled") return reject("invalidInput", "taskId: a synced commitment that is not cancelled has a Planner task.");
    return null;
  }
  if (taskId.length > Limits.maxIdLength || !PRINTABLE_ID.test(taskId)) {
    return reject("invalidInput", `taskId: must be 1 to ${Limits.maxIdLength} printable characters without spaces.`);
  }
  if (!taskUrl.startsWith("https://") || taskUrl.length > Limits.maxUrlLength) {
    return reject("invalidInput", `taskUrl: must be an https:// link of at most ${Limits.maxUrlLength} characters.`);
  }
  return null;
}
