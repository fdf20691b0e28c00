import { describe, expect, it } from "vitest";
import { commitmentRoom, report } from "../../../domain/commitments/testing.ts";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import { withChosenTarget, type PlannerTargetView } from "./plannerTargetView.ts";

const chosenHere: PlannerTarget = {
  planId: "StrategyPlan0001",
  planName: "Strategy 2027",
  bucketId: "CommitmentsBucket01",
  bucketName: "Commitments",
  setBy: "org",
  setAt: 2_000,
};

function roomWithChoice() {
  const { r } = commitmentRoom();
  report(r, { type: "commitments.recordTargetChosen", target: chosenHere });
  return r.state;
}

describe("where tasks go, as an open tab shows it", () => {
  it("shows a plan chosen from this meeting though the server said none when it was asked", () => {
    const asked: PlannerTargetView = { status: "ready", target: null, canChange: true };
    expect(withChosenTarget(asked, roomWithChoice())).toEqual({ status: "ready", target: chosenHere, canChange: true });
  });

  it("shows it while the server has not answered, or could not", () => {
    expect(withChosenTarget({ status: "loading" }, roomWithChoice())).toEqual({ status: "ready", target: chosenHere, canChange: false });
    expect(withChosenTarget({ status: "failed", reason: "offline" }, roomWithChoice())).toMatchObject({ status: "ready", target: chosenHere });
  });

  it("keeps a newer choice the server gave (made since in another meeting of the space)", () => {
    const newer: PlannerTargetView = { status: "ready", target: { ...chosenHere, bucketId: "OffsiteBucket0001", bucketName: "Offsite", setAt: 3_000 }, canChange: false };
    expect(withChosenTarget(newer, roomWithChoice())).toBe(newer);
  });

  it("changes nothing for a meeting nobody chose a plan from", () => {
    const asked: PlannerTargetView = { status: "ready", target: null, canChange: false };
    expect(withChosenTarget(asked, commitmentRoom().r.state)).toBe(asked);
  });
});
