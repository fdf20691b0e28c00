import { describe, expect, it } from "vitest";
import { TestRoom, person } from "../../../domain/testing/room.ts";
import { presentRows } from "./EquityView.tsx";
import { roundStatuses } from "./RoundPanel.tsx";

const org = person("org", "organizer");
const ann = person("ann");
const bo = person("bo");

describe("the equity view's rows", () => {
  it("lists everyone present, the silent at zero, most floor time first, the current turn counted to now", () => {
    const r = new TestRoom().join(org, ann, bo);
    r.run(ann, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.wait(30_000);
    r.run(ann, { type: "floor.yield", payload: {} });
    r.run(bo, { type: "queue.raiseHand", payload: {} });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.wait(10_000);
    expect(presentRows(r.state, r.now)).toEqual([
      { userId: "ann", floorMs: 30_000, turns: 1, share: 0.75 },
      { userId: "bo", floorMs: 10_000, turns: 1, share: 0.25 },
      { userId: "org", floorMs: 0, turns: 0, share: 0 },
    ]);
    r.run(ann, { type: "meeting.leave", payload: {} });
    // someone who left is not drawn, but their time still counts in everyone else's share
    expect(presentRows(r.state, r.now).map(({ userId, share }) => ({ userId, share }))).toEqual([
      { userId: "bo", share: 0.25 },
      { userId: "org", share: 0 },
    ]);
  });
});

describe("a round's statuses", () => {
  it("says who spoke, passed, is speaking, is next and is waiting, in the round's order", () => {
    const r = new TestRoom().join(org, ann, bo, person("cy"));
    r.run(org, { type: "queue.setPolicy", payload: { policy: "roundRobin" } });
    r.run(org, { type: "round.start", payload: { startWith: "ann" } });
    r.run(org, { type: "floor.grantNext", payload: {} });
    r.run(bo, { type: "round.pass", payload: {} });
    const round = r.state.rounds.current!;
    expect(roundStatuses(r.state, round)).toEqual([
      { userId: "ann", status: "speaking" },
      { userId: "bo", status: "passed" },
      { userId: "cy", status: "next" },
      { userId: "org", status: "waiting" },
    ]);
    r.run(ann, { type: "floor.yield", payload: {} });
    expect(roundStatuses(r.state, round)[0]).toEqual({ userId: "ann", status: "spoke" });
  });
});
