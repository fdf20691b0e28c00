import { afterEach, describe, expect, it } from "vitest";
import { createFaultInjector, FaultRuleSchema, pathMatches } from "./faults.ts";
import { startPlannerEmulator } from "./plannerEmulator.ts";
import type { PlannerEmulatorOptions, RunningPlannerEmulator } from "./plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "./seed.ts";

const USER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const NEW_TASK = { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, title: "Commitment" };
const CREATE = { method: "POST", path: "/planner/tasks", isInBatch: false };

describe("fault injector", () => {
  it("gives the same faults for the same seed and requests, and other faults for another seed", () => {
    const run = (seed: number) => {
      const faults = createFaultInjector(seed);
      faults.add({ kind: "throttle429", method: "POST", path: "/planner/tasks", probability: 0.3 });
      return Array.from({ length: 200 }, () => faults.decide(CREATE).fault?.kind ?? "none");
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(run(43)).not.toEqual(first);
    const throttled = first.filter((kind) => kind === "throttle429").length;
    expect(throttled).toBeGreaterThan(30);
    expect(throttled).toBeLessThan(90);
  });

  it("fires a `times` rule on exactly that many matching requests, and never on others", () => {
    const faults = createFaultInjector();
    const rule = faults.add({ kind: "unavailable503", method: "POST", path: "/planner/tasks", times: 2 });
    const kinds = [
      faults.decide({ method: "GET", path: "/planner/tasks/abc", isInBatch: false }),
      faults.decide(CREATE),
      faults.decide(CREATE),
      faults.decide(CREATE),
    ].map((decision) => decision.fault?.kind ?? "none");
    expect(kinds).toEqual(["none", "unavailable503", "unavailable503", "none"]);
    expect(faults.list().find(({ id }) => id === rule.id)).toMatchObject({ appliedCount: 2, remaining: 0 });
  });

  it("adds latency from every matching rule and applies at most one other fault", () => {
    const faults = createFaultInjector();
    faults.add({ kind: "latency", ms: 5 });
    faults.add({ kind: "latency", path: "/planner/**", ms: 7 });
    faults.add({ kind: "gatewayTimeout504", path: "/planner/tasks" });
    faults.add({ kind: "throttle429", path: "/planner/tasks", times: 1 });
    expect(faults.decide(CREATE)).toEqual({ latencyMs: 12, fault: expect.objectContaining({ kind: "gatewayTimeout504" }) });
    // the throttle rule was not drawn for, so its one firing is still there
    expect(faults.list().find(({ kind }) => kind === "throttle429")).toMatchObject({ remaining: 1 });
  });

  it("matches path patterns segment by segment", () => {
    expect(pathMatches("/planner/tasks/*/details", "/planner/tasks/abc/details")).toBe(true);
    expect(pathMatches("/planner/tasks/*", "/planner/tasks/abc/details")).toBe(false);
    expect(pathMatches("/planner/**", "/planner/tasks/abc/details")).toBe(true);
    expect(pathMatches("/**/details", "/planner/tasks/abc/details")).toBe(true);
    expect(pathMatches("/$batch", "/$batch")).toBe(true);
  });

  it("refuses a rule with both a probability and a count, or an unknown kind", () => {
    expect(FaultRuleSchema.safeParse({ kind: "throttle429", probability: 0.5, times: 3 }).error?.issues[0]?.path).toEqual(["times"]);
    expect(FaultRuleSchema.safeParse({ kind: "meteorStrike" }).success).toBe(false);
  });
});

describe("faults over HTTP", () => {
  const running: RunningPlannerEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });

  async function start(options: Omit<PlannerEmulatorOptions, "verifier"> = {}) {
    const emulator = await startPlannerEmulator({ port: 0, ...options });
    running.push(emulator);
    const token = await emulator.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER });
    const call = (method: string, url: string, body?: unknown, init: RequestInit = {}) =>
      fetch(`${emulator.serviceRoot}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    return { emulator, faults: emulator.emulator.faults, tasks: () => emulator.emulator.snapshot().tasks, call };
  }

  it("throttles with 429 and Retry-After, without creating anything", async () => {
    const { faults, tasks, call } = await start();
    faults.add({ kind: "throttle429", method: "POST", path: "/planner/tasks", times: 1, retryAfterSeconds: 7 });
    const response = await call("POST", "/planner/tasks", NEW_TASK);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("TooManyRequests");
    expect(tasks()).toHaveLength(0);
    expect((await call("POST", "/planner/tasks", NEW_TASK)).status).toBe(201);
  });

  it("answers 503 with Retry-After and 504, without creating anything", async () => {
    const { faults, tasks, call } = await start();
    faults.add({ kind: "unavailable503", path: "/planner/tasks", times: 1, retryAfterSeconds: 2 });
    faults.add({ kind: "gatewayTimeout504", path: "/planner/tasks", times: 1 });
    const unavailable = await call("POST", "/planner/tasks", NEW_TASK);
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "2"]);
    expect((await call("POST", "/planner/tasks", NEW_TASK)).status).toBe(504);
    expect(tasks()).toHaveLength(0);
  });

  it("holds a timed-out request unanswered until the client gives up, and does not carry it out", async () => {
    const { faults, tasks, call } = await start();
    faults.add({ kind: "timeout", method: "POST", path: "/planner/tasks", times: 1 });
    await expect(call("POST", "/planner/tasks", NEW_TASK, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(tasks()).toHaveLength(0);
    expect((await call("POST", "/planner/tasks", NEW_TASK)).status).toBe(201);
  });

  it("creates the task and then loses the answer: a reset connection, or a 504", async () => {
    const { faults, tasks, call } = await start();
    faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1 });
    await expect(call("POST", "/planner/tasks", NEW_TASK)).rejects.toThrow();
    expect(tasks()).toHaveLength(1);

    faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1, lostAs: "gatewayTimeout" });
    expect((await call("POST", "/planner/tasks", { ...NEW_TASK, title: "Second" })).status).toBe(504);
    expect(tasks().map((task) => task["title"])).toEqual(["Commitment", "Second"]);
  });

  it("hides a new task's details (404 to GET and PATCH) for the window after its creation", async () => {
    let now = Date.parse("2027-01-04T09:00:00Z");
    const { faults, call } = await start({ now: () => now });
    faults.add({ kind: "detailsNotFoundAfterCreate", times: 1, windowMs: 5_000 });
    const task = (await (await call("POST", "/planner/tasks", NEW_TASK)).json()) as Record<string, string>;
    const url = `/planner/tasks/${task["id"]}/details`;
    expect((await call("GET", url)).status).toBe(404);
    expect((await call("PATCH", url, { description: "x" }, { headers: { "if-match": 'W/"x"' } })).status).toBe(404);
    expect((await call("GET", `/planner/tasks/${task["id"]}`)).status).toBe(200);
    now += 5_001;
    expect((await call("GET", url)).status).toBe(200);
    const later = (await (await call("POST", "/planner/tasks", { ...NEW_TASK, title: "Later" })).json()) as Record<string, string>;
    expect((await call("GET", `/planner/tasks/${later["id"]}/details`)).status).toBe(200);
  });

  it("delays requests by a latency rule and records every fault that fired", async () => {
    const { faults, call } = await start();
    faults.add({ kind: "latency", path: "/me/**", ms: 20 });
    expect((await call("GET", "/me/planner/plans")).status).toBe(200);
    expect(faults.history()).toEqual([expect.objectContaining({ kind: "latency", method: "GET", path: "/me/planner/plans", isInBatch: false })]);
  });

  it("never applies faults to the control API or the read-only page", async () => {
    const { emulator, faults, call } = await start();
    faults.add({ kind: "throttle429" });
    faults.add({ kind: "timeout" });
    expect((await fetch(`${emulator.controlUrl}/faults`)).status).toBe(200);
    expect((await fetch(`${emulator.controlUrl}/state`)).status).toBe(200);
    expect((await fetch(`${emulator.origin}/dev/planner/`)).status).toBe(200);
    expect((await call("GET", "/me/planner/plans")).status).toBe(429);
  });

  it("replaces rules and reseeds through the control API, and names the field of a bad rule", async () => {
    const { emulator, faults } = await start();
    const put = (body: unknown) =>
      fetch(`${emulator.controlUrl}/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const bad = await put({ rules: [{ kind: "throttle429", probability: 2 }] });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("rules.0.probability");
    expect(faults.list()).toEqual([]);

    const good = await put({ seed: 7, rules: [{ kind: "unavailable503", probability: 0.3, path: "/planner/tasks" }] });
    expect(good.status).toBe(200);
    expect(faults.seed).toBe(7);
    expect(faults.list()).toEqual([expect.objectContaining({ kind: "unavailable503", probability: 0.3, appliedCount: 0 })]);
  });
});
