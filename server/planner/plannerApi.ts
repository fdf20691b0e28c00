import { GraphError, ResponseType } from "@microsoft/microsoft-graph-client";
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { createGraphClient, tokenFailureOf } from "./graphClient.ts";
import type { GraphClientOptions } from "./graphClient.ts";

/** Most requests one `$batch` may carry (Graph's limit). */
export const MAX_BATCH_STEPS = 20;

/** One Planner request, sent on its own or as one step of a `$batch`. `url` is relative to `/v1.0`. */
export interface PlannerStep {
  id: string;
  method: "GET" | "POST" | "PATCH";
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Planner's answer to one request. `status` 0 means none came (the connection failed or the request
 * timed out): the request may or may not have taken effect. `message` and `code` are Graph's for
 * an error; `retryAfterMs` is the `Retry-After` the answer carried.
 */
export interface PlannerAnswer {
  status: number;
  body: unknown;
  code: string;
  message: string;
  retryAfterMs: number | null;
}

/** A typed result: the parsed value, or the answer that was not one. */
export type PlannerResult<T> = { ok: true; value: T } | { ok: false; answer: PlannerAnswer };

/** An answer that was not what the caller needed, for code that prefers exceptions (e.g. HTTP routes). */
export class PlannerRequestError extends Error {
  constructor(readonly answer: PlannerAnswer) {
    super(describeAnswer(answer));
    this.name = "PlannerRequestError";
  }
}

/** The value of a result, or throws {@link PlannerRequestError}. */
export function valueOf<T>(result: PlannerResult<T>): T {
  if (!result.ok) throw new PlannerRequestError(result.answer);
  return result.value;
}

/** "Planner answered 403 MaximumTasksInProject: A plan can hold…" — what a person is shown when a write fails. */
export function describeAnswer(answer: PlannerAnswer): string {
  if (answer.status === 0) return `Planner did not answer: ${answer.message}`;
  const code = answer.code === "" ? "" : ` ${answer.code}`;
  return `Planner answered ${answer.status}${code}: ${answer.message}`.trim();
}

const ETag = z.string().min(1);
const NullableDate = z.string().nullable().optional().transform((value) => value ?? null);

/** The task fields Concord reads. */
export const PlannerTaskSchema = z.object({
  "@odata.etag": ETag,
  id: z.string().min(1),
  planId: z.string(),
  bucketId: z.string().nullable().optional().transform((value) => value ?? null),
  title: z.string(),
  percentComplete: z.number().int().min(0).max(100),
  dueDateTime: NullableDate,
  completedDateTime: NullableDate,
  createdDateTime: z.string(),
  assignments: z.record(z.string(), z.unknown()).default({}),
});
export type PlannerTask = z.infer<typeof PlannerTaskSchema>;

/** What the progress poller selects: no more than it needs from a plan that may hold thousands of tasks. */
export const PROGRESS_FIELDS = ["id", "percentComplete", "completedDateTime", "dueDateTime"] as const;
export const PlannerTaskProgressSchema = z.object({
  id: z.string().min(1),
  percentComplete: z.number().int().min(0).max(100),
  completedDateTime: NullableDate,
  dueDateTime: NullableDate,
});
export type PlannerTaskProgress = z.infer<typeof PlannerTaskProgressSchema>;

/** A task's details, with their own ETag (not the task's). */
export const PlannerDetailsSchema = z.object({
  "@odata.etag": ETag,
  id: z.string().min(1),
  description: z.string().nullable().transform((value) => value ?? ""),
  references: z.record(z.string(), z.object({ alias: z.string().nullable().optional() }).loose()).nullable().transform((value) => value ?? {}),
});
export type PlannerDetails = z.infer<typeof PlannerDetailsSchema>;

export const PlannerPlanSchema = z.object({ id: z.string().min(1), title: z.string(), "@odata.etag": ETag });
export type PlannerPlan = z.infer<typeof PlannerPlanSchema>;
export const PlannerBucketSchema = z.object({ id: z.string().min(1), name: z.string(), planId: z.string(), "@odata.etag": ETag });
export type PlannerBucket = z.infer<typeof PlannerBucketSchema>;

