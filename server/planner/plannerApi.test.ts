import { describe, expect, it } from "vitest";
import { PlannerTaskSchema, describeAnswer, parseAnswer, retryAfterMs } from "./plannerApi.ts";
import { verdictOf } from "./syncCommitment.ts";

const answer = (status: number, more: Partial<{ code: string; message: string; retryAfterMs: number | null; body: unknown }> = {}) => ({
  status,
  body: undefined,
  code: "",
  message: "",
  retryAfterMs: null,
  ...more,
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("7")).toBe(7_000);
    expect(retryAfterMs("Thu, 26 Nov 2026 13:00:10 GMT", Date.parse("2026-11-26T13:00:00Z"))).toBe(10_000);
    expect([retryAfterMs(null), retryAfterMs(""), retryAfterMs("later")]).toEqual([null, null, null]);
  });
});

describe("what an answer means", () => {
  it("only a 429 proves a create did not happen; a lost answer or a 5xx on a create is ambiguous", () => {
    expect(verdictOf(answer(429, { retryAfterMs: 3_000 }), true)).toMatchObject({ kind: "wait", afterMs: 3_000 });
    for (const status of [0, 500, 502, 503, 504]) expect(verdictOf(answer(status), true).kind).toBe("ambiguous");
    for (const status of [0, 503, 504]) expect(verdictOf(answer(status), false).kind).toBe("wait");
  });

  it("a 4xx is Planner's refusal, with its reason; 412 and 409 mean re-read", () => {
    const refused = verdictOf(answer(403, { code: "MaximumTasksInProject", message: "A plan can hold at most 9000 tasks." }), true);
    expect(refused).toEqual({ kind: "refused", reason: "Planner answered 403 MaximumTasksInProject: A plan can hold at most 9000 tasks." });
    expect([verdictOf(answer(412), false).kind, verdictOf(answer(409), false).kind, verdictOf(answer(404), false).kind]).toEqual(["stale", "stale", "notFound"]);
    expect(describeAnswer(answer(0, { message: "The operation was aborted due to timeout" }))).toBe("Planner did not answer: The operation was aborted due to timeout");
  });

  it("never takes an unreadable 2xx for success", () => {
    const parsed = parseAnswer(answer(201, { body: { id: "t1" } }), PlannerTaskSchema);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.answer.code).toBe("UnreadableAnswer");
  });
});
