import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../server/clock.ts";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";
import { spaceOfMeeting } from "../../server/meetings/space.ts";
import { ProgressPoller } from "../../server/planner/progressPoller.ts";
import { NO_TARGET_REASON } from "../../server/planner/syncWorker.ts";
import { CONFLICT_REASON_PREFIX } from "../../server/planner/syncCommitment.ts";
import { referenceKey } from "../../server/planner/taskContent.ts";
import { silentLogger } from "../../server/logger.ts";
import { AVERY, BLAKE, ORGANIZER, TARGET, links, referencesOf, startPlannerHarness, startWorkerRig } from "./plannerHarness.ts";
import type { PlannerHarness, WorkerRig } from "./plannerHarness.ts";

let harness: PlannerHarness;
let rig: WorkerRig;

beforeEach(async () => {
  harness = await startPlannerHarness();
  rig = await startWorkerRig(harness);
});

afterEach(async () => {
  await rig.close();
  await harness.close();
});

const taskOf = (taskId: string | null) => harness.tasks().find((task) => task["id"] === taskId);
const owner = { kind: "delegated" as const, tenantId: DEV_PLANNER_IDS.tenantId, userId: AVERY, permissions: ["Tasks.ReadWrite"] };

describe("the Planner worker", () => {
  it("syncs captured commitments, records each task, and settles the outbox", async () => {
    const ids = [await rig.capture("Draft the pricing memo", { ownerIds: [AVERY, BLAKE], notes: "Two tiers." }), await rig.capture("Brief the board")];
    await rig.drain();
    for (const commitmentId of ids) {
      const { sync } = await rig.commitment(commitmentId);
      expect(sync).toMatchObject({ state: "synced", syncedRevision: 1, failure: null });
      expect(sync.taskUrl).toBe(`https://tasks.office.com/${DEV_PLANNER_IDS.tenantId}/Home/Task/${sync.taskId}`);
      const link = links.linkTo({ meetingId: rig.key.meetingId, commitmentId });
      expect(referencesOf(harness.details(sync.taskId!))).toHaveProperty([referenceKey(link)]);
    }
    expect(taskOf((await rig.commitment(ids[0]!)).sync.taskId)).toMatchObject({ title: "Draft the pricing memo", dueDateTime: "2027-06-30T12:00:00.000Z" });
    expect((await rig.store.listOutbox(rig.key)).map((row) => row.status)).toEqual(["done", "done"]);
    const log = await rig.store.readSince(rig.key, 0);
    expect(log.filter(({ event }) => event.type === "commitment.syncStarted")).toHaveLength(2);
  });

  it("patches the task after an edit, and marks it when the commitment is cancelled", async () => {
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const { taskId } = (await rig.commitment(commitmentId)).sync;
    await rig.run(ORGANIZER, { type: "commitment.edit", payload: { commitmentId, title: "Publish the pricing memo", ownerIds: [BLAKE], dueDate: "2027-07-15" } });
    await rig.drain();
    expect(taskOf(taskId)).toMatchObject({ title: "Publish the pricing memo", dueDateTime: "2027-07-15T12:00:00.000Z" });
    expect(Object.keys(taskOf(taskId)!["assignments"] as object)).toEqual([BLAKE]);
    expect((await rig.commitment(commitmentId)).sync).toMatchObject({ state: "synced", syncedRevision: 2, taskId });

    await rig.run(ORGANIZER, { type: "commitment.cancel", payload: { commitmentId } });
    await rig.drain();
    expect(taskOf(taskId)).toMatchObject({ title: "[Cancelled] Publish the pricing memo", percentComplete: 0 });
    expect((harness.details(taskId!)?.["description"] as string).startsWith("Cancelled in Concord on ")).toBe(true);
    expect((await rig.commitment(commitmentId)).sync).toMatchObject({ state: "synced", syncedRevision: 3 });
  });

  it("keeps an owner's due-date change made in Planner when Concord edits the title", async () => {
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const { taskId } = (await rig.commitment(commitmentId)).sync;
    harness.running.emulator.store.patchTask(owner, taskId!, harness.running.emulator.store.task(owner, taskId!).etag, { dueDateTime: "2027-08-01T00:00:00.000Z" });
    await rig.run(ORGANIZER, { type: "commitment.edit", payload: { commitmentId, title: "Publish the pricing memo" } });
    await rig.drain();
    expect(taskOf(taskId)).toMatchObject({ title: "Publish the pricing memo", dueDateTime: "2027-08-01T00:00:00.000Z" });
  });

  it("shows a conflict when both sides renamed the task, and writes Concord's title when someone retries", async () => {
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const { taskId } = (await rig.commitment(commitmentId)).sync;
    const { store } = harness.running.emulator;
    store.patchTask(owner, taskId!, store.task(owner, taskId!).etag, { title: "Pricing memo (renamed in Planner)" });
    await rig.run(ORGANIZER, { type: "commitment.edit", payload: { commitmentId, title: "Publish the pricing memo" } });
    await rig.drain();
    const { sync } = await rig.commitment(commitmentId);
    expect(sync).toMatchObject({ state: "failed", failure: { isRetryable: false } });
    expect(sync.failure?.reason.startsWith(CONFLICT_REASON_PREFIX)).toBe(true);
    expect(taskOf(taskId)!["title"]).toBe("Pricing memo (renamed in Planner)");

    await rig.run(ORGANIZER, { type: "commitment.retrySync", payload: { commitmentId } });
    await rig.drain();
    expect(taskOf(taskId)!["title"]).toBe("Publish the pricing memo");
    expect((await rig.commitment(commitmentId)).sync.state).toBe("synced");
  });

  it("fails with Planner's reason and does not retry by itself; a retry after the cause is fixed syncs", async () => {
    const space = { tenantId: rig.key.tenantId, spaceId: spaceOfMeeting(rig.key.meetingId) };
    const target = (await rig.targets.get(space))!;
    await rig.targets.set(space, { ...target, bucketId: DEV_PLANNER_IDS.escalationsBucketId.replace("Escalations", "Elsewhere1") });
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const { sync } = await rig.commitment(commitmentId);
    expect(sync).toMatchObject({ state: "failed", failure: { isRetryable: false } });
    expect(sync.failure?.reason).toMatch(/^Planner answered 400 BadRequest: Invalid value for property 'bucketId'/);
    expect((await rig.store.listOutbox(rig.key)).map((row) => row.status)).toEqual(["failed"]);
    expect(await rig.worker.runOnce()).toBe(0);

    await rig.targets.set(space, target);
    await rig.run(ORGANIZER, { type: "commitment.retrySync", payload: { commitmentId } });
    await rig.drain();
    expect((await rig.commitment(commitmentId)).sync.state).toBe("synced");
    expect(harness.tasks()).toHaveLength(1);
  });

  it("waits for a space's plan to be chosen, saying so, then syncs", async () => {
    const space = { tenantId: rig.key.tenantId, spaceId: spaceOfMeeting(rig.key.meetingId) };
    const target = (await rig.targets.get(space))!;
    await rig.targets.clear(space);
    const commitmentId = await rig.capture("Draft the pricing memo");
    expect(await rig.worker.runOnce()).toBe(1);
    expect((await rig.commitment(commitmentId)).sync).toMatchObject({ state: "failed", failure: { reason: NO_TARGET_REASON, isRetryable: true } });
    const [row] = await rig.store.listOutbox(rig.key);
    expect(row).toMatchObject({ status: "pending", lastError: NO_TARGET_REASON });
    expect(row!.notBefore).toBeGreaterThan(Date.now() + 30_000);

    await rig.targets.set(space, target);
    await rig.store.close();
    await rig.targets.close();
    // a restarted server claims the row when it is due; here the reschedule is cut short by reopening with a later clock
    rig = await startWorkerRig(harness, { filename: rig.filename, worker: { now: () => Date.now() + 120_000 } });
    await rig.drain();
    expect((await rig.commitment(commitmentId)).sync.state).toBe("synced");
  });

  it("after a restart, matches the task a stopped worker created instead of creating another", async () => {
    await rig.close();
    rig = await startWorkerRig(harness, { filename: rig.filename, worker: { sync: { ambiguousSettleMs: 0, retryDelayMs: 20, maxInlineWaitMs: 0 } } });
    const commitmentId = await rig.capture("Draft the pricing memo");
    // the first worker created the task, then stopped before it wrote the details or recorded anything
    harness.running.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1 });
    harness.running.emulator.faults.add({ kind: "timeout", method: "GET", path: "/planner/buckets/*/tasks", times: 1 });
    await rig.worker.runOnce();
    expect(harness.tasks()).toHaveLength(1);
    expect(harness.details(harness.tasks()[0]!["id"] as string)?.["description"]).toBe("");
    await rig.close();

    rig = await startWorkerRig(harness, { filename: rig.filename, worker: { now: () => Date.now() + 60_000 } });
    await rig.drain();
    expect(harness.tasks()).toHaveLength(1);
    const { sync } = await rig.commitment(commitmentId);
    expect(sync).toMatchObject({ state: "synced", taskId: harness.tasks()[0]!["id"] });
    expect(harness.details(sync.taskId!)?.["description"]).toContain("Committed in a Concord meeting");
  });

  it("matches that task too when meetings run on a fast development clock, an hour ahead of Planner's", async () => {
    await rig.close();
    const HOUR = 3_600_000;
    const aheadClock: Clock = { now: () => Date.now() + HOUR, rate: 60, realTimeOf: (ms) => ms - HOUR };
    const worker = { sync: { ambiguousSettleMs: 0, retryDelayMs: 20, maxInlineWaitMs: 0 } };
    rig = await startWorkerRig(harness, { filename: rig.filename, meetingId: "fast-clock", clock: aheadClock, worker });
    const commitmentId = await rig.capture("Draft the pricing memo");
    harness.running.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1 });
    harness.running.emulator.faults.add({ kind: "timeout", method: "GET", path: "/planner/buckets/*/tasks", times: 1 });
    await rig.worker.runOnce();
    expect(harness.tasks()).toHaveLength(1);
    await rig.close();

    rig = await startWorkerRig(harness, { filename: rig.filename, meetingId: "fast-clock", clock: aheadClock, worker: { ...worker, now: () => Date.now() + 60_000 } });
    await rig.drain();
    expect(harness.tasks()).toHaveLength(1);
    expect((await rig.commitment(commitmentId)).sync).toMatchObject({ state: "synced", taskId: harness.tasks()[0]!["id"] });
  });
});

