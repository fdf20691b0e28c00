import { describe, expect, it } from "vitest";
import { Limits } from "../../../protocol/limits.ts";
import { assumptionDraftOf, checkAssumption } from "./assumptionDraft.ts";

describe("assumption drafts", () => {
  it("trims what is sent and turns an empty link into none", () => {
    const draft = { ...assumptionDraftOf(null), statement: "  Churn stays under 3%  ", evidence: " Q2 cohort data ", dataLink: "  " };
    expect(checkAssumption(draft)).toEqual({
      ok: true,
      values: { statement: "Churn stays under 3%", evidence: "Q2 cohort data", dataLink: null, confidence: "medium" },
    });
  });

  it("names every field that is wrong", () => {
    const draft = { statement: "", evidence: "e".repeat(Limits.maxEvidenceLength + 1), dataLink: "http://example.com", confidence: "high" as const };
    expect(checkAssumption(draft)).toEqual({
      ok: false,
      problems: { statement: { kind: "required" }, evidence: { kind: "tooLong", max: Limits.maxEvidenceLength }, dataLink: { kind: "link" } },
    });
  });
});
