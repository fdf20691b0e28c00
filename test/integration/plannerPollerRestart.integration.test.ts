import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";
import { silentLogger } from "../../server/logger.ts";
import { spaceOfMeeting } from "../../server/meetings/space.ts";
import type { PlannerApi } from "../../server/planner/plannerApi.ts";
import { startPlannerSync } from "../../server/planner/plannerSync.ts";
import { ProgressPoller } from "../../server/planner/progressPoller.ts";
import { readTrackedTasks } from "../../server/planner/trackedTasks.ts";
import type { GraphTokenRequest } from "../../server/planner/tokens.ts";
import { ATTENDEES, AVERY, ORGANIZER, TARGET, links, startPlannerHarness, startWorkerRig } from "./plannerHarness.ts";
import type { PlannerHarness, WorkerRig } from "./plannerHarness.ts";

// The progress poller after a restart: what it tracks comes from the store (the event log), not
// from the memory of the process that synced the commitments.

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

const owner = { kind: "delegated" as const, tenantId: DEV_PLANNER_IDS.tenantId, userId: AVERY, permissions: ["Tasks.ReadWrite"] };

/** Stops the rig's server and starts a new one on the same SQLite file, with nothing in memory (and the space's plan chosen again). */
async function restart(): Promise<void> {
  await rig.close();
  rig = await startWorkerRig(harness, { filename: rig.filename });
  expect(rig.tracked.plans()).toEqual([]);
}

/** A progress poller as a freshly started server makes one: it learns the synced tasks from the store. */
function newPoller(plannerFor: (caller: GraphTokenRequest) => PlannerApi = (caller) => harness.api({ userId: caller.userId })): ProgressPoller {
  return new ProgressPoller({
    meetings: rig.meetings,
    plannerFor,
    tracked: rig.tracked,
    knownTasks: () => readTrackedTasks(rig.store, rig.targets),
    logger: silentLogger,
  });
}

async function taskIdOf(commitmentId: string): Promise<string> {
  const { taskId } = (await rig.commitment(commitmentId)).sync;
  if (taskId === null) throw new Error(`commitment ${commitmentId} has no task`);
  return taskId;
}

