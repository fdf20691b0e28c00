import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOrdinal, hintBetween, resolveOrderHint } from "./orderHints.ts";

describe("order hints", () => {
  it("always issues a hint strictly between its neighbours, in '\"'..'~', so any insertion order stays sorted", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 200 }), (positions) => {
        const hints: string[] = [];
        for (const position of positions) {
          const index = position % (hints.length + 1);
          const hint = hintBetween(hints[index - 1] ?? "", hints[index] ?? null);
          expect(hint).toMatch(/^[\x22-\x7e]+$/);
          hints.splice(index, 0, hint);
        }
        expect([...hints].sort(compareOrdinal)).toEqual(hints);
        expect(new Set(hints).size).toBe(hints.length);
      }),
    );
  });

  it("places a composed hint where the client put it among the siblings", () => {
    const siblings = ["A", "M", "Z"];
    const between = resolveOrderHint("A M!", siblings, "last", "orderHint");
    expect(between > "A" && between < "M").toBe(true);
    expect(resolveOrderHint(" A!", siblings, "last", "orderHint") < "A").toBe(true);
    expect(resolveOrderHint("Z !", siblings, "first", "orderHint") > "Z").toBe(true);
    expect(resolveOrderHint(undefined, siblings, "first", "orderHint") < "A").toBe(true);
    expect(resolveOrderHint(undefined, siblings, "last", "orderHint") > "Z").toBe(true);
  });

  it("refuses an issued hint sent back unchanged, or characters outside 32-126", () => {
    expect(() => resolveOrderHint("M", ["A", "M"], "last", "orderHint")).toThrow(/not a valid order hint/);
    expect(() => resolveOrderHint("A\u00e9 !", [], "last", "orderHint")).toThrow(/not a valid order hint/);
  });
});