describe("the progress poller", () => {
  it("reports percent complete, completion and a due date moved in Planner, and a deleted task", async () => {
    const first = await rig.capture("Draft the pricing memo");
    const second = await rig.capture("Brief the board");
    await rig.drain();
    const poller = new ProgressPoller({ meetings: rig.meetings, plannerFor: (caller) => harness.api({ userId: caller.userId }), tracked: rig.tracked, logger: silentLogger });
    const [plan] = rig.tracked.plans();
    expect(plan).toMatchObject({ planId: TARGET.planId, tasks: [{ commitmentId: first }, { commitmentId: second }] });

    const firstTask = (await rig.commitment(first)).sync.taskId!;
    const secondTask = (await rig.commitment(second)).sync.taskId!;
    harness.running.emulator.setPercentComplete(firstTask, 100);
    const { store } = harness.running.emulator;
    store.patchTask(owner, secondTask, store.task(owner, secondTask).etag, { percentComplete: 50, dueDateTime: "2027-09-01T12:00:00.000Z" });
    expect(await poller.pollPlan(plan!)).toEqual({ kind: "changed" });
    expect((await rig.commitment(first)).progress).toMatchObject({ percentComplete: 100, plannerDueDate: "2027-06-30" });
    expect((await rig.commitment(first)).progress?.completedAt).toEqual(expect.any(Number));
    expect((await rig.commitment(second)).progress).toMatchObject({ percentComplete: 50, completedAt: null, plannerDueDate: "2027-09-01" });
    expect(await poller.pollPlan(plan!)).toEqual({ kind: "unchanged" });

    store.deleteTask(owner, secondTask, store.task(owner, secondTask).etag);
    expect(await poller.pollPlan(rig.tracked.plans()[0]!)).toEqual({ kind: "changed" });
    expect(await rig.commitment(second)).toMatchObject({ status: "cancelled", cancellation: { source: "planner" } });
    expect(rig.tracked.plans()[0]!.tasks.map((task) => task.commitmentId)).toEqual([first]);
  });

  it("reads a quiet plan half as often each time, and waits out a 429's Retry-After", async () => {
    await rig.capture("Draft the pricing memo");
    await rig.drain();
    let now = 1_000_000;
    const poller = new ProgressPoller({
      meetings: rig.meetings,
      plannerFor: (caller) => harness.api({ userId: caller.userId }),
      tracked: rig.tracked,
      logger: silentLogger,
      now: () => now,
      minIntervalMs: 1_000,
      maxIntervalMs: 60_000,
    });
    const next = () => poller.nextReadOf(DEV_PLANNER_IDS.tenantId, TARGET.planId)! - now;
    expect(await poller.pollDue()).toBe(1);
    // the first read reports progress 0 for the first time: a change
    expect(next()).toBe(1_000);
    expect(await poller.pollDue()).toBe(0);
    const gaps: number[] = [];
    for (let read = 0; read < 4; read++) {
      now += next();
      expect(await poller.pollDue()).toBe(1);
      gaps.push(next());
    }
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000]);

    harness.running.emulator.faults.add({ kind: "throttle429", method: "GET", path: "/planner/plans/*/tasks", times: 1, retryAfterSeconds: 45 });
    now += next();
    await poller.pollDue();
    expect(next()).toBe(45_000);
  });
});
