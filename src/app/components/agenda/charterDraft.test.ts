import { describe, expect, it } from "vitest";
import { defaultCharter } from "../../../protocol/stateDefaults.ts";
import { Limits } from "../../../protocol/limits.ts";
import { charterDraftOf, charterProblems, toggled } from "./charterDraft.ts";

describe("charter drafts", () => {
  const draft = charterDraftOf(defaultCharter(), "rotate");

  it("accepts the default charter", () => {
    expect(charterProblems(draft)).toBeNull();
  });

  it("refuses more than one decider under a single-decider rule, as the server does", () => {
    expect(charterProblems({ ...draft, decisionRule: "singleDecider", deciderIds: ["u1", "u2"] })).toEqual({ groundRules: null, deciders: true });
    expect(charterProblems({ ...draft, decisionRule: "singleDecider", deciderIds: ["u1"] })).toBeNull();
    expect(charterProblems({ ...draft, decisionRule: "majority", deciderIds: ["u1", "u2"] })).toBeNull();
  });

  it("names over-long ground rules", () => {
    expect(charterProblems({ ...draft, groundRules: "r".repeat(Limits.maxGroundRulesLength + 1) })).toEqual({
      groundRules: { kind: "tooLong", max: Limits.maxGroundRulesLength },
      deciders: false,
    });
  });

  it("toggles list members without duplicating them", () => {
    expect(toggled(["a", "b"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
  });
});
