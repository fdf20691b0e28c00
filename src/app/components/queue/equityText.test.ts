import { describe, expect, it } from "vitest";
import { frCA } from "../../i18n/fr-CA.ts";
import { createStrings, englishStrings } from "../../i18n/strings.ts";
import { giniText, ratioText } from "./equityText.ts";

const french = createStrings("fr-CA", frCA);

describe("equity figures in words", () => {
  it("writes ratios to one decimal and the Gini coefficient to two, in each language's style", () => {
    expect(ratioText(englishStrings, 2.46)).toBe("2.5");
    expect(ratioText(englishStrings, 2)).toBe("2");
    expect(ratioText(french, 2.46)).toBe("2,5");
    expect(giniText(englishStrings, 0.3)).toBe("0.30");
    expect(giniText(french, 0.314)).toBe("0,31");
  });
});
