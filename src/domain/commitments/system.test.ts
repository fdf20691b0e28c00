import { describe, expect, it } from "vitest";
import { CommandSchema } from "../../protocol/commands.ts";
import { decideServerCommand } from "../meeting/decide.ts";
import { captureAs, commitmentRoom, organizer, report } from "./testing.ts";
import { commitmentOf, isOverdue, syncSummary } from "./selectors.ts";

const taskUrl = "https://planner.cloud.microsoft/webui/v1/plan/p1/task/t1";

describe("what the Planner worker reports", () => {
  it("walks a revision through syncing to synced, and records the task", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncStarted", commitmentId, revision: 1 });
    expect(commitmentOf(r.state, commitmentId)?.sync.state).toBe("syncing");
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    expect(commitmentOf(r.state, commitmentId)?.sync).toEqual({ state: "synced", syncedRevision: 1, taskId: "t1", taskUrl, failure: null });
  });

  it("stores a repeated report once: a worker that crashed after writing may report twice", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncStarted", commitmentId, revision: 1 });
    expect(report(r, { type: "commitment.recordSyncStarted", commitmentId, revision: 1 })).toEqual([]);
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    expect(report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl })).toEqual([]);
    expect(report(r, { type: "commitment.recordSyncStarted", commitmentId, revision: 1 })).toEqual([]);
  });

  it("keeps a newer revision pending when an older one's success arrives, but records the task", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncStarted", commitmentId, revision: 1 });
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Changed while syncing" } });
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({ revision: 2, sync: { state: "pending", syncedRevision: 1, taskId: "t1" } });
    expect(syncSummary(r.state)).toEqual({ total: 1, byState: { pending: 1, syncing: 0, synced: 0, failed: 0 } });
  });

  it("ignores a failure of a revision Planner already holds or a newer one replaced", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    expect(report(r, { type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "Timed out", isRetryable: true })).toEqual([]);
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Second" } });
    r.run(organizer, { type: "commitment.edit", payload: { commitmentId, title: "Third" } });
    expect(report(r, { type: "commitment.recordSyncFailed", commitmentId, revision: 2, reason: "Timed out", isRetryable: true })).toEqual([]);
    report(r, { type: "commitment.recordSyncFailed", commitmentId, revision: 3, reason: "Planner answered 503", isRetryable: true });
    expect(commitmentOf(r.state, commitmentId)?.sync).toEqual({
      state: "failed",
      syncedRevision: 1,
      taskId: "t1",
      taskUrl,
      failure: { reason: "Planner answered 503", isRetryable: true, at: r.now },
    });
    expect(syncSummary(r.state).byState.failed).toBe(1);
  });

  it("stores a repeated failure once, and a changed reason as news", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    const failed = { type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "Planner answered 429", isRetryable: true } as const;
    expect(report(r, failed)).toHaveLength(1);
    expect(report(r, failed)).toEqual([]);
    expect(report(r, { ...failed, reason: "The plan no longer exists", isRetryable: false })).toHaveLength(1);
    expect(commitmentOf(r.state, commitmentId)?.sync.failure).toMatchObject({ reason: "The plan no longer exists", isRetryable: false });
  });

  it("refuses reports about revisions that do not exist, or with malformed fields, naming the field", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    const attempt = (command: Parameters<typeof decideServerCommand>[1]) => decideServerCommand(r.state, command, r.now);
    expect(attempt({ type: "commitment.recordSyncStarted", commitmentId, revision: 2 })).toMatchObject({ ok: false, rejection: { code: "invalidInput", message: expect.stringMatching(/^revision/) } });
    expect(attempt({ type: "commitment.recordSyncStarted", commitmentId: "c404", revision: 1 })).toMatchObject({ ok: false, rejection: { code: "notFound" } });
    expect(attempt({ type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t 1", taskUrl })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^taskId/) } });
    expect(attempt({ type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl: "http://planner" })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^taskUrl/) } });
    expect(attempt({ type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: null, taskUrl: null })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^taskId: a synced commitment that is not cancelled/) } });
    expect(attempt({ type: "commitment.recordSyncFailed", commitmentId, revision: 1, reason: "  ", isRetryable: true })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^reason/) } });
    expect(attempt({ type: "commitment.recordProgress", commitmentId, percentComplete: 101, completedAt: null, plannerDueDate: null })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^percentComplete/) } });
    expect(attempt({ type: "commitment.recordProgress", commitmentId, percentComplete: 50, completedAt: null, plannerDueDate: "2026-04-31" })).toMatchObject({ ok: false, rejection: { message: expect.stringMatching(/^plannerDueDate/) } });
  });

  it("lets a commitment cancelled before its task existed be settled without a task", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    r.run(organizer, { type: "commitment.cancel", payload: { commitmentId } });
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 2, taskId: null, taskUrl: null });
    expect(commitmentOf(r.state, commitmentId)?.sync).toEqual({ state: "synced", syncedRevision: 2, taskId: null, taskUrl: null, failure: null });
  });

  it("records progress only when it changed", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    report(r, { type: "commitment.recordProgress", commitmentId, percentComplete: 50, completedAt: null, plannerDueDate: "2026-04-02" });
    expect(report(r, { type: "commitment.recordProgress", commitmentId, percentComplete: 50, completedAt: null, plannerDueDate: "2026-04-02" })).toEqual([]);
    expect(commitmentOf(r.state, commitmentId)?.progress).toEqual({ percentComplete: 50, completedAt: null, plannerDueDate: "2026-04-02", readAt: r.now });
  });

  it("treats a task deleted in Planner as a cancellation there, once, and only for the task it knows", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r);
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    expect(report(r, { type: "commitment.recordCancelledInPlanner", commitmentId, taskId: "t-other" })).toEqual([]);
    report(r, { type: "commitment.recordCancelledInPlanner", commitmentId, taskId: "t1" });
    expect(commitmentOf(r.state, commitmentId)).toMatchObject({ status: "cancelled", cancellation: { source: "planner" }, sync: { state: "synced" } });
    expect(report(r, { type: "commitment.recordCancelledInPlanner", commitmentId, taskId: "t1" })).toEqual([]);
  });

  it("cannot be sent by a client: no report is in the wire schema", () => {
    for (const type of ["commitment.recordSyncSucceeded", "commitment.recordSyncFailed", "commitment.recordProgress", "commitment.recordCancelledInPlanner"]) {
      const forged = { type, payload: { commitmentId: "c1", revision: 1, taskId: "t1", taskUrl, reason: "x", isRetryable: false } };
      expect(CommandSchema.safeParse(forged).success).toBe(false);
    }
  });
});

describe("overdue", () => {
  it("is an open commitment past its due date (UTC) that Planner has not reported complete, by Planner's date once known", () => {
    const { r } = commitmentRoom();
    const commitmentId = captureAs(r, organizer, { dueDate: "2026-03-12" });
    const dayAfter = Date.UTC(2026, 2, 13);
    expect(isOverdue(commitmentOf(r.state, commitmentId)!, Date.UTC(2026, 2, 12, 23, 59))).toBe(false);
    expect(isOverdue(commitmentOf(r.state, commitmentId)!, dayAfter)).toBe(true);
    report(r, { type: "commitment.recordSyncSucceeded", commitmentId, revision: 1, taskId: "t1", taskUrl });
    report(r, { type: "commitment.recordProgress", commitmentId, percentComplete: 50, completedAt: null, plannerDueDate: "2026-03-20" });
    expect(isOverdue(commitmentOf(r.state, commitmentId)!, dayAfter)).toBe(false);
    report(r, { type: "commitment.recordProgress", commitmentId, percentComplete: 100, completedAt: dayAfter, plannerDueDate: "2026-03-12" });
    expect(isOverdue(commitmentOf(r.state, commitmentId)!, Date.UTC(2026, 3, 1))).toBe(false);
  });
});
