import { describe, expect, it } from "vitest";
import type { CommitmentTask } from "../store/eventStore.ts";
import type { PlannerTarget } from "../../src/protocol/commitmentTarget.ts";
import { TrackedTasks, readTrackedTasks } from "./trackedTasks.ts";
import type { TrackedTask } from "./trackedTasks.ts";

const task = (taskId: string, more: Partial<TrackedTask> = {}): TrackedTask => ({
  tenantId: "tenant-a",
  meetingId: "meeting-1",
  commitmentId: `c-${taskId}`,
  taskId,
  planId: "plan-1",
  userId: "ann",
  ...more,
});

const idsOf = (tracked: TrackedTasks) => tracked.plans().map((plan) => `${plan.tenantId}/${plan.planId}: ${plan.tasks.map((each) => each.taskId).join(",")}`);

describe("tracked tasks", () => {
  it("learns tasks from the store next to those already tracked, per tenant and plan", async () => {
    const tracked = new TrackedTasks();
    tracked.track(task("t1"));
    expect(await tracked.learn(() => Promise.resolve([task("t2"), task("t1"), task("t3", { tenantId: "tenant-b" })]))).toBe(3);
    expect(idsOf(tracked)).toEqual(["tenant-a/plan-1: t2,t1", "tenant-b/plan-1: t3"]);
  });

  it("lets a change made while the store was read win over what the read returns", async () => {
    const tracked = new TrackedTasks();
    tracked.track(task("cancelled"));
    let finishRead: (tasks: TrackedTask[]) => void = () => undefined;
    const learning = tracked.learn(() => new Promise((resolve) => (finishRead = resolve)));
    // the worker settles a cancellation and syncs a new commitment while the read is under way
    tracked.untrack("tenant-a", "cancelled");
    tracked.track(task("new", { planId: "plan-2" }));
    finishRead([task("cancelled"), task("new"), task("older")]);
    expect(await learning).toBe(1);
    expect(idsOf(tracked)).toEqual(["tenant-a/plan-2: new", "tenant-a/plan-1: older"]);
  });

  it("leaves what is tracked alone when the read fails, and can learn again", async () => {
    const tracked = new TrackedTasks();
    tracked.track(task("t1"));
    await expect(tracked.learn(() => Promise.reject(new Error("database is locked")))).rejects.toThrow("database is locked");
    expect(await tracked.learn(() => Promise.resolve([task("t2")]))).toBe(1);
    expect(idsOf(tracked)).toEqual(["tenant-a/plan-1: t1,t2"]);
  });
});

describe("reading tracked tasks from the store", () => {
  const row = (taskId: string, more: Partial<CommitmentTask> = {}): CommitmentTask => ({
    tenantId: "tenant-a",
    meetingId: "meeting-1",
    spaceId: "space-1",
    commitmentId: `c-${taskId}`,
    taskId,
    createdBy: "ann",
    syncedAt: 1_000,
    ...more,
  });
  const target = (planId: string): PlannerTarget => ({ planId, planName: planId, bucketId: "bucket", bucketName: "Commitments", setBy: "ann", setAt: 1 });

  it("puts each task in its space's plan, looked up in the task's own tenant, and leaves out spaces without one", async () => {
    const rows = [row("t1"), row("t2", { tenantId: "tenant-b", createdBy: "zed" }), row("t3", { spaceId: "space-without-plan" }), row("t4")];
    const asked: string[] = [];
    const targets = {
      get: ({ tenantId, spaceId }: { tenantId: string; spaceId: string }) => {
        asked.push(`${tenantId}/${spaceId}`);
        return Promise.resolve(spaceId === "space-1" ? target(`plan-of-${tenantId}`) : null);
      },
    };
    const tasks = await readTrackedTasks({ listCommitmentTasks: () => Promise.resolve(rows) }, targets);
    expect(tasks.map((each) => [each.tenantId, each.taskId, each.planId, each.userId])).toEqual([
      ["tenant-a", "t1", "plan-of-tenant-a", "ann"],
      ["tenant-b", "t2", "plan-of-tenant-b", "zed"],
      ["tenant-a", "t4", "plan-of-tenant-a", "ann"],
    ]);
    // one look-up per space and tenant
    expect(asked).toEqual(["tenant-a/space-1", "tenant-b/space-1", "tenant-a/space-without-plan"]);
  });
});