const CollectionSchema = z.object({ value: z.array(z.unknown()), "@odata.nextLink": z.string().optional() });
const BatchAnswerSchema = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number().int(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown().optional() })),
});
const GraphErrorBodySchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

/** An assignment as Planner wants it on create and patch; `" !"` lets Planner place it. */
export const NEW_ASSIGNMENT = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" } as const;

/** Body of `POST /planner/tasks` as Concord sends it. */
export interface NewTask {
  planId: string;
  bucketId: string;
  title: string;
  /** Entra object ids. */
  ownerIds: readonly string[];
  dueDateTime: string;
}

/** `PATCH /planner/tasks/{id}`: only the fields present change; an owner mapped to null is unassigned. */
export interface TaskPatch {
  title?: string;
  dueDateTime?: string | null;
  assignments?: Record<string, typeof NEW_ASSIGNMENT | null>;
}

/** `PATCH /planner/tasks/{id}/details`: references keyed as {@link referenceKey} encodes them. */
export interface DetailsPatch {
  description?: string;
  references?: Record<string, { "@odata.type": "#microsoft.graph.plannerExternalReference"; alias: string; type: string; previewPriority?: string } | null>;
}

/** The requests Concord sends, as steps that go out alone or in a `$batch`. */
export const plannerSteps = {
  createTask(id: string, task: NewTask): PlannerStep {
    return {
      id,
      method: "POST",
      url: "/planner/tasks",
      body: {
        planId: task.planId,
        // always a bucket: a task without one is missing from board views
        bucketId: task.bucketId,
        title: task.title,
        assignments: Object.fromEntries(task.ownerIds.map((ownerId) => [ownerId, NEW_ASSIGNMENT])),
        dueDateTime: task.dueDateTime,
      },
    };
  },
  getTask: (id: string, taskId: string): PlannerStep => ({ id, method: "GET", url: `/planner/tasks/${encodeURIComponent(taskId)}` }),
  getDetails: (id: string, taskId: string): PlannerStep => ({ id, method: "GET", url: `/planner/tasks/${encodeURIComponent(taskId)}/details` }),
  patchTask: (id: string, taskId: string, etag: string, patch: TaskPatch): PlannerStep => ({
    id,
    method: "PATCH",
    url: `/planner/tasks/${encodeURIComponent(taskId)}`,
    headers: { "If-Match": etag, Prefer: "return=representation" },
    body: patch,
  }),
  patchDetails: (id: string, taskId: string, etag: string, patch: DetailsPatch): PlannerStep => ({
    id,
    method: "PATCH",
    url: `/planner/tasks/${encodeURIComponent(taskId)}/details`,
    headers: { "If-Match": etag, Prefer: "return=representation" },
    body: patch,
  }),
};

/**
 * Typed Planner calls over one caller's Graph client (see graphClient.ts). Nothing here retries:
 * every answer, a throttled or lost one included, goes back to the caller, which knows whether the
 * request may have taken effect. Throws only when no request could be sent (no token).
 */
export class PlannerApi {
  constructor(
    private readonly client: Client,
    /** The client's base URL, to turn Graph's absolute `@odata.nextLink` back into a path. */
    private readonly baseUrl: string,
  ) {}

  /** Sends one request on its own. */
  async send(step: PlannerStep): Promise<PlannerAnswer> {
    let request = this.client.api(step.url).responseType(ResponseType.RAW);
    if (step.headers) request = request.headers(step.headers);
    let response: Response;
    try {
      if (step.method === "GET") response = (await request.get()) as Response;
      else if (step.method === "POST") response = (await request.post(step.body)) as Response;
      else response = (await request.patch(step.body)) as Response;
    } catch (error) {
      const cause = tokenFailureOf(error);
      if (cause instanceof Error) throw cause;
      if (cause !== undefined) throw new Error("No Graph token could be had.");
      if (error instanceof GraphError) return { status: 0, body: undefined, code: error.code ?? "", message: error.message || "no answer", retryAfterMs: null };
      throw error;
    }
    const text = await response.text().catch(() => "");
    return answerOf(response.status, (name) => response.headers.get(name), parseBody(text));
  }

