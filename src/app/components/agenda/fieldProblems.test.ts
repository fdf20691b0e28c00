import { describe, expect, it } from "vitest";
import { Limits } from "../../../protocol/limits.ts";
import { TimeboxMinutesSchema, HttpsUrlSchema, inputText } from "../../../protocol/fields.ts";
import { linkProblem, parseMinutes, textProblem } from "./fieldProblems.ts";

describe("textProblem", () => {
  it("requires non-blank text only when asked", () => {
    expect(textProblem("   ", 10, true)).toEqual({ kind: "required" });
    expect(textProblem("   ", 10, false)).toBeNull();
  });

  it("measures the trimmed text against the limit, as the server does", () => {
    const limit = Limits.maxTitleLength;
    const exactly = "x".repeat(limit);
    expect(textProblem(`  ${exactly}  `, limit, true)).toBeNull();
    expect(inputText(limit, true).safeParse(`  ${exactly}  `).success).toBe(true);
    expect(textProblem(`${exactly}y`, limit, true)).toEqual({ kind: "tooLong", max: limit });
    expect(inputText(limit, true).safeParse(`${exactly}y`).success).toBe(false);
  });
});

describe("parseMinutes", () => {
  const { minTimeboxMinutes: min, maxTimeboxMinutes: max } = Limits;

  it("accepts the whole numbers the server accepts", () => {
    for (const value of [min, 15, max]) {
      expect(parseMinutes(String(value), min, max)).toEqual({ ok: true, minutes: value });
      expect(TimeboxMinutesSchema.safeParse(value).success).toBe(true);
    }
  });

  it("refuses fractions, signs, out-of-range values and words, naming the range", () => {
    for (const raw of ["0", String(max + 1), "2.5", "-3", "1e2", "ten", "0x10"]) {
      expect(parseMinutes(raw, min, max)).toEqual({ ok: false, problem: { kind: "minutes", min, max } });
    }
    expect(parseMinutes(" ", min, max)).toEqual({ ok: false, problem: { kind: "required" } });
  });
});

describe("linkProblem", () => {
  it("agrees with the protocol on which links are acceptable", () => {
    const cases = [
      "https://example.com/report.xlsx",
      "  https://intranet.example/q3  ",
      "http://example.com",
      "https://user:secret@example.com",
      "ftp://example.com",
      "example.com",
      "javascript:alert(1)",
      `https://example.com/${"a".repeat(Limits.maxUrlLength)}`,
    ];
    for (const value of cases) {
      expect({ value, ok: linkProblem(value, true) === null }).toEqual({ value, ok: HttpsUrlSchema.safeParse(value).success });
    }
  });

  it("lets an optional link stay empty but not a required one", () => {
    expect(linkProblem("", false)).toBeNull();
    expect(linkProblem("", true)).toEqual({ kind: "required" });
    expect(linkProblem("http://example.com", false)).toEqual({ kind: "link" });
  });
});
