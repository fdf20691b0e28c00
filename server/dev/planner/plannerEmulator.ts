import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import type { NextFunction, Request, Response, Router } from "express";
import { z } from "zod";
import type { ErrorBody } from "../../../src/protocol/rest.ts";
import { describeIssues, summarizeIssues } from "../../../src/protocol/zodErrors.ts";
import type { Logger } from "../../logger.ts";
import { silentLogger } from "../../logger.ts";
import { createDevIdentityProvider } from "../identityProvider.ts";
import type { DevGraphTokenRequest } from "../identityProvider.ts";
import { createFaultInjector, DEFAULT_FAULT_SEED, FaultRuleSchema, FaultSetSchema } from "./faults.ts";
import type { FaultInjector } from "./faults.ts";
import { createGraphApi, gatewayTimeout, pathSegments, throttled, unavailable } from "./graphApi.ts";
import type { GraphResponse } from "./graphApi.ts";
import { createGraphTokenVerifier, invalidToken } from "./graphAuth.ts";
import type { GraphCaller, GraphTokenVerifier } from "./graphAuth.ts";
import { GraphError, badRequest, graphErrorBody } from "./graphErrors.ts";
import type { RequestIds } from "./graphErrors.ts";
import { renderPlannerPage } from "./plannerPage.ts";
import { createPlannerStore, DEFAULT_PLANNER_LIMITS } from "./plannerStore.ts";
import type { GroupRecord, PlannerData, PlannerLimits, PlannerStore } from "./plannerStore.ts";
import { bucketJson, detailsJson, planJson, taskJson } from "./representations.ts";
import type { GraphJson } from "./representations.ts";
import { devPlannerSeed, seededPlannerData } from "./seed.ts";
import type { PlannerSeed } from "./seed.ts";

/** Largest Graph request body the emulator reads (a full `$batch` of task details fits easily). */
const MAX_GRAPH_BODY = "4mb";
/** The Graph version the emulator serves. */
export const GRAPH_VERSION = "v1.0";

export interface PlannerEmulatorOptions {
  /** Verifies `Authorization: Bearer` tokens (Graph audience); see {@link createGraphTokenVerifier}. */
  verifier: GraphTokenVerifier;
  /** Where state is kept across restarts (JSON); none keeps it in memory only. */
  file?: string;
  /** What a fresh emulator holds, and what reset returns to; defaults to the development seed. */
  seed?: PlannerSeed;
  limits?: Partial<PlannerLimits>;
  /** Seed of the fault generator, so a fault run can be replayed. */
  faultSeed?: number;
  /** Current time in ms since the epoch; injectable so tests step through "details 404 after create". */
  now?: () => number;
  logger?: Logger;
}

/** A snapshot of everything the emulator holds, in Graph's shapes (without `@odata.context`). */
export interface PlannerSnapshot {
  groups: GroupRecord[];
  plans: GraphJson[];
  buckets: GraphJson[];
  tasks: GraphJson[];
  details: GraphJson[];
}

/**
 * The Planner emulator: a faithful subset of Microsoft Graph v1.0 Planner for development and
 * tests (never production). Mount {@link PlannerEmulator.router} at `/dev`; it serves
 * - `/dev/graph/v1.0/...`: Graph itself — the Graph client's `baseUrl` is `<origin>/dev/graph`;
 * - `/dev/graph-control/...`: the test-and-development control API (faults, state, reset, groups,
 *   and setting a task's progress as an owner in Planner would);
 * - `/dev/planner/`: the read-only page.
 * Faults apply only to `/dev/graph`.
 */
export interface PlannerEmulator {
  router: Router;
  faults: FaultInjector;
  store: PlannerStore;
  snapshot(): PlannerSnapshot;
  /** Sets a task's percentComplete through the same PATCH rules a Planner user's change goes through (new ETag). */
  setPercentComplete(taskId: string, percentComplete: number, userId?: string): GraphJson;
  addGroup(group: GroupRecord): void;
  /** Back to the seed; fault rules are kept. */
  reset(): void;
  /** Ends requests held open by `timeout` faults. */
  releaseHeldRequests(): void;
}

