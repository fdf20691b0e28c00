import { describe, expect, it } from "vitest";
import type { LegalDocument } from "./legalDocument.ts";
import { privacyStatement } from "./privacyStatement.ts";
import { termsOfUse } from "./termsOfUse.ts";

/** The shape of a document: how many sections, and in each, which blocks are paragraphs and how long each list is. */
function outline(document: LegalDocument) {
  const blocks = (list: LegalDocument["intro"]) => list.map((block) => (typeof block === "string" ? "p" : `ul${block.length}`));
  return { intro: blocks(document.intro), sections: document.sections.map((section) => blocks(section.blocks)) };
}

describe.each([
  ["privacy statement", privacyStatement],
  ["terms of use", termsOfUse],
])("the %s", (_name, text) => {
  it("says the same things in French as in English, block for block", () => {
    expect(outline(text["fr-CA"])).toEqual(outline(text.en));
  });

  it("names the deploying organisation, never a company or an address of its own", () => {
    for (const document of [text.en, text["fr-CA"]]) {
      const all = JSON.stringify(document);
      expect(all).toMatch(/the organisation that deployed Concord|l’organisation qui a déployé Concord/);
      expect(all).not.toMatch(/contoso|fabrikam|example\.com|\binc\.|\bllc\b|\bltd\b/i);
    }
  });
});

describe("the privacy statement", () => {
  it("states where data is stored and what Concord does not do", () => {
    const english = JSON.stringify(privacyStatement.en);
    for (const fact of ["Microsoft Entra object id", "display name", "SQLite", "PostgreSQL", "Microsoft Graph", "no data to any third party", "never stores the token", "no advertising"]) {
      expect(english).toContain(fact);
    }
  });
});
