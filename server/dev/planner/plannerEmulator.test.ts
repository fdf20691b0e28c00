import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startPlannerEmulator } from "./plannerEmulator.ts";
import type { RunningPlannerEmulator } from "./plannerEmulator.ts";
import type { PlannerEmulatorOptions } from "./plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "./seed.ts";

const TENANT = DEV_PLANNER_IDS.tenantId;
const AVERY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const BLAKE = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const OTHER_TENANT = "7e4a2d9c-1b3f-4a6e-8c52-9d1f0e3b2a02";
const ASSIGNMENT = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" };

type Json = Record<string, unknown>;

const running: RunningPlannerEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function start(options: Partial<PlannerEmulatorOptions> = {}): Promise<RunningPlannerEmulator> {
  const emulator = await startPlannerEmulator({ port: 0, ...options });
  running.push(emulator);
  return emulator;
}

/** Graph calls as one caller; answers with status, headers and parsed JSON (or null for 204). */
function graphAs(emulator: RunningPlannerEmulator, token: string) {
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${emulator.serviceRoot}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: (text === "" ? null : JSON.parse(text)) as Json };
  };
}

async function userGraph(emulator: RunningPlannerEmulator, userId = AVERY, tenantId: string = TENANT) {
  return graphAs(emulator, await emulator.issueToken({ kind: "delegated", tenantId, userId, displayName: `User ${userId.slice(0, 4)}` }));
}

const newTask = (title = "Publish the pricing decision") => ({
  planId: DEV_PLANNER_IDS.planId,
  bucketId: DEV_PLANNER_IDS.commitmentsBucketId,
  title,
  assignments: { [BLAKE]: ASSIGNMENT },
  dueDateTime: "2027-03-31T17:00:00Z",
});