  /**
   * Sends up to {@link MAX_BATCH_STEPS} requests as one `$batch` and returns each one's answer by id.
   * When the batch itself gets no 200, every step gets that answer: a throttled batch ran nothing,
   * a lost or failed one may have run any of its steps. Inner 429s come back as they are: the
   * caller retries those steps after their own `Retry-After`.
   */
  async batch(steps: readonly PlannerStep[]): Promise<Map<string, PlannerAnswer>> {
    if (steps.length === 0) return new Map();
    if (steps.length > MAX_BATCH_STEPS) throw new Error(`a $batch carries at most ${MAX_BATCH_STEPS} requests, not ${steps.length}`);
    const outer = await this.send({
      id: "$batch",
      method: "POST",
      url: "/$batch",
      body: {
        requests: steps.map((step) => ({
          id: step.id,
          method: step.method,
          url: step.url,
          headers: { ...step.headers, ...(step.body === undefined ? {} : { "Content-Type": "application/json" }) },
          ...(step.body === undefined ? {} : { body: step.body }),
        })),
      },
    });
    const parsed = outer.status === 200 ? BatchAnswerSchema.safeParse(outer.body) : null;
    if (!parsed?.success) {
      const whole = parsed ? { ...outer, status: 0, message: "the $batch answer could not be read" } : outer;
      return new Map(steps.map((step) => [step.id, whole]));
    }
    const answers = new Map(parsed.data.responses.map((inner) => [inner.id, answerOf(inner.status, headerLookup(inner.headers ?? {}), inner.body)]));
    // a step Graph did not answer for is as unknown as a lost answer
    for (const step of steps) if (!answers.has(step.id)) answers.set(step.id, { status: 0, body: undefined, code: "", message: "the $batch answer left this request out", retryAfterMs: null });
    return answers;
  }

  createTask(task: NewTask): Promise<PlannerResult<PlannerTask>> {
    return this.sendParsed(plannerSteps.createTask("create", task), PlannerTaskSchema);
  }
  getTask(taskId: string): Promise<PlannerResult<PlannerTask>> {
    return this.sendParsed(plannerSteps.getTask("task", taskId), PlannerTaskSchema);
  }
  getDetails(taskId: string): Promise<PlannerResult<PlannerDetails>> {
    return this.sendParsed(plannerSteps.getDetails("details", taskId), PlannerDetailsSchema);
  }
  /** PATCH with `If-Match: etag`; a stale ETag answers 412. Returns the task with its new ETag. */
  patchTask(taskId: string, etag: string, patch: TaskPatch): Promise<PlannerResult<PlannerTask>> {
    return this.sendParsed(plannerSteps.patchTask("patch", taskId, etag, patch), PlannerTaskSchema);
  }
  /** PATCH with the details' own ETag; returns the details with their new ETag. */
  patchDetails(taskId: string, etag: string, patch: DetailsPatch): Promise<PlannerResult<PlannerDetails>> {
    return this.sendParsed(plannerSteps.patchDetails("patch", taskId, etag, patch), PlannerDetailsSchema);
  }
  /** Every task in a bucket: what an ambiguous create is reconciled against. */
  listBucketTasks(bucketId: string): Promise<PlannerResult<PlannerTask[]>> {
    return this.listAll(`/planner/buckets/${encodeURIComponent(bucketId)}/tasks`, PlannerTaskSchema);
  }
  /** Every task in a plan, with only the progress fields. */
  listPlanProgress(planId: string): Promise<PlannerResult<PlannerTaskProgress[]>> {
    return this.listAll(`/planner/plans/${encodeURIComponent(planId)}/tasks?$select=${PROGRESS_FIELDS.join(",")}`, PlannerTaskProgressSchema);
  }
  /** Plans of the groups the signed-in person belongs to (delegated tokens only). */
  listMyPlans(): Promise<PlannerResult<PlannerPlan[]>> {
    return this.listAll("/me/planner/plans", PlannerPlanSchema);
  }
  listGroupPlans(groupId: string): Promise<PlannerResult<PlannerPlan[]>> {
    return this.listAll(`/groups/${encodeURIComponent(groupId)}/planner/plans`, PlannerPlanSchema);
  }
  listBuckets(planId: string): Promise<PlannerResult<PlannerBucket[]>> {
    return this.listAll(`/planner/plans/${encodeURIComponent(planId)}/buckets`, PlannerBucketSchema);
  }
  createBucket(planId: string, name: string): Promise<PlannerResult<PlannerBucket>> {
    // " !" puts the new bucket first, where the person who made it looks for it
    return this.sendParsed({ id: "bucket", method: "POST", url: "/planner/buckets", body: { name, planId, orderHint: " !" } }, PlannerBucketSchema);
  }

