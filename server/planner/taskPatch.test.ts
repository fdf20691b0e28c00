import { describe, expect, it } from "vitest";
import type { PlannerTask } from "./plannerApi.ts";
import { taskPatchFor } from "./syncCommitment.ts";
import type { CommitmentVersion, SyncJob } from "./syncCommitment.ts";

const base: CommitmentVersion = { title: "Hire a pricing lead", ownerIds: ["ann", "bo"], dueDate: "2027-02-01" };
const task = (overrides: Partial<PlannerTask> = {}): PlannerTask => ({
  "@odata.etag": 'W/"x"',
  id: "t1",
  planId: "p",
  bucketId: "b",
  title: base.title,
  percentComplete: 0,
  dueDateTime: "2027-02-01T12:00:00Z",
  completedDateTime: null,
  createdDateTime: "2026-11-26T10:00:00Z",
  assignments: { ann: {}, bo: {} },
  ...overrides,
});
const job = (version: Partial<CommitmentVersion>, more: Partial<SyncJob> = {}): SyncJob => ({
  key: "c1",
  commitmentId: "c1",
  revision: 2,
  isCancelled: false,
  version: { ...base, ...version },
  description: { notes: "", itemTitle: null, meetingName: null, meetingDate: "2026-11-26", cancelledOn: null },
  link: "https://concord.example/c1",
  taskId: "t1",
  mayExist: false,
  createdAfter: 0,
  pastVersions: [],
  base,
  force: false,
  ...more,
});

describe("merging an edit with Planner's own changes", () => {
  it("writes only what Concord changed", () => {
    expect(taskPatchFor(task(), job({ title: "Hire a head of pricing" }))).toEqual({ patch: { title: "Hire a head of pricing" }, conflicts: [] });
    expect(taskPatchFor(task(), job({}))).toEqual({ patch: {}, conflicts: [] });
  });

  it("keeps what only Planner changed (a due date an owner moved, local midnight in UTC+10)", () => {
    const moved = task({ dueDateTime: "2027-02-14T14:00:00Z" });
    expect(taskPatchFor(moved, job({ title: "Hire a head of pricing" }))).toEqual({ patch: { title: "Hire a head of pricing" }, conflicts: [] });
  });

  it("calls it a conflict when both changed one field to different values, and agrees when they match", () => {
    const renamed = task({ title: "Hire a pricing director" });
    expect(taskPatchFor(renamed, job({ title: "Hire a head of pricing" })).conflicts).toEqual([
      'the title is "Hire a pricing director" in Planner and "Hire a head of pricing" in Concord.',
    ]);
    expect(taskPatchFor(renamed, job({ title: "Hire a pricing director" }))).toEqual({ patch: {}, conflicts: [] });
    expect(taskPatchFor(renamed, job({ title: "Hire a head of pricing" }, { force: true })).patch).toEqual({ title: "Hire a head of pricing" });
  });

  it("merges owners as sets: Concord's additions and removals, Planner's kept", () => {
    const withCasey = task({ assignments: { ann: {}, bo: {}, casey: {} } });
    const { patch } = taskPatchFor(withCasey, job({ ownerIds: ["ann", "dee"] }));
    expect(patch.assignments).toEqual({ dee: { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" }, bo: null });
  });

  it("marks a cancelled task's current title, whatever Planner renamed it to", () => {
    expect(taskPatchFor(task({ title: "Renamed in Planner" }), job({}, { isCancelled: true })).patch).toEqual({ title: "[Cancelled] Renamed in Planner" });
  });
});
