import { describe, expect, it } from "vitest";
import { TestRoom, person } from "../testing/room.ts";

const organizer = person("org", "organizer");
const presenter = person("pres", "presenter");
const ann = person("ann");

describe("charter", () => {
  it("starts with consent, every role in use and nobody named to decide", () => {
    expect(new TestRoom().state.charter).toEqual({
      deciderIds: [],
      decisionRule: "consent",
      groundRules: "",
      rolesInUse: ["facilitator", "timekeeper", "scribe", "challenger"],
      updatedBy: null,
      updatedAt: null,
    });
  });

  it("is changed only by the organizer, who is recorded with the time", () => {
    const r = new TestRoom().join(organizer, presenter, ann);
    for (const who of [ann, presenter]) {
      expect(r.attempt(who, { type: "charter.update", payload: { groundRules: "Phones away" } })).toMatchObject({
        ok: false,
        rejection: { code: "forbidden" },
      });
    }
    r.wait(500).run(organizer, { type: "charter.update", payload: { deciderIds: ["org", "ann"], decisionRule: "majority", groundRules: "Phones away" } });
    expect(r.state.charter).toMatchObject({ deciderIds: ["org", "ann"], decisionRule: "majority", groundRules: "Phones away", updatedBy: "org", updatedAt: r.now });
  });

  it("keeps fields that were not sent and lists roles in use in canonical order", () => {
    const r = new TestRoom().join(organizer);
    r.run(organizer, { type: "charter.update", payload: { groundRules: "Start on time" } });
    r.run(organizer, { type: "charter.update", payload: { rolesInUse: ["scribe", "facilitator"] } });
    expect(r.state.charter).toMatchObject({ groundRules: "Start on time", decisionRule: "consent", rolesInUse: ["facilitator", "scribe"] });
    expect(r.attempt(organizer, { type: "charter.update", payload: { groundRules: "Start on time" } })).toEqual({ ok: true, events: [] });
  });

  it("names only people in the meeting, and one decider at most under a single-decider rule", () => {
    const r = new TestRoom().join(organizer, ann);
    expect(r.attempt(organizer, { type: "charter.update", payload: { deciderIds: ["ghost"] } })).toMatchObject({
      ok: false,
      rejection: { code: "unknownParticipant" },
    });
    expect(r.attempt(organizer, { type: "charter.update", payload: { decisionRule: "singleDecider", deciderIds: ["org", "ann"] } })).toMatchObject({
      ok: false,
      rejection: { code: "invalidInput" },
    });
    r.run(organizer, { type: "charter.update", payload: { decisionRule: "singleDecider", deciderIds: ["ann"] } });
    expect(r.state.charter).toMatchObject({ decisionRule: "singleDecider", deciderIds: ["ann"] });
  });
});
