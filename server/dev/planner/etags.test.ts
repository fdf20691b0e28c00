import { describe, expect, it } from "vitest";
import { checkIfMatch, etagKind, formatEtag } from "./etags.ts";

describe("ETags", () => {
  it("reads back the kind of resource an ETag was issued for", () => {
    expect(etagKind(formatEtag("TaskDetails", 12))).toBe("TaskDetails");
    expect(etagKind(formatEtag("Task", 12).replace(/^W\//, ""))).toBe("Task");
    expect(etagKind('W/"bm90IGFuIGV0YWc="')).toBeNull();
    expect(etagKind("*")).toBeNull();
  });

  it("applies Planner's If-Match statuses: missing 412, foreign 400, stale 412, current passes", () => {
    const current = formatEtag("Task", 5);
    const status = (header: string | undefined) => {
      try {
        checkIfMatch(header, "Task", current);
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect([status(undefined), status(formatEtag("TaskDetails", 5)), status(formatEtag("Task", 4)), status(current)]).toEqual([412, 400, 412, 0]);
  });
});
