import type { GraphCaller } from "./graphAuth.ts";
import { GraphError, badRequest, graphErrorBody } from "./graphErrors.ts";
import type { RequestIds } from "./graphErrors.ts";
import type { FaultInjector } from "./faults.ts";
import type { PlannerStore } from "./plannerStore.ts";
import { bucketJson, detailsJson, odataContext, planJson, taskJson } from "./representations.ts";
import type { GraphJson } from "./representations.ts";
import {
  BatchSchema,
  CreateBucketSchema,
  CreatePlanSchema,
  CreateTaskSchema,
  MAX_BATCH_REQUESTS,
  PatchTaskDetailsSchema,
  PatchTaskSchema,
  parseGraphBody,
} from "./requestSchemas.ts";
import type { BatchStep } from "./requestSchemas.ts";

/** One Graph request, direct or inside a `$batch`, after authentication. */
export interface GraphRequest {
  method: string;
  /** Decoded path segments after `/v1.0`, e.g. `["planner", "tasks", "<id>"]`. */
  segments: string[];
  query: URLSearchParams;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
  caller: GraphCaller;
  isInBatch: boolean;
}

/** What the emulator answers; a body is JSON, absent for 204. */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Turns a request into its answer; throws GraphError for the failures Graph would answer with. */
export interface GraphApi {
  handle(request: GraphRequest, serviceRoot: string): Promise<GraphResponse>;
}

export interface GraphApiOptions {
  store: PlannerStore;
  faults: FaultInjector;
  now: () => number;
  newRequestIds: (clientRequestId: string | undefined) => RequestIds;
  /** Waits `ms` (latency faults inside a batch). */
  sleep: (ms: number) => Promise<void>;
}

const TASK_TYPES = {
  body: "plannerTask",
  nested: { assignments: "plannerAssignment" },
  readOnly: ["id", "createdDateTime", "createdBy", "completedDateTime", "completedBy", "hasDescription", "referenceCount", "checklistItemCount", "activeChecklistItemCount"],
  navigation: ["details", "assignedToTaskBoardFormat", "bucketTaskBoardFormat", "progressTaskBoardFormat"],
};
const DETAILS_TYPES = {
  body: "plannerTaskDetails",
  nested: { references: "plannerExternalReference", checklist: "plannerChecklistItem" },
  readOnly: ["id"],
};

/**
 * The Planner endpoints Concord uses (see PLANNER-NOTES "Endpoints we use"), plus `GET` of a bucket
 * and its tasks for reconciliation, and `$batch`. Query options other than `$select` on a GET are
 * refused with a 400, so an adapter cannot come to rely on something the emulator ignores.
 */
