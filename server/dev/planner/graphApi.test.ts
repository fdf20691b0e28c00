import { afterEach, describe, expect, it } from "vitest";
import { startPlannerEmulator } from "./plannerEmulator.ts";
import type { RunningPlannerEmulator } from "./plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "./seed.ts";

const USER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const JSON_HEADERS = { "Content-Type": "application/json" };
const create = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: "POST",
  url: "/planner/tasks",
  headers: JSON_HEADERS,
  body: { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, title },
  ...extra,
});

interface BatchAnswer {
  status: number;
  body: { responses: { id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> }[] } & Record<string, unknown>;
}

const running: RunningPlannerEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function start() {
  const emulator = await startPlannerEmulator({ port: 0 });
  running.push(emulator);
  const token = await emulator.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER });
  const batch = async (requests: unknown[]): Promise<BatchAnswer> => {
    const response = await fetch(`${emulator.serviceRoot}/$batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ requests }),
    });
    return { status: response.status, body: (await response.json()) as BatchAnswer["body"] };
  };
  const statuses = (answer: BatchAnswer) => Object.fromEntries(answer.body.responses.map((response) => [response.id, response.status]));
  return { emulator, batch, statuses, tasks: () => emulator.emulator.snapshot().tasks };
}

describe("$batch", () => {
  it("refuses more than 20 requests as a whole, carrying out none", async () => {
    const { batch, tasks } = await start();
    const answer = await batch(Array.from({ length: 21 }, (_, index) => create(String(index + 1), `Task ${index + 1}`)));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain("maximum of 20");
    expect(tasks()).toHaveLength(0);
    expect((await batch(Array.from({ length: 20 }, (_, index) => create(String(index + 1), `Task ${index + 1}`)))).status).toBe(200);
    expect(tasks()).toHaveLength(20);
  });

  it("runs a request after the ones it depends on, whatever their order in the batch", async () => {
    const { batch, statuses } = await start();
    const answer = await batch([
      { id: "list", method: "GET", url: `/planner/buckets/${DEV_PLANNER_IDS.commitmentsBucketId}/tasks`, dependsOn: ["create"] },
      create("create", "Hire a head of partnerships"),
    ]);
    expect(statuses(answer)).toEqual({ list: 200, create: 201 });
    const listed = answer.body.responses.find(({ id }) => id === "list")?.body?.["value"] as Record<string, unknown>[];
    expect(listed.map((task) => task["title"])).toEqual(["Hire a head of partnerships"]);
  });

  it("answers 424 for a request whose dependency failed, without running it", async () => {
    const { batch, statuses, tasks } = await start();
    const answer = await batch([
      { ...create("bad", ""), body: { planId: DEV_PLANNER_IDS.planId, title: "" } },
      create("after", "Depends on the bad one", { dependsOn: ["bad"] }),
      create("chained", "Depends on the skipped one", { dependsOn: ["after"] }),
      create("free", "Depends on nothing"),
    ]);
    expect(answer.status).toBe(200);
    expect(statuses(answer)).toEqual({ bad: 400, after: 424, chained: 424, free: 201 });
    expect(tasks().map((task) => task["title"])).toEqual(["Depends on nothing"]);
  });

  it("throttles each request on its own: an inner 429 with Retry-After inside an outer 200", async () => {
    const { emulator, batch, statuses, tasks } = await start();
    emulator.emulator.faults.add({ kind: "throttle429", method: "POST", path: "/planner/tasks", times: 1, retryAfterSeconds: 4 });
    const answer = await batch([create("1", "First"), create("2", "Second")]);
    expect(answer.status).toBe(200);
    expect(statuses(answer)).toEqual({ "1": 429, "2": 201 });
    expect(answer.body.responses[0]?.headers["Retry-After"]).toBe("4");
    expect(tasks().map((task) => task["title"])).toEqual(["Second"]);
    expect(emulator.emulator.faults.history()).toEqual([expect.objectContaining({ kind: "throttle429", isInBatch: true })]);
  });

  it("carries out an inner request whose answer is lost, answering it 504", async () => {
    const { emulator, batch, statuses, tasks } = await start();
    emulator.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1 });
    emulator.emulator.faults.add({ kind: "timeout", method: "GET", times: 1 });
    const answer = await batch([create("lost", "Lost answer"), { id: "slow", method: "GET", url: "/me/planner/plans" }]);
    expect(statuses(answer)).toEqual({ lost: 504, slow: 504 });
    expect(tasks().map((task) => task["title"])).toEqual(["Lost answer"]);
  });

  it("refuses a batch naming an unknown dependency, a cycle, or a duplicate id", async () => {
    const { batch, tasks } = await start();
    expect((await batch([create("1", "A", { dependsOn: ["9"] })])).status).toBe(400);
    expect((await batch([create("1", "A", { dependsOn: ["2"] }), create("2", "B", { dependsOn: ["1"] })])).status).toBe(400);
    expect((await batch([create("1", "A"), create("1", "B")])).status).toBe(400);
    expect(tasks()).toHaveLength(0);
  });

  it("needs a Content-Type on an inner request with a body, and a relative URL", async () => {
    const { batch, statuses } = await start();
    const answer = await batch([
      { ...create("noType", "A"), headers: {} },
      { id: "absolute", method: "GET", url: "https://graph.microsoft.com/v1.0/me/planner/plans" },
    ]);
    expect(statuses(answer)).toEqual({ noType: 400, absolute: 400 });
  });
});

describe("routes", () => {
  it("answers 405 with Allow for a method a known path does not take, and 400 for an unknown segment", async () => {
    const { emulator } = await start();
    const token = await emulator.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER });
    const headers = { authorization: `Bearer ${token}` };
    const put = await fetch(`${emulator.serviceRoot}/planner/tasks/abc`, { method: "PUT", headers });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, PATCH, DELETE"]);
    expect((await fetch(`${emulator.serviceRoot}/planner/rosters`, { headers })).status).toBe(400);
    expect((await fetch(`${emulator.origin}/dev/graph/beta/me/planner/plans`, { headers })).status).toBe(400);
  });

  it("supports $select on reads and refuses query options it does not implement", async () => {
    const { emulator } = await start();
    const token = await emulator.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER });
    const headers = { authorization: `Bearer ${token}` };
    const selected = await fetch(`${emulator.serviceRoot}/planner/plans/${DEV_PLANNER_IDS.planId}/buckets?$select=name`, { headers });
    const buckets = ((await selected.json()) as { value: Record<string, unknown>[] }).value;
    expect(Object.keys(buckets[0] ?? {}).sort()).toEqual(["@odata.etag", "id", "name"]);
    expect((await fetch(`${emulator.serviceRoot}/planner/plans/${DEV_PLANNER_IDS.planId}/tasks?$filter=percentComplete eq 100`, { headers })).status).toBe(400);
  });
});
