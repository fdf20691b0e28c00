import { describe, expect, it } from "vitest";
import type { PlannerTarget } from "../../protocol/commitmentTarget.ts";
import { DomainEventSchema } from "../../protocol/events.ts";
import { isKnownServerMessage } from "../../protocol/serverMessageGuard.ts";
import { MeetingStateSchema } from "../../protocol/snapshot.ts";
import { decideServerCommand } from "../meeting/decide.ts";
import { emptyMeeting } from "../meeting/state.ts";
import { commitmentRoom, report } from "./testing.ts";
import { chosenPlannerTarget } from "./plannerTarget.ts";

const target: PlannerTarget = {
  planId: "StrategyPlan0001",
  planName: "Strategy 2027",
  bucketId: "CommitmentsBucket01",
  bucketName: "Commitments",
  setBy: "org",
  setAt: 1_773_144_000_000,
};

describe("where the meeting's commitments go, as chosen from it", () => {
  it("shows the stored target to everyone once the server records it", () => {
    const { r } = commitmentRoom();
    expect(chosenPlannerTarget(r.state)).toBeNull();
    const events = report(r, { type: "commitments.recordTargetChosen", target });
    expect(events).toEqual([{ type: "commitments.targetChosen", at: r.now, audience: { kind: "everyone" }, payload: target }]);
    expect(DomainEventSchema.parse(events[0])).toEqual(events[0]);
    expect(chosenPlannerTarget(r.state)).toEqual(target);
  });

  it("records a choice made before anyone joined, as an organizer adding the tab does", () => {
    const decision = decideServerCommand(emptyMeeting("m1"), { type: "commitments.recordTargetChosen", target }, 5);
    expect(decision).toMatchObject({ ok: true, events: [{ type: "commitments.targetChosen", payload: target }] });
  });

  it("stores a repeated note once, and a later choice as news", () => {
    const { r } = commitmentRoom();
    report(r, { type: "commitments.recordTargetChosen", target });
    expect(report(r, { type: "commitments.recordTargetChosen", target })).toEqual([]);
    const later = { ...target, bucketId: "OffsiteBucket0001", bucketName: "Leadership offsite", setAt: target.setAt + 60_000 };
    expect(report(r, { type: "commitments.recordTargetChosen", target: later })).toHaveLength(1);
    expect(chosenPlannerTarget(r.state)).toEqual(later);
  });

  it("refuses a malformed target, naming the field, and changes nothing", () => {
    const { r } = commitmentRoom();
    for (const [change, field] of [
      [{ planId: "has spaces" }, "planId"],
      [{ bucketId: "" }, "bucketId"],
      [{ setBy: "x".repeat(201) }, "setBy"],
      [{ planName: "" }, "planName"],
      [{ bucketName: " padded " }, "bucketName"],
      [{ bucketName: "b".repeat(256) }, "bucketName"],
      [{ setAt: -1 }, "setAt"],
    ] as const) {
      const decision = decideServerCommand(r.state, { type: "commitments.recordTargetChosen", target: { ...target, ...change } }, r.now);
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.rejection).toMatchObject({ code: "invalidInput", message: expect.stringMatching(new RegExp(`^${field}: `)) });
    }
    expect(chosenPlannerTarget(r.state)).toBeNull();
  });

  it("survives a stored snapshot, and loads older snapshots that lack it", () => {
    const { r } = commitmentRoom();
    report(r, { type: "commitments.recordTargetChosen", target });
    expect(MeetingStateSchema.parse(JSON.parse(JSON.stringify(r.state))).plannerTarget).toEqual(target);
    const { plannerTarget: _dropped, ...older } = r.state;
    expect(MeetingStateSchema.parse(older).plannerTarget).toBeUndefined();
  });

  it("is an event the tab folds rather than drops", () => {
    const { r } = commitmentRoom();
    const [event] = report(r, { type: "commitments.recordTargetChosen", target });
    expect(isKnownServerMessage({ type: "event", seq: 9, event })).toBe(true);
  });
});