export function createGraphApi(options: GraphApiOptions): GraphApi {
  const { store, faults } = options;

  const ok = (body: GraphJson, status = 200): GraphResponse => ({ status, headers: { "Content-Type": "application/json" }, body });
  const noContent = (): GraphResponse => ({ status: 204, headers: {} });
  const collection = (serviceRoot: string, path: string, values: GraphJson[]) =>
    ok({ "@odata.context": odataContext.collection(serviceRoot, path), value: values });
  const wantsRepresentation = (request: GraphRequest) => /\breturn=representation\b/i.test(request.headers["prefer"] ?? "");
  const taskOut = (taskId: string) => {
    const details = store.detailsOf(taskId);
    return (task: Parameters<typeof taskJson>[0]) => taskJson(task, details);
  };
  const plan = (serviceRoot: string) => (record: Parameters<typeof planJson>[0]) => planJson(record, store.groupOfPlan(record.id), serviceRoot);

  async function handle(request: GraphRequest, serviceRoot: string): Promise<GraphResponse> {
    const { caller, segments } = request;
    const method = request.method;
    checkQuery(request);
    const [first, second, third, fourth, fifth] = segments;
    const shape = segments.map((segment, index) => (isParameter(segments, index) ? "{id}" : segment)).join("/");
    const route = `${method} ${shape}`;

    switch (route) {
      case "POST $batch":
        if (request.isInBatch) throw badRequest("A batch cannot contain another batch.");
        return runBatch(request, serviceRoot);

      case "GET me/planner/plans":
        if (caller.kind !== "delegated") throw badRequest("/me request is only valid with delegated authentication flow.");
        return collection(serviceRoot, `users('${caller.userId}')/planner/plans`, select(request, store.plansOfMe(caller).map(plan(serviceRoot))));
      case "GET groups/{id}/planner/plans":
        return collection(serviceRoot, `groups('${second}')/planner/plans`, select(request, store.plansOfGroup(caller, second ?? "").map(plan(serviceRoot))));

      case "POST planner/plans": {
        const created = store.createPlan(caller, parseGraphBody(CreatePlanSchema, request.body, { body: "plannerPlan", nested: { container: "plannerPlanContainer" }, readOnly: ["id", "createdBy", "createdDateTime"] }));
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "plans"), ...plan(serviceRoot)(created) }, 201);
      }
      case "GET planner/plans/{id}":
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "plans"), ...selectOne(request, plan(serviceRoot)(store.plan(caller, third ?? ""))) });
      case "GET planner/plans/{id}/tasks":
        return collection(
          serviceRoot,
          `planner/plans('${third}')/tasks`,
          select(request, store.tasksOfPlan(caller, third ?? "").map((task) => taskOut(task.id)(task))),
        );
      case "GET planner/plans/{id}/buckets":
        return collection(serviceRoot, `planner/plans('${third}')/buckets`, select(request, store.bucketsOfPlan(caller, third ?? "").map(bucketJson)));

      case "POST planner/buckets": {
        const created = store.createBucket(caller, parseGraphBody(CreateBucketSchema, request.body, { body: "plannerBucket", readOnly: ["id"] }));
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "buckets"), ...bucketJson(created) }, 201);
      }
      case "GET planner/buckets/{id}":
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "buckets"), ...selectOne(request, bucketJson(store.bucket(caller, third ?? ""))) });
      case "GET planner/buckets/{id}/tasks":
        return collection(
          serviceRoot,
          `planner/buckets('${third}')/tasks`,
          select(request, store.tasksOfBucket(caller, third ?? "").map((task) => taskOut(task.id)(task))),
        );

      case "POST planner/tasks": {
        const input = parseGraphBody(CreateTaskSchema, request.body, TASK_TYPES);
        const created = store.createTask(caller, input, () =>
          faults.detailsDelayForNewTask({ method, path: `/${segments.join("/")}`, isInBatch: request.isInBatch }),
        );
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "tasks"), ...taskOut(created.id)(created) }, 201);
      }
      case "GET planner/tasks/{id}":
        return ok({ "@odata.context": odataContext.entity(serviceRoot, "tasks"), ...selectOne(request, taskOut(third ?? "")(store.task(caller, third ?? ""))) });
      case "PATCH planner/tasks/{id}": {
        const input = parseGraphBody(PatchTaskSchema, request.body, { ...TASK_TYPES, readOnly: [...TASK_TYPES.readOnly, "planId"] });
        const task = store.patchTask(caller, third ?? "", request.headers["if-match"], input);
        return wantsRepresentation(request) ? ok({ "@odata.context": odataContext.entity(serviceRoot, "tasks"), ...taskOut(task.id)(task) }) : noContent();
      }
      case "DELETE planner/tasks/{id}":
        store.deleteTask(caller, third ?? "", request.headers["if-match"]);
        return noContent();
      case "GET planner/tasks/{id}/details": {
        const details = store.details(caller, third ?? "");
        return ok({ "@odata.context": odataContext.details(serviceRoot, details.id), ...selectOne(request, detailsJson(details, store.task(caller, details.id))) });
      }
      case "PATCH planner/tasks/{id}/details": {
        const input = parseGraphBody(PatchTaskDetailsSchema, request.body, DETAILS_TYPES);
        const { task, details } = store.patchDetails(caller, third ?? "", request.headers["if-match"], input);
        return wantsRepresentation(request) ? ok({ "@odata.context": odataContext.details(serviceRoot, details.id), ...detailsJson(details, task) }) : noContent();
      }
    }
    if (KNOWN_SHAPES.has(shape)) {
      return { ...errorOf(new GraphError(405, "MethodNotAllowed", `${method} is not supported on /${segments.join("/")}.`)), headers: { Allow: allowedMethods(shape) } };
    }
    const unknown = [first, second, third, fourth, fifth].find((segment) => segment !== undefined) ?? "";
    throw badRequest(`Resource not found for the segment '${unknown}'.`);
  }

  function errorOf(error: GraphError): GraphResponse {
    return {
      status: error.status,
      headers: { "Content-Type": "application/json", ...error.headers },
      body: graphErrorBody(error, options.newRequestIds(undefined), options.now()),
    };
  }

  /**
   * `$batch`: at most 20 requests; `dependsOn` orders them, and a request whose dependency failed
   * answers 424 without running. Each request meets the fault rules on its own, so a throttled one is
   * an inner 429 inside the outer 200 — which the Graph client's retry middleware never sees.
   */
  async function runBatch(request: GraphRequest, serviceRoot: string): Promise<GraphResponse> {
    const steps = request.body as { requests?: unknown } | undefined;
    if (Array.isArray(steps?.requests) && steps.requests.length > MAX_BATCH_REQUESTS) {
      throw badRequest(`Invalid value for property 'requests': exceeds the maximum of ${MAX_BATCH_REQUESTS} requests in one batch.`);
    }
    const batch = parseGraphBody(BatchSchema, request.body, { body: "batchRequestContent" });
    const order = executionOrder(batch.requests);
    const outcomes = new Map<string, GraphResponse>();
    for (const step of order) {
      const failedDependency = (step.dependsOn ?? []).find((id) => {
        const status = outcomes.get(id)?.status ?? 0;
        return status < 200 || status >= 300;
      });
      outcomes.set(
        step.id,
        failedDependency === undefined
          ? await runStep(step, request.caller, serviceRoot)
          : errorOf(new GraphError(424, "FailedDependency", `Request ${step.id} was not run: request ${failedDependency}, which it depends on, failed.`)),
      );
    }
    return ok({
      responses: batch.requests.map((step) => {
        const outcome = outcomes.get(step.id) ?? errorOf(new GraphError(500, "UnknownError", "The request was not run."));
        return { id: step.id, status: outcome.status, headers: outcome.headers, ...(outcome.body === undefined ? {} : { body: outcome.body }) };
      }),
    });
  }

  async function runStep(step: BatchStep, caller: GraphCaller, serviceRoot: string): Promise<GraphResponse> {
    const headers = Object.fromEntries(Object.entries(step.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    try {
      if (/^[a-z][a-z0-9+.-]*:/i.test(step.url)) throw badRequest(`Request ${step.id}: the url must be relative to the service root, e.g. /planner/tasks.`);
      if (step.body !== undefined && headers["content-type"] === undefined) {
        throw badRequest(`Request ${step.id}: a request with a body must name its Content-Type header.`);
      }
      const url = new URL(step.url.replace(/^\/?/, "/"), "http://batch.invalid");
      const segments = pathSegments(url.pathname);
      const decision = faults.decide({ method: step.method, path: `/${segments.join("/")}`, isInBatch: true });
      if (decision.latencyMs > 0) await options.sleep(decision.latencyMs);
      const fault = decision.fault;
      if (fault) {
        if (fault.kind === "throttle429") return errorOf(throttled(fault.retryAfterSeconds));
        if (fault.kind === "unavailable503") return errorOf(unavailable(fault.retryAfterSeconds));
        if (fault.kind === "gatewayTimeout504" || fault.kind === "timeout") return errorOf(gatewayTimeout());
      }
      const inner: GraphRequest = { method: step.method, segments, query: url.searchParams, headers, body: step.body, caller, isInBatch: true };
      const response = await handle(inner, serviceRoot).catch((error: unknown) => {
        if (error instanceof GraphError) return errorOf(error);
        throw error;
      });
      // carried out, but the gateway lost the answer: inside a batch that is a 504 for this request
      return fault?.kind === "createdButResponseLost" ? errorOf(gatewayTimeout()) : response;
    } catch (error) {
      if (error instanceof GraphError) return errorOf(error);
      throw error;
    }
  }

  return { handle };
}

/** 429 with `Retry-After`, as Graph throttles. */
export function throttled(retryAfterSeconds: number): GraphError {
  return new GraphError(429, "TooManyRequests", "Too many requests. Retry after the number of seconds in Retry-After.", {
    "Retry-After": String(retryAfterSeconds),
  });
}

/** 503, with `Retry-After` when given. */
export function unavailable(retryAfterSeconds: number | undefined): GraphError {
  return new GraphError(
    503,
    "ServiceUnavailable",
    "The service is temporarily unavailable.",
    retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) },
  );
}

