import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FaultRuleInput } from "../../server/dev/planner/faults.ts";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";
import { PlannerApi, createPlannerApi } from "../../server/planner/plannerApi.ts";
import { TokenUnavailableError } from "../../server/planner/tokens.ts";
import type { PlannerAnswer, PlannerStep } from "../../server/planner/plannerApi.ts";
import { CONFLICT_REASON_PREFIX } from "../../server/planner/syncCommitment.ts";
import type { SyncJob } from "../../server/planner/syncCommitment.ts";
import { REFERENCE_ALIAS, referenceKey } from "../../server/planner/taskContent.ts";
import { AVERY, BLAKE, CASEY, TARGET, newJob, referencesOf, startPlannerHarness } from "./plannerHarness.ts";
import type { PlannerHarness } from "./plannerHarness.ts";

let harness: PlannerHarness;

beforeEach(async () => {
  harness = await startPlannerHarness();
});

afterEach(async () => {
  await harness.close();
});

/** Tasks of the commitments bucket whose title is `title`. */
function tasksTitled(title: string) {
  return harness.tasks().filter((task) => task["title"] === title);
}

/** Everything a synced commitment must have in Planner: one task, its fields, its details and the reference. */
function expectOneCompleteTask(job: SyncJob) {
  const tasks = tasksTitled(job.version.title);
  expect(tasks).toHaveLength(1);
  const task = tasks[0]!;
  expect(task).toMatchObject({ bucketId: TARGET.bucketId, planId: TARGET.planId, dueDateTime: `${job.version.dueDate}T12:00:00.000Z` });
  expect(Object.keys(task["assignments"] as object).sort()).toEqual([...job.version.ownerIds].sort());
  const details = harness.details(task["id"] as string);
  expect(details?.["description"]).toContain(job.description.notes);
  expect(referencesOf(details)[referenceKey(job.link)]).toMatchObject({ alias: REFERENCE_ALIAS, type: "Other" });
  return task;
}

/** Counts requests that match: a zero-millisecond latency rule fires, and so counts, on each one. */
function countRequests(rule: { method?: "GET" | "POST" | "PATCH"; path: string }) {
  const state = harness.running.emulator.faults.add({ kind: "latency", ms: 0, ...rule });
  return () => harness.running.emulator.faults.list().find((each) => each.id === state.id)?.appliedCount ?? 0;
}

