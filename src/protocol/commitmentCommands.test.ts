import { describe, expect, it } from "vitest";
import { ClientMessageSchema } from "./messages.ts";
import { Limits } from "./limits.ts";
import { PlannerTargetSchema } from "./commitmentTarget.ts";
import { summarizeIssues } from "./zodErrors.ts";

const fault = (command: unknown): string => {
  const result = ClientMessageSchema.safeParse({ type: "command", commandId: "c-1", command });
  return result.success ? "" : summarizeIssues(result.error);
};

const capture = (payload: object) => ({ type: "commitment.capture", payload: { title: "Draft the memo", ownerIds: ["u1"], dueDate: "2026-03-31", ...payload } });

describe("commitment commands", () => {
  it("accepts every commitment command a client may send", () => {
    const commands = [
      capture({ notes: "Two options", itemId: "i1" }),
      capture({ itemId: null }),
      { type: "commitment.edit", payload: { commitmentId: "c1", ownerIds: ["u1", "u2"], dueDate: "2026-04-01", itemId: null } },
      { type: "commitment.cancel", payload: { commitmentId: "c1" } },
      { type: "commitment.retrySync", payload: { commitmentId: "c1" } },
    ];
    for (const command of commands) expect(fault(command)).toBe("");
  });

  it("names the field at fault", () => {
    expect(fault(capture({ ownerIds: [] }))).toMatch(/command\.payload\.ownerIds: must name at least one owner/);
    expect(fault(capture({ ownerIds: ["u1", "u1"] }))).toMatch(/command\.payload\.ownerIds: must not name an owner twice/);
    expect(fault(capture({ dueDate: "2026-02-30" }))).toMatch(/command\.payload\.dueDate: must be a date written YYYY-MM-DD/);
    expect(fault(capture({ title: "  " }))).toMatch(/command\.payload\.title: must not be empty/);
    expect(fault(capture({ title: "x".repeat(Limits.maxCommitmentTitleLength + 1) }))).toMatch(/command\.payload\.title: must be at most 255 characters/);
    expect(fault(capture({ notes: "x".repeat(Limits.maxCommitmentNotesLength + 1) }))).toMatch(/command\.payload\.notes/);
    expect(fault({ type: "commitment.edit", payload: { commitmentId: "c1", status: "open" } })).toMatch(/command\.payload/);
  });

  it("gives a client no way to report a sync result", () => {
    for (const type of ["commitment.recordSyncSucceeded", "commitment.syncSucceeded", "commitment.recordProgress"]) {
      expect(fault({ type, payload: { commitmentId: "c1", revision: 1, taskId: "t1", taskUrl: "https://tasks.example/t1" } })).not.toBe("");
    }
  });
});

describe("Planner target", () => {
  it("needs a plan and a bucket with their names", () => {
    const target = { planId: "plan-1", planName: "Strategy 2027", bucketId: "bucket-1", bucketName: "Leadership offsite", setBy: "u1", setAt: 5 };
    expect(PlannerTargetSchema.safeParse(target).success).toBe(true);
    const result = PlannerTargetSchema.safeParse({ ...target, bucketName: " " });
    expect(result.success ? "" : summarizeIssues(result.error)).toMatch(/^bucketName: must not be empty/);
  });
});
