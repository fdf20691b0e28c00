import "../../i18n/meetingTabMessages.ts";
import { describe, expect, it } from "vitest";
import { samePhases } from "../../../domain/agenda/phases.ts";
import { templateItems } from "../../../domain/agenda/templates.ts";
import { AGENDA_TEMPLATES } from "../../../protocol/vocabulary.ts";
import { englishStrings } from "../../i18n/strings.ts";
import { describeTemplate } from "./templateDescription.ts";

describe("describeTemplate", () => {
  it("can describe every template by its first item, because all its items share their phases", () => {
    for (const template of AGENDA_TEMPLATES) {
      const [first, ...rest] = templateItems(template);
      for (const item of rest) expect(samePhases(item.phases, first!.phases)).toBe(true);
    }
  });

  it("says how many items a template adds and the timebox of each phase", () => {
    expect(describeTemplate(englishStrings, "strategicOffsite")).toBe(
      "Adds 3 items, each Diagnose 20 min, Options 25 min, Trade-offs 30 min, and Commit 15 min.",
    );
    expect(describeTemplate(englishStrings, "blank")).toBe("Adds no items.");
  });
});