describe("creating a commitment's task", () => {
  it("creates the task with owners and due date, then writes its description and reference with the details' ETag", async () => {
    const job = newJob({ version: { title: "Publish the 2027 pricing decision", ownerIds: [AVERY, BLAKE], dueDate: "2027-03-31" } });
    const outcome = await harness.sync().syncOne(job);
    const task = expectOneCompleteTask(job);
    expect(outcome).toEqual({ kind: "synced", taskId: task["id"] });
    const description = harness.details(task["id"] as string)?.["description"] as string;
    expect(description.split("\n")).toEqual([
      "Committed in a Concord meeting on 26 November 2026.",
      "Agenda item: Pricing",
      "",
      "Tiered pricing, for the margin target.",
    ]);
    // the key is the URL with . : % @ # encoded; decoding it gives the link back
    const [key] = Object.keys(referencesOf(harness.details(task["id"] as string)));
    expect(key).not.toMatch(/[.:@#]/);
    expect(decodeURIComponent(key!)).toBe(job.link);
  });

  it("sends many creates as $batch requests of 20: creates, then details read, then details written", async () => {
    const batches = countRequests({ path: "/$batch" });
    const direct = countRequests({ path: "/planner/**" });
    const jobs = Array.from({ length: 45 }, () => newJob());
    const outcomes = await harness.sync({ concurrency: 1 }).syncAll(jobs);
    expect([...outcomes.values()].every((outcome) => outcome.kind === "synced")).toBe(true);
    for (const job of jobs) expectOneCompleteTask(job);
    expect(batches()).toBe(9);
    // the batch's own steps match /planner/** too: 45 × 3 of them, and not one request on its own
    expect(direct()).toBe(45 * 3);
  });

  it("refuses with Planner's reason, once, when Planner says no (MaximumTasksInProject)", async () => {
    await harness.close();
    harness = await startPlannerHarness({ limits: { tasksPerPlan: 0 } });
    const creates = countRequests({ method: "POST", path: "/planner/tasks" });
    const outcome = await harness.sync().syncOne(newJob());
    expect(outcome).toEqual({ kind: "failed", reason: "Planner answered 403 MaximumTasksInProject: A plan can hold at most 0 tasks.", taskId: null });
    expect(creates()).toBe(1);
    expect(harness.tasks()).toHaveLength(0);
  });

  it("without a token sends nothing and hands the job back, rather than taking it for a lost answer", async () => {
    const api = createPlannerApi({ baseUrl: harness.running.graphBaseUrl, token: () => Promise.reject(new TokenUnavailableError("Avery has not used Concord in the last hour")) });
    const creates = countRequests({ path: "/**" });
    const outcome = await harness.sync({ api }).syncOne(newJob());
    expect(outcome).toMatchObject({ kind: "retry", reason: "Avery has not used Concord in the last hour", taskId: null });
    expect(creates()).toBe(0);
  });

  it("hands a long Retry-After back to the worker instead of waiting it out", async () => {
    harness.running.emulator.faults.add({ kind: "throttle429", method: "POST", path: "/planner/tasks", times: 1, retryAfterSeconds: 120 });
    const outcome = await harness.sync().syncOne(newJob());
    expect(outcome).toMatchObject({ kind: "retry", afterMs: 120_000, taskId: null });
    expect(harness.tasks()).toHaveLength(0);
  });
});

describe("every fault kind on the create, alone and inside a $batch, ends with exactly one complete task", () => {
  const faults: { name: string; rule: FaultRuleInput }[] = [
    { name: "429 with Retry-After", rule: { kind: "throttle429", method: "POST", path: "/planner/tasks", times: 1, retryAfterSeconds: 0 } },
    { name: "503 (not carried out)", rule: { kind: "unavailable503", method: "POST", path: "/planner/tasks", times: 1 } },
    { name: "504 (not carried out)", rule: { kind: "gatewayTimeout504", method: "POST", path: "/planner/tasks", times: 1 } },
    { name: "no answer (timeout)", rule: { kind: "timeout", method: "POST", path: "/planner/tasks", times: 1 } },
    { name: "created, connection reset", rule: { kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1, lostAs: "reset" } },
    { name: "created, 504", rule: { kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1, lostAs: "gatewayTimeout" } },
    { name: "details 404 just after the create", rule: { kind: "detailsNotFoundAfterCreate", times: 1, windowMs: 150 } },
    { name: "429 on reading the details", rule: { kind: "throttle429", method: "GET", path: "/planner/tasks/*/details", times: 1, retryAfterSeconds: 0 } },
    { name: "no answer to writing the details", rule: { kind: "timeout", method: "PATCH", path: "/planner/tasks/*/details", times: 1 } },
    { name: "details written, answer lost", rule: { kind: "createdButResponseLost", method: "PATCH", path: "/planner/tasks/*/details", times: 1, lostAs: "gatewayTimeout" } },
  ];

  for (const { name, rule } of faults) {
    it(`alone: ${name}`, async () => {
      harness.running.emulator.faults.add(rule);
      const job = newJob();
      const outcome = await harness.sync().syncOne(job);
      expect(harness.running.emulator.faults.history().length).toBeGreaterThan(0);
      expect(outcome).toMatchObject({ kind: "synced" });
      expectOneCompleteTask(job);
      expect(harness.tasks()).toHaveLength(1);
    });

    it(`batched: ${name}`, async () => {
      harness.running.emulator.faults.add(rule);
      const jobs = Array.from({ length: 5 }, () => newJob());
      const outcomes = await harness.sync().syncAll(jobs);
      expect(harness.running.emulator.faults.history().length).toBeGreaterThan(0);
      expect([...outcomes.values()].map((outcome) => outcome.kind)).toEqual(Array(5).fill("synced"));
      for (const job of jobs) expectOneCompleteTask(job);
      expect(harness.tasks()).toHaveLength(5);
    });
  }

  it("a lost $batch itself: its creates are matched in the bucket, not made twice", async () => {
    harness.running.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/$batch", times: 1, lostAs: "reset" });
    const jobs = Array.from({ length: 7 }, () => newJob());
    const outcomes = await harness.sync().syncAll(jobs);
    expect([...outcomes.values()].map((outcome) => outcome.kind)).toEqual(Array(7).fill("synced"));
    for (const job of jobs) expectOneCompleteTask(job);
    expect(harness.tasks()).toHaveLength(7);
  });
});

describe("matching a task whose creation went unrecorded", () => {
  it("adopts the task an earlier attempt made (same title, due date and owners) instead of making another", async () => {
    const job = newJob();
    // an earlier attempt: the task was created, then the worker stopped before writing the details
    harness.running.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1 });
    harness.running.emulator.faults.add({ kind: "timeout", method: "GET", path: "/planner/buckets/*/tasks", times: 1 });
    expect(await harness.sync({ maxInlineWaitMs: 0 }).syncOne(job)).toMatchObject({ kind: "retry" });
    expect(harness.tasks()).toHaveLength(1);

    const outcome = await harness.sync().syncOne({ ...job, mayExist: true });
    expect(outcome).toMatchObject({ kind: "synced", taskId: harness.tasks()[0]!["id"] });
    expectOneCompleteTask(job);
  });

  it("leaves alone an identical task that carries another commitment's reference", async () => {
    const version = { title: "Draft the memo", ownerIds: [AVERY], dueDate: "2027-01-15" };
    const other = newJob({ version });
    await harness.sync().syncOne(other);
    const job = newJob({ version, mayExist: true });
    const outcome = await harness.sync().syncOne(job);
    expect(outcome.kind).toBe("synced");
    const tasks = tasksTitled("Draft the memo");
    expect(tasks).toHaveLength(2);
    for (const each of [other, job]) {
      const owning = tasks.filter((task) => referenceKey(each.link) in referencesOf(harness.details(task["id"] as string)));
      expect(owning).toHaveLength(1);
    }
  });

  it("matches a task made from an earlier version of an edited commitment", async () => {
    const first = { title: "First wording", ownerIds: [AVERY], dueDate: "2027-01-15" };
    const job = newJob({ version: first });
    // made by an attempt at revision 1 whose answer was lost
    await harness.api().send({ id: "x", method: "POST", url: "/planner/tasks", body: { planId: TARGET.planId, bucketId: TARGET.bucketId, title: "First wording", assignments: { [AVERY]: { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" } }, dueDateTime: "2027-01-15T12:00:00Z" } });
    const edited = { ...job, revision: 2, version: { ...first, title: "Second wording" }, pastVersions: [first], mayExist: true };
    expect(await harness.sync().syncOne(edited)).toMatchObject({ kind: "synced" });
    expect(harness.tasks().map((task) => task["title"])).toEqual(["Second wording"]);
  });
});

/** A PlannerApi that runs `before` once, just before the first request matching `match` leaves. */
function interceptOnce(api: PlannerApi, match: (step: PlannerStep) => boolean, before: () => void): PlannerApi {
  let isDone = false;
  const send = api.send.bind(api);
  return Object.assign(Object.create(PlannerApi.prototype) as PlannerApi, api, {
    send: (step: PlannerStep): Promise<PlannerAnswer> => {
      if (!isDone && match(step)) {
        isDone = true;
        before();
      }
      return send(step);
    },
  });
}

describe("changes after sync", () => {
  async function synced(version = { title: "Hire a pricing lead", ownerIds: [AVERY], dueDate: "2027-02-01" }) {
    const job = newJob({ version });
    const outcome = await harness.sync().syncOne(job);
    if (outcome.kind !== "synced" || outcome.taskId === null) throw new Error("setup failed");
    return { job, taskId: outcome.taskId };
  }
  const patchOf = (taskId: string) => (step: PlannerStep) => step.method === "PATCH" && step.url === `/planner/tasks/${taskId}`;
  const taskOf = (taskId: string) => harness.tasks().find((task) => task["id"] === taskId)!;
  /** Changes a task as its owner would in Planner (a new ETag, like any other write). */
  function changeInPlanner(taskId: string, change: { title?: string; dueDateTime?: string; percentComplete?: number }) {
    const { store } = harness.running.emulator;
    const owner = { kind: "delegated" as const, tenantId: DEV_PLANNER_IDS.tenantId, userId: AVERY, permissions: ["Tasks.ReadWrite"] };
    store.patchTask(owner, taskId, store.task(owner, taskId).etag, change);
  }

  it("patches a changed title, due date and owner with If-Match", async () => {
    const { job, taskId } = await synced();
    const next = { title: "Hire a head of pricing", ownerIds: [BLAKE, CASEY], dueDate: "2027-02-15" };
    const outcome = await harness.sync().syncOne({ ...job, revision: 2, taskId, version: next, base: job.version });
    expect(outcome).toEqual({ kind: "synced", taskId });
    expect(taskOf(taskId)).toMatchObject({ title: next.title, dueDateTime: "2027-02-15T12:00:00.000Z" });
    expect(Object.keys(taskOf(taskId)["assignments"] as object).sort()).toEqual([BLAKE, CASEY].sort());
  });

  it("a concurrent change in Planner (stale ETag): re-reads and re-applies, so both changes stand", async () => {
    const { job, taskId } = await synced();
    const sync = harness.sync({ api: interceptOnce(harness.api(), patchOf(taskId), () => changeInPlanner(taskId, { percentComplete: 50, dueDateTime: "2027-03-01T00:00:00.000Z" })) });
    const stale = countRequests({ method: "PATCH", path: `/planner/tasks/${taskId}` });
    const outcome = await sync.syncOne({ ...job, revision: 2, taskId, version: { ...job.version, title: "Hire a head of pricing" }, base: job.version });
    expect(outcome).toEqual({ kind: "synced", taskId });
    // the first PATCH met the owner's change as a 412; the second applied Concord's title on top of it
    expect(stale()).toBe(2);
    expect(taskOf(taskId)).toMatchObject({ title: "Hire a head of pricing", percentComplete: 50, dueDateTime: "2027-03-01T00:00:00.000Z" });
  });

  it("the same field changed on both sides: a clear conflict, Planner's value kept until someone retries", async () => {
    const { job, taskId } = await synced();
    const sync = harness.sync({ api: interceptOnce(harness.api(), patchOf(taskId), () => changeInPlanner(taskId, { title: "Hire a pricing director" })) });
    const edit = { ...job, revision: 2, taskId, version: { ...job.version, title: "Hire a head of pricing" }, base: job.version };
    const outcome = await sync.syncOne(edit);
    expect(outcome).toEqual({
      kind: "failed",
      taskId,
      reason: `${CONFLICT_REASON_PREFIX} the title is "Hire a pricing director" in Planner and "Hire a head of pricing" in Concord. Retry to write Concord's values over Planner's, or edit the commitment to match Planner.`,
    });
    expect(taskOf(taskId)["title"]).toBe("Hire a pricing director");

    expect(await harness.sync().syncOne({ ...edit, force: true })).toEqual({ kind: "synced", taskId });
    expect(taskOf(taskId)["title"]).toBe("Hire a head of pricing");
  });

  it("keeps an owner added in Planner when Concord changes the owners", async () => {
    const { job, taskId } = await synced();
    const { store } = harness.running.emulator;
    const owner = { kind: "delegated" as const, tenantId: DEV_PLANNER_IDS.tenantId, userId: AVERY, permissions: ["Tasks.ReadWrite"] };
    store.patchTask(owner, taskId, store.task(owner, taskId).etag, { assignments: { [CASEY]: { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" } } });
    await harness.sync().syncOne({ ...job, revision: 2, taskId, version: { ...job.version, ownerIds: [BLAKE] }, base: job.version });
    expect(Object.keys(taskOf(taskId)["assignments"] as object).sort()).toEqual([BLAKE, CASEY].sort());
  });

  it("marks a cancelled commitment's task, keeps it open and assigned, and marks it only once", async () => {
    const { job, taskId } = await synced();
    changeInPlanner(taskId, { percentComplete: 50 });
    const cancelled = { ...job, revision: 2, taskId, isCancelled: true, base: job.version, description: { ...job.description, cancelledOn: "2026-11-27" } };
    expect(await harness.sync().syncOne(cancelled)).toEqual({ kind: "synced", taskId });
    expect(await harness.sync().syncOne(cancelled)).toEqual({ kind: "synced", taskId });
    expect(taskOf(taskId)).toMatchObject({ title: "[Cancelled] Hire a pricing lead", percentComplete: 50 });
    expect(Object.keys(taskOf(taskId)["assignments"] as object)).toEqual([AVERY]);
    const description = harness.details(taskId)?.["description"] as string;
    expect(description.split("\n")[0]).toBe("Cancelled in Concord on 27 November 2026. Kept here so its owners see the change; delete it when it is no longer needed.");
    expect(description).toContain(job.description.notes);
  });

  it("a commitment cancelled before its task existed has nothing to mark", async () => {
    expect(await harness.sync().syncOne(newJob({ isCancelled: true }))).toEqual({ kind: "synced", taskId: null });
    expect(harness.tasks()).toHaveLength(0);
  });

  it("reports a bound task deleted in Planner", async () => {
    const { job, taskId } = await synced();
    const { store } = harness.running.emulator;
    const owner = { kind: "delegated" as const, tenantId: DEV_PLANNER_IDS.tenantId, userId: AVERY, permissions: ["Tasks.ReadWrite"] };
    store.deleteTask(owner, taskId, store.task(owner, taskId).etag);
    expect(await harness.sync().syncOne({ ...job, revision: 2, taskId, version: { ...job.version, title: "Renamed" }, base: job.version })).toEqual({ kind: "taskDeleted", taskId });
  });
});