/** Creates the emulator, reading state from `options.file` when it holds some. */
export function createPlannerEmulator(options: PlannerEmulatorOptions): PlannerEmulator {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const seed = options.seed ?? devPlannerSeed();
  const limits = { ...DEFAULT_PLANNER_LIMITS, ...options.limits };
  const faults = createFaultInjector(options.faultSeed ?? DEFAULT_FAULT_SEED);
  const data = readStateFile(options.file, logger) ?? seededPlannerData(seed, now());
  const persist = (snapshot: PlannerData) => writeStateFile(options.file, snapshot, logger);
  const store = createPlannerStore({ data, limits, now, newId: () => randomBytes(21).toString("base64url"), onChange: persist });
  persist(data);
  const newRequestIds = (clientRequestId: string | undefined): RequestIds => {
    const requestId = randomUUID();
    return { requestId, clientRequestId: clientRequestId ?? requestId };
  };
  const api = createGraphApi({ store, faults, now, newRequestIds, sleep });
  const heldResponses = new Set<Response>();

  const graphRouter = express.Router();
  graphRouter.use(express.raw({ type: () => true, limit: MAX_GRAPH_BODY }));
  graphRouter.use(async (request: Request, response: Response) => {
    const ids = newRequestIds(request.get("client-request-id"));
    response.setHeader("request-id", ids.requestId);
    response.setHeader("client-request-id", ids.clientRequestId);
    const sendError = (error: GraphError) => send(response, { status: error.status, headers: { ...error.headers }, body: graphErrorBody(error, ids, now()) });
    try {
      const { pathname, searchParams } = new URL(request.originalUrl, "http://emulator.invalid");
      const [version, ...segments] = pathSegments(pathname.slice(request.baseUrl.length));
      if (version !== GRAPH_VERSION) throw badRequest(`Invalid version: the Planner emulator serves ${GRAPH_VERSION} only.`);
      const caller = await authenticate(options.verifier, request.get("authorization"));
      store.noteCaller(caller);

      const method = request.method.toUpperCase();
      const decision = faults.decide({ method, path: `/${segments.join("/")}`, isInBatch: false });
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      const fault = decision.fault;
      if (fault?.kind === "throttle429") throw throttled(fault.retryAfterSeconds);
      if (fault?.kind === "unavailable503") throw unavailable(fault.retryAfterSeconds);
      if (fault?.kind === "gatewayTimeout504") throw gatewayTimeout();
      if (fault?.kind === "timeout") {
        // not carried out, and no answer: the client's own timeout (or the emulator closing) ends it
        heldResponses.add(response);
        response.on("close", () => heldResponses.delete(response));
        return;
      }

      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value]));
      const serviceRoot = `${request.protocol}://${request.get("host") ?? "localhost"}${request.baseUrl}/${GRAPH_VERSION}`;
      const outcome = await api
        .handle({ method, segments, query: searchParams, headers, body: parseJson(request.body), caller, isInBatch: false }, serviceRoot)
        .catch((error: unknown) => {
          if (error instanceof GraphError) return { status: error.status, headers: { ...error.headers }, body: graphErrorBody(error, ids, now()) };
          throw error;
        });
      if (fault?.kind === "createdButResponseLost") {
        // carried out; the answer never arrives
        if (fault.lostAs === "reset") request.socket.destroy();
        else sendError(gatewayTimeout());
        return;
      }
      send(response, outcome);
    } catch (error) {
      if (error instanceof GraphError) return sendError(error);
      logger.error("planner emulator request failed", { error: error instanceof Error ? error.stack : String(error) });
      sendError(new GraphError(500, "UnknownError", "The Planner emulator failed on this request."));
    }
  });
  // body-parser's failures (too large, unreadable) in Graph's shape too
  graphRouter.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const ids = newRequestIds(request.get("client-request-id"));
    const isTooLarge = (error as { type?: unknown }).type === "entity.too.large";
    const graphError = isTooLarge ? new GraphError(413, "RequestEntityTooLarge", "The request body is too large.") : badRequest("The request body could not be read.");
    send(response, { status: graphError.status, headers: {}, body: graphErrorBody(graphError, ids, now()) });
  });

  const emulator: PlannerEmulator = {
    router: express.Router(),
    faults,
    store,
    snapshot() {
      const serviceRoot = `http://localhost/dev/graph/${GRAPH_VERSION}`;
      return {
        groups: structuredClone(data.groups),
        plans: data.plans.map((plan) => planJson(plan, store.groupOfPlan(plan.id), serviceRoot)),
        buckets: data.buckets.map(bucketJson),
        tasks: data.tasks.map((task) => taskJson(task, store.detailsOf(task.id))),
        details: data.tasks.flatMap((task) => {
          const details = store.detailsOf(task.id);
          return details ? [detailsJson(details, task)] : [];
        }),
      };
    },
    setPercentComplete(taskId, percentComplete, userId) {
      const task = data.tasks.find((candidate) => candidate.id === taskId);
      const group = task ? store.groupOfPlan(task.planId) : undefined;
      if (!task || !group) throw new GraphError(404, "NotFound", `No task ${taskId}.`);
      const ownerId = userId ?? Object.keys(task.assignments)[0];
      if (ownerId === undefined) throw badRequest("The task has no assignee: name the userId who changes it.");
      const owner: GraphCaller = { kind: "delegated", tenantId: group.tenantId, userId: ownerId, permissions: ["Tasks.ReadWrite"] };
      const updated = store.patchTask(owner, taskId, task.etag, { percentComplete });
      return taskJson(updated, store.detailsOf(taskId));
    },
    addGroup: (group) => store.addGroup(group),
    reset() {
      const lastEtagVersion = data.etagVersion;
      Object.assign(data, seededPlannerData(seed, now()));
      // ETags are never reissued, not even across a reset
      data.etagVersion = Math.max(lastEtagVersion, data.etagVersion);
      persist(data);
    },
    releaseHeldRequests() {
      for (const response of heldResponses) response.socket?.destroy();
      heldResponses.clear();
    },
  };

  emulator.router.use("/graph", graphRouter);
  emulator.router.use("/graph-control", controlRouter(emulator));
  emulator.router.get("/planner", (request, response) => {
    // routing ignores a trailing slash; the page's own links are relative to the one with it
    if (!new URL(request.originalUrl, "http://emulator.invalid").pathname.endsWith("/")) return response.redirect(308, `${request.baseUrl}/planner/`);
    const graphBaseUrl = `${request.protocol}://${request.get("host") ?? "localhost"}${request.baseUrl}/graph`;
    response.setHeader("Cache-Control", "no-store");
    response.type("html").send(renderPlannerPage(data, graphBaseUrl));
  });
  return emulator;
}

