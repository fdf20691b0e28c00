import { BatchRequestContent, BatchResponseContent, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import type { BatchResponseBody, Context, GraphError, Middleware } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import type { RunningPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";

const USER = "9d2c7c1e-4b5a-4f6e-8a7b-1c2d3e4f5a60";
const ASSIGNMENT = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" };

/**
 * Puts the bearer token on every request. The client's own AuthenticationHandler sends the token
 * only to https:// URLs of Graph hosts (or `customHosts`) and strips it from anything else, so
 * against the emulator at http://127.0.0.1 it would send no token at all; a chain that starts with
 * this handler instead attaches it for the one base URL the client is built for.
 */
class BearerHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = options.headers instanceof Headers ? Object.fromEntries(options.headers) : { ...(options.headers as Record<string, string> | undefined) };
    options.headers = { ...headers, Authorization: `Bearer ${await this.token()}` };
    if (!this.next) throw new Error("BearerHandler must not be the last middleware");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

let running: RunningPlannerEmulator;
let client: Client;

beforeAll(async () => {
  running = await startPlannerEmulator({ port: 0 });
  const token = await running.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER, displayName: "Avery Chen" });
  const bearer = new BearerHandler(() => Promise.resolve(token));
  // the client's retry policy, but quick: Retry-After still wins when the answer carries one
  const retry = new RetryHandler(new RetryHandlerOptions(0, 3));
  const http = new HTTPMessageHandler();
  bearer.setNext(retry);
  retry.setNext(http);
  client = Client.initWithMiddleware({ middleware: bearer, baseUrl: running.graphBaseUrl, defaultVersion: "v1.0" });
});

afterAll(async () => {
  await running.close();
});

/** A batch step: the client keeps only the path of the request's URL, so the host here is never contacted. */
function batchStep(id: string, method: string, path: string, body?: unknown, dependsOn?: string[]) {
  const request = new Request(`https://graph.microsoft.com${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { id, request, ...(dependsOn ? { dependsOn } : {}) };
}

describe("the Microsoft Graph JavaScript client against the emulator", () => {
  it("gets no token through with its default chain at an http:// base URL (why Concord builds its own chain)", async () => {
    const defaultClient = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => running.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER }) },
      baseUrl: running.graphBaseUrl,
    });
    await expect(defaultClient.api("/me/planner/plans").get()).rejects.toMatchObject({ statusCode: 401 });
  });

  it("lists plans, creates a task, and patches its details with their own ETag", async () => {
    const plans = (await client.api("/me/planner/plans").get()) as { value: { id: string }[] };
    expect(plans.value.map((plan) => plan.id)).toEqual([DEV_PLANNER_IDS.planId]);

    const task = (await client.api("/planner/tasks").post({
      planId: DEV_PLANNER_IDS.planId,
      bucketId: DEV_PLANNER_IDS.commitmentsBucketId,
      title: "Publish the 2027 pricing decision",
      assignments: { [USER]: ASSIGNMENT },
      dueDateTime: "2027-03-31T17:00:00Z",
    })) as Record<string, string>;
    const details = (await client.api(`/planner/tasks/${task["id"]}/details`).get()) as Record<string, string>;
    const patched = (await client
      .api(`/planner/tasks/${task["id"]}/details`)
      .header("If-Match", details["@odata.etag"]!)
      .header("Prefer", "return=representation")
      .patch({
        description: "Tiered pricing, for the margin target.",
        references: { "https%3A//concord%2Eexample/decisions/42": { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: "Decision 42", type: "Other" } },
      })) as Record<string, unknown>;
    expect(patched["description"]).toBe("Tiered pricing, for the margin target.");
    expect(patched["@odata.etag"]).not.toBe(details["@odata.etag"]);

    const error = (await client.api(`/planner/tasks/${task["id"]}`).patch({ title: "No If-Match" }).catch((caught: unknown) => caught)) as GraphError;
    expect([error.statusCode, error.message]).toEqual([412, "The If-Match header must be specified for this kind of request."]);
  });

  it("retries a throttled POST after Retry-After, creating the task once", async () => {
    running.emulator.faults.add({ kind: "throttle429", method: "POST", path: "/planner/tasks", times: 1, retryAfterSeconds: 0 });
    const before = running.emulator.snapshot().tasks.length;
    const task = (await client.api("/planner/tasks").post({ planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, title: "Throttled once" })) as Record<string, string>;
    expect(task["title"]).toBe("Throttled once");
    expect(running.emulator.snapshot().tasks.length).toBe(before + 1);
    expect(running.emulator.faults.history().at(-1)).toMatchObject({ kind: "throttle429", isInBatch: false });
  });

  it("retries a POST whose 504 hid a creation — the duplicate PLANNER-NOTES warns of", async () => {
    running.emulator.faults.add({ kind: "createdButResponseLost", method: "POST", path: "/planner/tasks", times: 1, lostAs: "gatewayTimeout" });
    await client.api("/planner/tasks").post({ planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.escalationsBucketId, title: "Blindly retried" });
    const titles = running.emulator.snapshot().tasks.map((task) => task["title"]);
    expect(titles.filter((title) => title === "Blindly retried")).toHaveLength(2);
  });

  it("sends a $batch with dependsOn and reads an inner 429 the retry middleware never saw", async () => {
    running.emulator.faults.add({ kind: "throttle429", method: "GET", path: "/planner/buckets/*/tasks", times: 1, retryAfterSeconds: 5 });
    const content = new BatchRequestContent([
      batchStep("create", "POST", "/planner/tasks", { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, title: "Batched" }),
      batchStep("read", "GET", `/planner/buckets/${DEV_PLANNER_IDS.commitmentsBucketId}/tasks`, undefined, ["create"]),
    ]);
    const answer = new BatchResponseContent((await client.api("/$batch").post(await content.getContent())) as BatchResponseBody);
    expect(answer.getResponseById("create").status).toBe(201);
    const throttled = answer.getResponseById("read");
    expect([throttled.status, throttled.headers.get("Retry-After")]).toEqual([429, "5"]);
  });
});