describe("the progress poller after a restart", () => {
  it("reads back the progress of commitments synced before the restart", async () => {
    const done = await rig.capture("Draft the pricing memo");
    const untouched = await rig.capture("Brief the board");
    await rig.drain();
    const doneTask = await taskIdOf(done);

    await restart();
    // completed in Planner while no Concord server was running
    harness.running.emulator.setPercentComplete(doneTask, 100);
    const poller = newPoller();
    expect(await poller.pollDue()).toBe(1);

    expect((await rig.commitment(done)).progress).toMatchObject({ percentComplete: 100, completedAt: expect.any(Number), plannerDueDate: "2027-06-30" });
    expect((await rig.commitment(untouched)).progress).toMatchObject({ percentComplete: 0, completedAt: null });
    expect(rig.tracked.plans()).toEqual([
      expect.objectContaining({ tenantId: DEV_PLANNER_IDS.tenantId, planId: TARGET.planId, tasks: [expect.objectContaining({ commitmentId: done }), expect.objectContaining({ commitmentId: untouched })] }),
    ]);
  });

  it("leaves out cancelled commitments, and reports a task deleted in Planner while the server was down", async () => {
    const kept = await rig.capture("Draft the pricing memo");
    const cancelled = await rig.capture("Brief the board");
    const deleted = await rig.capture("Call the three largest accounts");
    await rig.drain();
    await rig.run(ORGANIZER, { type: "commitment.cancel", payload: { commitmentId: cancelled } });
    await rig.drain();
    const deletedTask = await taskIdOf(deleted);

    await restart();
    const { store } = harness.running.emulator;
    store.deleteTask(owner, deletedTask, store.task(owner, deletedTask).etag);
    const poller = newPoller();
    await poller.pollDue();

    expect(await rig.commitment(deleted)).toMatchObject({ status: "cancelled", cancellation: { source: "planner" } });
    expect((await rig.commitment(cancelled)).progress).toBeNull();
    expect(rig.tracked.plans().flatMap((plan) => plan.tasks.map((task) => task.commitmentId))).toEqual([kept]);
  });

  it("finds a task in the plan that holds it when the space's plan changed after it was synced", async () => {
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const taskId = await taskIdOf(commitmentId);
    await restart();
    // the space now sends to another plan (chosen while the server was down); the task stayed where it was made
    const { store } = harness.running.emulator;
    const newPlan = store.createPlan(owner, { title: "Strategy 2028", container: { containerId: DEV_PLANNER_IDS.groupId, type: "group" } });
    const newBucket = store.createBucket(owner, { planId: newPlan.id, name: "Commitments" });
    await rig.targets.set(
      { tenantId: rig.key.tenantId, spaceId: spaceOfMeeting(rig.key.meetingId) },
      { planId: newPlan.id, planName: "Strategy 2028", bucketId: newBucket.id, bucketName: "Commitments", setBy: AVERY, setAt: Date.now() },
    );
    harness.running.emulator.setPercentComplete(taskId, 50);
    const poller = newPoller();
    await poller.pollDue();

    expect((await rig.commitment(commitmentId)).progress).toMatchObject({ percentComplete: 50 });
    expect(rig.tracked.plans().map((plan) => plan.planId)).toEqual([TARGET.planId]);
  });

  it("reads each tenant's tasks with that tenant's access, into that tenant's meeting only", async () => {
    // a second tenant whose Planner is its own (a second emulator), with the same meeting id, hence the same commitment ids
    const otherHarness = await startPlannerHarness();
    try {
      const otherTenant = "0d0c0ffe-0000-4000-8000-00000000beef";
      const otherKey = { tenantId: otherTenant, meetingId: rig.key.meetingId };
      const reads: string[] = [];
      const plannerFor = (caller: GraphTokenRequest): PlannerApi => {
        reads.push(caller.tenantId);
        return (caller.tenantId === otherTenant ? otherHarness : harness).api({ userId: caller.userId });
      };
      await rig.close();
      rig = await startWorkerRig(harness, { filename: rig.filename, worker: { plannerFor } });
      for (const actor of [ORGANIZER, ...ATTENDEES]) await rig.meetings.execute(otherKey, actor, `join-${actor.userId}`, { type: "meeting.join", payload: {} });
      await rig.targets.set(
        { tenantId: otherTenant, spaceId: spaceOfMeeting(otherKey.meetingId) },
        { planId: TARGET.planId, planName: "Strategy 2027", bucketId: TARGET.bucketId, bucketName: "Commitments", setBy: AVERY, setAt: Date.now() },
      );
      const ours = await rig.capture("Draft the pricing memo");
      const captured = await rig.meetings.execute(otherKey, ORGANIZER, "capture-other", {
        type: "commitment.capture",
        payload: { title: "Another tenant's commitment", ownerIds: [AVERY], dueDate: "2027-06-30", notes: "" },
      });
      expect(captured.kind).toBe("accepted");
      await rig.drain();
      const otherCommitment = async () => Object.values((await rig.meetings.view(otherKey)).state.commitments)[0];
      const otherTask = (await otherCommitment())?.sync.taskId;
      expect((await otherCommitment())?.commitmentId).toBe(ours);
      expect(otherHarness.tasks().map((task) => task["id"])).toEqual([otherTask]);

      await rig.close();
      rig = await startWorkerRig(harness, { filename: rig.filename, worker: { plannerFor } });
      harness.running.emulator.setPercentComplete(await taskIdOf(ours), 100);
      otherHarness.running.emulator.setPercentComplete(otherTask!, 25);
      reads.length = 0;
      await newPoller(plannerFor).pollDue();

      expect((await rig.commitment(ours)).progress?.percentComplete).toBe(100);
      expect((await otherCommitment())?.progress?.percentComplete).toBe(25);
      expect(rig.tracked.plans().map((plan) => [plan.tenantId, plan.tasks.map((task) => task.meetingId)])).toEqual([
        [rig.key.tenantId, [rig.key.meetingId]],
        [otherTenant, [otherKey.meetingId]],
      ]);
      expect(reads.sort()).toEqual([rig.key.tenantId, otherTenant].sort());
    } finally {
      // the emulator only: the harness's close would also remove the rig's database folder
      await otherHarness.running.close();
    }
  });

  it("is what a restarted server's Planner sync starts with", async () => {
    const commitmentId = await rig.capture("Draft the pricing memo");
    await rig.drain();
    const taskId = await taskIdOf(commitmentId);
    await restart();
    harness.running.emulator.setPercentComplete(taskId, 100);

    const running = startPlannerSync(
      { store: rig.store, meetings: rig.meetings, targets: rig.targets, logger: silentLogger },
      { plannerFor: (caller) => harness.api({ userId: caller.userId }), links, worker: { idleMs: 10, maxIdleMs: 50 }, poller: { minIntervalMs: 50 } },
    );
    try {
      await expect.poll(async () => (await rig.commitment(commitmentId)).progress?.percentComplete, { timeout: 10_000 }).toBe(100);
    } finally {
      await running.stop();
    }
  });
});