/** A Planner emulator on its own HTTP server, e.g. for tests that restart Concord around it. */
export interface RunningPlannerEmulator {
  emulator: PlannerEmulator;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The Graph client's `baseUrl`: `<origin>/dev/graph`. */
  graphBaseUrl: string;
  /** `<origin>/dev/graph/v1.0` */
  serviceRoot: string;
  controlUrl: string;
  /** Signs a Graph token the emulator accepts (only when the emulator made its own identity provider). */
  issueToken(request: DevGraphTokenRequest): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts an emulator on `port` (0: any free port) on loopback, with the same routes as under
 * `npm start`. Without a `verifier` it makes its own dev identity provider and `issueToken` signs
 * Graph tokens for it (also served at `POST <origin>/dev/idp/graph-token`).
 */
export async function startPlannerEmulator(
  options: Omit<PlannerEmulatorOptions, "verifier"> & { port: number; host?: string; verifier?: GraphTokenVerifier },
): Promise<RunningPlannerEmulator> {
  const app = express();
  app.disable("x-powered-by");
  const server = http.createServer(app);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  const idp = options.verifier ? null : await createDevIdentityProvider({ issuerBase: `${origin}/dev/idp`, audience: "concord-planner-emulator" });
  const verifier = options.verifier ?? createGraphTokenVerifier(idp!.graphVerifierOptions);
  const emulator = createPlannerEmulator({ ...options, verifier });
  if (idp) app.use("/dev/idp", idp.router);
  app.use("/dev", emulator.router);
  return {
    emulator,
    origin,
    graphBaseUrl: `${origin}/dev/graph`,
    serviceRoot: `${origin}/dev/graph/${GRAPH_VERSION}`,
    controlUrl: `${origin}/dev/graph-control`,
    async issueToken(request) {
      if (!idp) throw new Error("this emulator verifies tokens with an injected verifier: sign them with its identity provider");
      return (await idp.issueGraphToken(request)).token;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        emulator.releaseHeldRequests();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function authenticate(verifier: GraphTokenVerifier, header: string | undefined): Promise<GraphCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) throw invalidToken(header === undefined ? "Access token is empty." : "The Authorization header must be 'Bearer <access token>'.");
  try {
    return await verifier.verify(match[1]);
  } catch (error) {
    if (error instanceof GraphError) throw error;
    throw invalidToken("Access token validation failure.");
  }
}

function parseJson(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

function send(response: Response, outcome: GraphResponse): void {
  if (response.headersSent || response.destroyed) return;
  response.status(outcome.status);
  for (const [name, value] of Object.entries(outcome.headers)) response.setHeader(name, value);
  if (outcome.body === undefined) response.end();
  else response.json(outcome.body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const SetPercentCompleteSchema = z.strictObject({
  percentComplete: z.int("must be a whole number").min(0, "must be 0 to 100").max(100, "must be 0 to 100"),
  userId: z.string().min(1).max(100).optional(),
});
const GroupSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID"),
  displayName: z.string().trim().min(1, "must not be empty").max(256),
  tenantId: z.string().min(1).max(100),
  members: z.union([z.literal("allUsersInTenant"), z.array(z.string().min(1).max(100)).max(1_000)]),
});

/**
 * `/dev/graph-control`: GET/PUT/POST/DELETE `/faults` (PUT `{seed?, rules}` replaces them, POST adds
 * one rule, DELETE `/faults/:id` removes one), GET `/state`, POST `/reset`, POST `/groups`, and
 * POST `/tasks/:taskId/percent-complete` `{percentComplete, userId?}`. Errors are Concord's
 * `{error: {code, message, fields}}`; no fault ever applies here.
 */
function controlRouter(emulator: PlannerEmulator): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  const invalid = (response: Response, error: z.ZodError) => {
    const body: ErrorBody = { error: { code: "invalidRequest", message: summarizeIssues(error), fields: describeIssues(error) } };
    response.status(400).json(body);
  };
  const faultState = () => ({ seed: emulator.faults.seed, rules: emulator.faults.list(), history: emulator.faults.history() });

  router.get("/faults", (_request, response) => {
    response.json(faultState());
  });
  router.put("/faults", (request, response) => {
    const parsed = FaultSetSchema.safeParse(request.body);
    if (!parsed.success) return invalid(response, parsed.error);
    emulator.faults.replace(parsed.data.rules, parsed.data.seed);
    response.json(faultState());
  });
  router.post("/faults", (request, response) => {
    const parsed = FaultRuleSchema.safeParse(request.body);
    if (!parsed.success) return invalid(response, parsed.error);
    response.status(201).json(emulator.faults.add(parsed.data));
  });
  router.delete("/faults", (_request, response) => {
    emulator.faults.clear();
    response.status(204).end();
  });
  router.delete("/faults/:id", (request, response) => {
    if (emulator.faults.remove(request.params.id)) {
      response.status(204).end();
      return;
    }
    const body: ErrorBody = { error: { code: "notFound", message: `no fault rule ${request.params.id}` } };
    response.status(404).json(body);
  });
  router.get("/state", (_request, response) => {
    response.json(emulator.snapshot());
  });
  router.post("/reset", (_request, response) => {
    emulator.reset();
    response.status(204).end();
  });
  router.post("/groups", (request, response) => {
    const parsed = GroupSchema.safeParse(request.body);
    if (!parsed.success) return invalid(response, parsed.error);
    if (emulator.store.data.groups.some((group) => group.id === parsed.data.id)) {
      const body: ErrorBody = { error: { code: "conflict", message: `group ${parsed.data.id} already exists` } };
      response.status(409).json(body);
      return;
    }
    emulator.addGroup(parsed.data);
    response.status(201).json(parsed.data);
  });
  router.post("/tasks/:taskId/percent-complete", (request, response) => {
    const parsed = SetPercentCompleteSchema.safeParse(request.body);
    if (!parsed.success) return invalid(response, parsed.error);
    try {
      response.json(emulator.setPercentComplete(request.params.taskId, parsed.data.percentComplete, parsed.data.userId));
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      const body: ErrorBody = { error: { code: error.status === 404 ? "notFound" : "invalidRequest", message: error.message } };
      response.status(error.status).json(body);
    }
  });
  router.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const type = (error as { type?: unknown }).type;
    const body: ErrorBody = { error: { code: "invalidRequest", message: type === "entity.too.large" ? "The request body is too large." : "The request body is not valid JSON." } };
    response.status(type === "entity.too.large" ? 413 : 400).json(body);
  });
  return router;
}

/** State saved by an earlier run; an unreadable file is moved aside (never silently lost) and null returned. */
function readStateFile(file: string | undefined, logger: Logger): PlannerData | null {
  if (!file || !fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<PlannerData> | null;
    const isData =
      parsed?.version === 1 &&
      typeof parsed.etagVersion === "number" &&
      [parsed.groups, parsed.plans, parsed.buckets, parsed.tasks, parsed.details].every(Array.isArray) &&
      typeof parsed.userNames === "object";
    if (isData) return parsed as PlannerData;
  } catch {
    // falls through to moving the file aside
  }
  const aside = `${file}.unreadable-${Date.now()}`;
  fs.renameSync(file, aside);
  logger.warn("planner emulator state was unreadable; starting from the seed", { movedTo: aside });
  return null;
}

// write then rename, so a crash mid-write leaves the previous state rather than half a file
function writeStateFile(file: string | undefined, data: PlannerData, logger: Logger): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(data));
    fs.renameSync(temporary, file);
  } catch (error) {
    logger.error("planner emulator state could not be saved", { file, error: String(error) });
  }
}
