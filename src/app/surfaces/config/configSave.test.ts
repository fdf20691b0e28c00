import { describe, expect, it } from "vitest";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import { ConfigSaveError, NEW_BUCKET, saveConfiguration, targetChoiceOf, type PickerState } from "./configSave.ts";

const current: PlannerTarget = {
  planId: "StrategyPlan0001",
  planName: "Strategy 2027",
  bucketId: "CommitmentsBucket01",
  bucketName: "Commitments",
  setBy: "org",
  setAt: 1_773_144_000_000,
};
const buckets = [
  { id: "CommitmentsBucket01", name: "Commitments" },
  { id: "EscalationsBucket1", name: "Escalations" },
];

function picker(overrides: Partial<PickerState> = {}): PickerState {
  return { canChoose: true, current: null, planId: "StrategyPlan0001", bucketId: "EscalationsBucket1", newBucketName: "Meeting commitments", buckets, ...overrides };
}

describe("the settings page's Planner choice", () => {
  it("is valid with no plan at all: Concord works without Planner", () => {
    expect(targetChoiceOf(picker({ planId: "", bucketId: "" }))).toEqual({ kind: "keep" });
    // someone who may not choose (an attendee), or whose plans could not be listed, saves the tab alone
    expect(targetChoiceOf(picker({ canChoose: false }))).toEqual({ kind: "keep" });
  });

  it("writes nothing when the target is left as it is", () => {
    expect(targetChoiceOf(picker({ current, bucketId: "CommitmentsBucket01" }))).toEqual({ kind: "keep" });
    // even before the plan's buckets are listed again
    expect(targetChoiceOf(picker({ current, bucketId: "CommitmentsBucket01", buckets: null }))).toEqual({ kind: "keep" });
  });

  it("saves a bucket of the chosen plan, or a new bucket with its trimmed name", () => {
    expect(targetChoiceOf(picker())).toEqual({ kind: "existing", planId: "StrategyPlan0001", bucketId: "EscalationsBucket1" });
    expect(targetChoiceOf(picker({ current, bucketId: NEW_BUCKET, newBucketName: "  Offsite  " }))).toEqual({
      kind: "newBucket",
      planId: "StrategyPlan0001",
      name: "Offsite",
    });
  });

  it("is incomplete (Save disabled) while a new bucket has no name or the plan's buckets are not listed", () => {
    expect(targetChoiceOf(picker({ bucketId: NEW_BUCKET, newBucketName: "   " }))).toEqual({ kind: "incomplete", problem: "nameEmpty" });
    expect(targetChoiceOf(picker({ buckets: null }))).toEqual({ kind: "incomplete", problem: "bucketsNotListed" });
    // a bucket left over from the plan picked before is not one of this plan's
    expect(targetChoiceOf(picker({ bucketId: "OtherPlansBucket1" }))).toEqual({ kind: "incomplete", problem: "missingBucket" });
    expect(targetChoiceOf(picker({ bucketId: "" }))).toEqual({ kind: "incomplete", problem: "missingBucket" });
  });
});

describe("Teams' one Save", () => {
  it("saves where tasks go before the tab, so a refused choice never leaves a tab without it", async () => {
    const steps: string[] = [];
    await saveConfiguration({
      saveTarget: () => {
        steps.push("target");
        return Promise.resolve(current);
      },
      saveTab: () => {
        steps.push("tab");
        return Promise.resolve();
      },
    });
    expect(steps).toEqual(["target", "tab"]);
  });

  it("reports Planner's refusal with its reason and does not add the tab", async () => {
    const steps: string[] = [];
    const failure = saveConfiguration({
      saveTarget: () => Promise.reject(new Error("planId: you cannot reach plan BoardPlan0001 in Planner")),
      saveTab: () => {
        steps.push("tab");
        return Promise.resolve();
      },
    });
    await expect(failure).rejects.toEqual(new ConfigSaveError("target", false, "planId: you cannot reach plan BoardPlan0001 in Planner"));
    expect(steps).toEqual([]);
  });

  it("says whether where tasks go was saved when Teams then refuses the tab", async () => {
    const refuse = () => Promise.reject(new Error("contentUrl must be an address on http://localhost:3000."));
    await expect(saveConfiguration({ saveTarget: () => Promise.resolve(current), saveTab: refuse })).rejects.toMatchObject({ step: "tab", isTargetSaved: true });
    await expect(saveConfiguration({ saveTarget: () => Promise.resolve(null), saveTab: refuse })).rejects.toMatchObject({
      step: "tab",
      isTargetSaved: false,
      message: "contentUrl must be an address on http://localhost:3000.",
    });
  });
});