/** 504: the gateway gave up waiting; whether the request was carried out is unknown to the caller. */
export function gatewayTimeout(): GraphError {
  return new GraphError(504, "GatewayTimeout", "The gateway did not receive a timely response; the request may or may not have been carried out.");
}

/** Decoded path segments of `/a/b/c`; a malformed escape is a 400. */
export function pathSegments(pathname: string): string[] {
  try {
    return pathname
      .split("/")
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    throw badRequest("The request URL is not correctly percent-encoded.");
  }
}

const KNOWN_SHAPES = new Map<string, string[]>([
  ["$batch", ["POST"]],
  ["me/planner/plans", ["GET"]],
  ["groups/{id}/planner/plans", ["GET"]],
  ["planner/plans", ["POST"]],
  ["planner/plans/{id}", ["GET"]],
  ["planner/plans/{id}/tasks", ["GET"]],
  ["planner/plans/{id}/buckets", ["GET"]],
  ["planner/buckets", ["POST"]],
  ["planner/buckets/{id}", ["GET"]],
  ["planner/buckets/{id}/tasks", ["GET"]],
  ["planner/tasks", ["POST"]],
  ["planner/tasks/{id}", ["GET", "PATCH", "DELETE"]],
  ["planner/tasks/{id}/details", ["GET", "PATCH"]],
]);