describe("authentication", () => {
  it("answers 401 with Graph's error body to a request without a bearer token, and changes nothing", async () => {
    const emulator = await start();
    const response = await fetch(`${emulator.serviceRoot}/planner/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(newTask()),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string; innerError: Json } };
    expect(body.error.code).toBe("InvalidAuthenticationToken");
    expect(body.error.innerError["request-id"]).toBe(response.headers.get("request-id"));
    expect(emulator.emulator.snapshot().tasks).toEqual([]);
  });

  it("refuses a token that is not for Graph's audience", async () => {
    const emulator = await start();
    const graph = graphAs(emulator, "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjb25jb3JkIn0.c2ln");
    expect((await graph("GET", "/me/planner/plans")).status).toBe(401);
  });

  it("lets a read-only permission read but not write (403), whatever verifier is injected", async () => {
    const emulator = await start({
      verifier: { verify: () => Promise.resolve({ kind: "delegated", tenantId: TENANT, userId: AVERY, permissions: ["Tasks.Read"] }) },
    });
    const graph = graphAs(emulator, "opaque-token-the-injected-verifier-accepts");
    expect((await graph("GET", `/planner/plans/${DEV_PLANNER_IDS.planId}/tasks`)).status).toBe(200);
    const refused = await graph("POST", "/planner/tasks", newTask());
    expect(refused.status).toBe(403);
    expect(emulator.emulator.snapshot().tasks).toEqual([]);
  });

  it("answers /me only for a delegated token", async () => {
    const emulator = await start();
    const app = graphAs(emulator, await emulator.issueToken({ kind: "app", tenantId: TENANT, appId: "0c0c0c0c-1d1d-4e4e-8f8f-a0a0a0a0a0a0" }));
    expect((await app("GET", "/me/planner/plans")).status).toBe(400);
    expect((await app("GET", `/groups/${DEV_PLANNER_IDS.groupId}/planner/plans`)).status).toBe(200);
  });
});

describe("the development seed and group membership", () => {
  it("shows every user of the development tenant the plan Strategy 2027 with its two buckets", async () => {
    const emulator = await start();
    for (const userId of [AVERY, BLAKE]) {
      const graph = await userGraph(emulator, userId);
      const plans = await graph("GET", "/me/planner/plans");
      expect((plans.json["value"] as Json[]).map((plan) => plan["title"])).toEqual(["Strategy 2027"]);
    }
    const buckets = await (await userGraph(emulator))("GET", `/planner/plans/${DEV_PLANNER_IDS.planId}/buckets`);
    expect((buckets.json["value"] as Json[]).map((bucket) => bucket["name"])).toEqual(["Commitments", "Escalations"]);
  });

  it("keeps a plan from a user outside its group (403) and from another tenant (404)", async () => {
    const emulator = await start();
    const boardGroup = "a0b1c2d3-e4f5-4a6b-8c7d-8e9f0a1b2c3d";
    emulator.emulator.addGroup({ id: boardGroup, displayName: "Board", tenantId: TENANT, members: [BLAKE] });
    const blake = await userGraph(emulator, BLAKE);
    const plan = await blake("POST", "/planner/plans", { title: "Board plan", container: { containerId: boardGroup, type: "group" } });
    expect(plan.status).toBe(201);
    const planId = String(plan.json["id"]);

    const avery = await userGraph(emulator, AVERY);
    expect((await avery("GET", `/planner/plans/${planId}`)).status).toBe(403);
    expect((await avery("POST", "/planner/tasks", { planId, title: "Sneak in" })).status).toBe(403);
    expect((await avery("GET", "/me/planner/plans")).json["value"]).toHaveLength(1);
    const stranger = await userGraph(emulator, AVERY, OTHER_TENANT);
    expect((await stranger("GET", `/planner/plans/${planId}`)).status).toBe(404);
    expect((await stranger("GET", `/planner/plans/${DEV_PLANNER_IDS.planId}`)).status).toBe(404);
    expect(emulator.emulator.snapshot().tasks).toEqual([]);
  });
});

describe("tasks, details and ETags", () => {
  it("creates a task (201) whose details carry their own ETag", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const created = await graph("POST", "/planner/tasks", newTask());
    expect(created.status).toBe(201);
    expect(created.json["assignments"]).toEqual({
      [BLAKE]: { "@odata.type": "#microsoft.graph.plannerAssignment", assignedDateTime: expect.any(String), orderHint: expect.any(String), assignedBy: { user: { displayName: null, id: AVERY } } },
    });
    const details = await graph("GET", `/planner/tasks/${String(created.json["id"])}/details`);
    expect(details.status).toBe(200);
    expect(details.json["@odata.etag"]).toMatch(/^W\/"/);
    expect(details.json["@odata.etag"]).not.toBe(created.json["@odata.etag"]);
  });

  it("requires If-Match on PATCH and DELETE: missing 412, not an ETag of the resource 400, stale 412 — and changes nothing", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const url = `/planner/tasks/${String(task["id"])}`;
    const details = (await graph("GET", `${url}/details`)).json;

    expect((await graph("PATCH", url, { title: "Renamed" })).status).toBe(412);
    expect((await graph("PATCH", url, { title: "Renamed" }, { "if-match": "*" })).status).toBe(400);
    expect((await graph("PATCH", url, { title: "Renamed" }, { "if-match": String(details["@odata.etag"]) })).status).toBe(400);
    expect((await graph("DELETE", url)).status).toBe(412);
    expect((await graph("PATCH", `${url}/details`, { description: "x" }, { "if-match": String(task["@odata.etag"]) })).status).toBe(400);

    const patched = await graph("PATCH", url, { title: "Renamed" }, { "if-match": String(task["@odata.etag"]) });
    expect(patched.status).toBe(204);
    expect(patched.json).toBeNull();
    const stale = await graph("PATCH", url, { title: "Lost update" }, { "if-match": String(task["@odata.etag"]) });
    expect(stale.status).toBe(412);
    const current = (await graph("GET", url)).json;
    expect(current["title"]).toBe("Renamed");
    expect(current["@odata.etag"]).not.toBe(task["@odata.etag"]);
  });

  it("deletes a task and its details with the task's current ETag", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const url = `/planner/tasks/${String(task["id"])}`;
    expect((await graph("DELETE", url, undefined, { "if-match": String(task["@odata.etag"]) })).status).toBe(204);
    expect((await graph("GET", url)).status).toBe(404);
    expect((await graph("GET", `${url}/details`)).status).toBe(404);
    expect(emulator.emulator.snapshot().details).toEqual([]);
  });

  it("returns the new representation and ETag with Prefer: return=representation", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const patched = await graph("PATCH", `/planner/tasks/${String(task["id"])}`, { percentComplete: 100 }, {
      "if-match": String(task["@odata.etag"]),
      prefer: "return=representation",
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ percentComplete: 100, completedBy: { user: { id: AVERY } }, completedDateTime: expect.any(String) });
    expect(patched.json["@odata.etag"]).toBe((await graph("GET", `/planner/tasks/${String(task["id"])}`)).json["@odata.etag"]);
  });

  it("changes the task's ETag too when its details change, and derives hasDescription and referenceCount", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const url = `/planner/tasks/${String(task["id"])}`;
    const details = (await graph("GET", `${url}/details`)).json;
    const reference = { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: "Decision", type: "Other", previewPriority: " !" };
    const patched = await graph(
      "PATCH",
      `${url}/details`,
      { description: "Why: margin target.", references: { "https%3A//concord%2Eexample/d/7": reference } },
      { "if-match": String(details["@odata.etag"]) },
    );
    expect(patched.status).toBe(204);

    const after = (await graph("GET", url)).json;
    expect(after).toMatchObject({ hasDescription: true, referenceCount: 1 });
    expect(after["@odata.etag"]).not.toBe(task["@odata.etag"]);
    expect((await graph("PATCH", url, { title: "x" }, { "if-match": String(task["@odata.etag"]) })).status).toBe(412);

    const removed = await graph("PATCH", `${url}/details`, { references: { "https%3A//concord%2Eexample/d/7": null } }, {
      "if-match": String((await graph("GET", `${url}/details`)).json["@odata.etag"]),
      prefer: "return=representation",
    });
    expect(removed.json["references"]).toEqual({});
  });

  it("refuses reference keys that are not encoded URLs, and open-type values without @odata.type", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const url = `/planner/tasks/${String(task["id"])}/details`;
    const etag = String((await graph("GET", url)).json["@odata.etag"]);
    const reference = { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: "Decision" };

    const raw = await graph("PATCH", url, { references: { "https://concord.example/d/7": reference } }, { "if-match": etag });
    expect(raw.status).toBe(400);
    expect((raw.json["error"] as Json)["message"]).toContain("encode");
    const untyped = await graph("PATCH", url, { references: { "https%3A//concord%2Eexample/d/7": { alias: "Decision" } } }, { "if-match": etag });
    expect(untyped.status).toBe(400);
    expect((untyped.json["error"] as Json)["message"]).toContain("@odata.type");
    const unassigned = await graph("POST", "/planner/tasks", { ...newTask(), assignments: { [BLAKE]: { orderHint: " !" } } });
    expect(unassigned.status).toBe(400);
    expect((await graph("GET", url)).json["@odata.etag"]).toBe(etag);
  });

  it("names a misspelled property in a 400 and creates nothing", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const { title, ...rest } = newTask();
    const response = await graph("POST", "/planner/tasks", { ...rest, titel: title });
    expect(response.status).toBe(400);
    expect((response.json["error"] as Json)["message"]).toContain("'titel' does not exist on type 'microsoft.graph.plannerTask'");
    expect(emulator.emulator.snapshot().tasks).toEqual([]);
  });

  it("takes only composed order hints and issues short ones that keep the intended order", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const first = (await graph("POST", "/planner/buckets", { name: "Later", planId: DEV_PLANNER_IDS.planId, orderHint: " !" })).json;
    const hints = ((await graph("GET", `/planner/plans/${DEV_PLANNER_IDS.planId}/buckets`)).json["value"] as Json[]).map((bucket) => String(bucket["orderHint"]));
    const last = hints.reduce((left, right) => (left > right ? left : right));
    const after = (await graph("POST", "/planner/buckets", { name: "Last", planId: DEV_PLANNER_IDS.planId, orderHint: `${last} !` })).json;
    expect(String(after["orderHint"]) > last).toBe(true);
    expect(String(after["orderHint"])).not.toContain("!");
    const sentBack = await graph("POST", "/planner/buckets", { name: "Bad", planId: DEV_PLANNER_IDS.planId, orderHint: String(first["orderHint"]) });
    expect(sentBack.status).toBe(400);
  });

  it("answers 403 with Planner's limit codes when a configured limit is reached", async () => {
    const emulator = await start({ limits: { tasksPerPlan: 1, referencesPerTask: 1 } });
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const second = await graph("POST", "/planner/tasks", newTask("One too many"));
    expect(second.status).toBe(403);
    expect((second.json["error"] as Json)["code"]).toBe("MaximumTasksInProject");

    const url = `/planner/tasks/${String(task["id"])}/details`;
    const reference = { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: "A" };
    const tooMany = await graph("PATCH", url, { references: { "https%3A//a%2Eexample/1": reference, "https%3A//a%2Eexample/2": reference } }, {
      "if-match": String((await graph("GET", url)).json["@odata.etag"]),
    });
    expect(tooMany.status).toBe(403);
    expect((tooMany.json["error"] as Json)["code"]).toBe("MaximumReferencesOnTask");
    expect(emulator.emulator.snapshot().tasks).toHaveLength(1);
  });
});

describe("the control API", () => {
  it("sets percentComplete as the owner would in Planner, through the same ETag rules", async () => {
    const emulator = await start();
    const graph = await userGraph(emulator);
    const task = (await graph("POST", "/planner/tasks", newTask())).json;
    const response = await fetch(`${emulator.controlUrl}/tasks/${String(task["id"])}/percent-complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ percentComplete: 100 }),
    });
    expect(response.status).toBe(200);
    const after = (await graph("GET", `/planner/tasks/${String(task["id"])}`)).json;
    expect(after).toMatchObject({ percentComplete: 100, completedBy: { user: { id: BLAKE } } });
    expect(after["@odata.etag"]).not.toBe(task["@odata.etag"]);

    const invalid = await fetch(`${emulator.controlUrl}/tasks/${String(task["id"])}/percent-complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ percentComplete: 150 }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("percentComplete");
  });
});

describe("persistence", () => {
  it("keeps tasks and never reissues an ETag across a restart from the same file", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "concord-planner-"));
    const file = path.join(directory, "planner-emulator.json");
    try {
      const before = await start({ file });
      const graph = await userGraph(before);
      const task = (await graph("POST", "/planner/tasks", newTask())).json;
      await before.close();
      running.splice(running.indexOf(before), 1);

      const after = await start({ file });
      const again = await userGraph(after);
      const read = await again("GET", `/planner/tasks/${String(task["id"])}`);
      expect(read.json["@odata.etag"]).toBe(task["@odata.etag"]);
      const patched = await again("PATCH", `/planner/tasks/${String(task["id"])}`, { title: "After restart" }, {
        "if-match": String(task["@odata.etag"]),
        prefer: "return=representation",
      });
      const etags = [task, read.json].map((json) => json["@odata.etag"]);
      expect(etags).not.toContain(patched.json["@odata.etag"]);
      expect(after.emulator.snapshot().tasks).toHaveLength(1);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