  private async sendParsed<T>(step: PlannerStep, schema: z.ZodType<T>): Promise<PlannerResult<T>> {
    return parseAnswer(await this.send(step), schema);
  }

  private async listAll<T>(firstUrl: string, schema: z.ZodType<T>): Promise<PlannerResult<T[]>> {
    const values: T[] = [];
    let url: string | undefined = firstUrl;
    while (url !== undefined) {
      const answer = await this.send({ id: "list", method: "GET", url });
      const page = parseAnswer(answer, CollectionSchema);
      if (!page.ok) return page;
      for (const item of page.value.value) {
        const parsed = schema.safeParse(item);
        if (!parsed.success) return { ok: false, answer: unreadable(answer, parsed.error) };
        values.push(parsed.data);
      }
      url = this.relative(page.value["@odata.nextLink"]);
    }
    return { ok: true, value: values };
  }

  private relative(nextLink: string | undefined): string | undefined {
    if (nextLink === undefined) return undefined;
    const root = `${this.baseUrl.replace(/\/+$/, "")}/v1.0`;
    return nextLink.startsWith(root) ? nextLink.slice(root.length) : nextLink;
  }
}

/** A PlannerApi for one caller, on the Graph client chain of graphClient.ts. */
export function createPlannerApi(options: GraphClientOptions): PlannerApi {
  return new PlannerApi(createGraphClient(options), options.baseUrl);
}

/** Parses a 2xx answer's body with `schema`; anything else is returned as the failed answer. */
export function parseAnswer<T>(answer: PlannerAnswer, schema: z.ZodType<T>): PlannerResult<T> {
  if (answer.status < 200 || answer.status >= 300) return { ok: false, answer };
  const parsed = schema.safeParse(answer.body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, answer: unreadable(answer, parsed.error) };
}

/** Graph's `Retry-After`: seconds, or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function answerOf(status: number, header: (name: string) => string | null, body: unknown): PlannerAnswer {
  const error = status >= 400 ? GraphErrorBodySchema.safeParse(body) : null;
  return {
    status,
    body,
    code: error?.success ? (error.data.error.code ?? "") : "",
    message: error?.success ? (error.data.error.message ?? "") : status >= 400 ? `HTTP ${status}` : "",
    retryAfterMs: retryAfterMs(header("Retry-After")),
  };
}

function headerLookup(headers: Record<string, string>): (name: string) => string | null {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return (name) => lower.get(name.toLowerCase()) ?? null;
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// a 2xx whose body is not what Graph documents: treated as a failed answer, never as success
function unreadable(answer: PlannerAnswer, error: z.ZodError): PlannerAnswer {
  const issue = error.issues[0];
  return { ...answer, status: 502, code: "UnreadableAnswer", message: `Planner's answer could not be read (${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"})` };
}