function allowedMethods(shape: string): string {
  return (KNOWN_SHAPES.get(shape) ?? []).join(", ");
}

// which segments are ids: the one after groups/ and the one after planner/<collection>/
function isParameter(segments: readonly string[], index: number): boolean {
  if (index === 1 && segments[0] === "groups") return true;
  return index === 2 && segments[0] === "planner" && ["plans", "buckets", "tasks"].includes(segments[1] ?? "");
}

function checkQuery(request: GraphRequest): void {
  for (const name of request.query.keys()) {
    if (!name.startsWith("$")) continue;
    if (name === "$select" && request.method === "GET") continue;
    throw badRequest(`Query option '${name}' is not supported by the Planner emulator${name === "$select" ? " except on GET" : ""}.`);
  }
}

/** `$select=a,b`: each entity keeps the named properties, its id and its annotations; an unknown name is a 400. */
function select(request: GraphRequest, values: GraphJson[]): GraphJson[] {
  const names = request.query.get("$select");
  if (names === null) return values;
  const wanted = names.split(",").map((name) => name.trim()).filter(Boolean);
  return values.map((value) => {
    for (const name of wanted) if (!(name in value)) throw badRequest(`Could not find a property named '${name}' on the requested type.`);
    return Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith("@odata.") || key === "id" || wanted.includes(key)));
  });
}

function selectOne(request: GraphRequest, value: GraphJson): GraphJson {
  return select(request, [value])[0] ?? value;
}

/**
 * The order the batch runs in: the given order, except that a request waits for what it depends on.
 * An unknown or duplicate id, or a cycle, is a 400 for the whole batch, as in Graph.
 */
function executionOrder(steps: readonly BatchStep[]): BatchStep[] {
  const byId = new Map<string, BatchStep>();
  for (const step of steps) {
    if (byId.has(step.id)) throw badRequest(`Invalid value for property 'requests': the id '${step.id}' is used more than once.`);
    byId.set(step.id, step);
  }
  for (const step of steps) {
    for (const dependency of step.dependsOn ?? []) {
      if (!byId.has(dependency) || dependency === step.id) {
        throw badRequest(`Invalid value for property 'requests': request ${step.id} depends on '${dependency}', which is not another request in this batch.`);
      }
    }
  }
  const ordered: BatchStep[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (step: BatchStep) => {
    if (state.get(step.id) === "done") return;
    if (state.get(step.id) === "visiting") throw badRequest(`Invalid value for property 'requests': the dependsOn of request ${step.id} form a cycle.`);
    state.set(step.id, "visiting");
    for (const dependency of step.dependsOn ?? []) visit(byId.get(dependency)!);
    state.set(step.id, "done");
    ordered.push(step);
  };
  for (const step of steps) visit(step);
  return ordered;
}
