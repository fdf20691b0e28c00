import { describe, expect, it } from "vitest";
import { frCA } from "../../i18n/fr-CA.ts";
import { createStrings, englishStrings } from "../../i18n/strings.ts";
import { shareText, waitText } from "./waitText.ts";

const french = createStrings("fr-CA", frCA);

describe("waitText", () => {
  it("says a rough wait in words, never to the second", () => {
    expect(waitText(englishStrings, 0)).toBe("less than a minute");
    expect(waitText(englishStrings, 59_000)).toBe("less than a minute");
    expect(waitText(englishStrings, 60_000)).toBe("about 1 minute");
    expect(waitText(englishStrings, 4 * 60_000 + 20_000)).toBe("about 4 minutes");
    expect(waitText(englishStrings, 9 * 60_000 + 40_000)).toBe("about 10 minutes");
    expect(waitText(englishStrings, 13 * 60_000)).toBe("about 15 minutes");
    expect(waitText(englishStrings, 42 * 60_000)).toBe("about 40 minutes");
    expect(waitText(french, 3 * 60_000)).toBe("environ 3\u00a0minutes");
  });

  it("writes shares as whole percentages the way each language does", () => {
    expect(shareText(englishStrings, 0.184)).toBe("18%");
    expect(shareText(englishStrings, 0.25)).toBe("25%");
    expect(shareText(french, 0.25)).toMatch(/^25\s%$/u);
  });
});
