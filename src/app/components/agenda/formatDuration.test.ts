import { describe, expect, it } from "vitest";
import { formatMinutes, wholeMinutes } from "./formatDuration.ts";

describe("formatMinutes", () => {
  // French keeps the number and its unit together with a no-break space
  const plain = (text: string) => text.replace(/\u00a0/g, " ");

  it("writes minutes under an hour, then hours and minutes", () => {
    expect(formatMinutes(45, "en")).toBe("45 min");
    expect(formatMinutes(60, "en")).toBe("1 hr");
    expect(formatMinutes(90, "en")).toBe("1 hr 30 min");
    expect(plain(formatMinutes(270, "fr-CA"))).toBe("4 h 30 min");
  });

  it("shows the size of a negative difference", () => {
    expect(formatMinutes(-15, "en")).toBe("15 min");
  });
});

describe("wholeMinutes", () => {
  it("rounds to the nearest minute", () => {
    expect(wholeMinutes(89_000)).toBe(1);
    expect(wholeMinutes(90_000)).toBe(2);
    expect(wholeMinutes(29_999)).toBe(0);
  });
});
