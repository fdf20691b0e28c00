import { z } from "zod";
import { badRequest } from "./graphErrors.ts";
import type { GraphError } from "./graphErrors.ts";

/** Most requests one `$batch` may carry, as in Graph. */
export const MAX_BATCH_REQUESTS = 20;
/** Longest task or plan title and bucket name the emulator takes (Planner's own bound). */
export const MAX_TITLE_LENGTH = 255;
/** Longest task description the emulator takes. */
export const MAX_DESCRIPTION_LENGTH = 32_000;

const PLANNER_ID = /^[A-Za-z0-9_-]{1,64}$/;
// keys of open-type maps become object keys; these would reach the prototype instead
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MapKeySchema = z.string().refine((key) => !RESERVED_KEYS.has(key), "is a reserved word");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Edm.DateTimeOffset on the wire: a date, a time and a zone (Z or ±hh:mm)
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

const required = (what: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`) });

const PlannerIdSchema = z.string(required("a Planner id")).regex(PLANNER_ID, "must be a Planner id");
const GroupIdSchema = z.string(required("a group id")).regex(GUID, "must be a group id (a GUID)");
const TitleSchema = z.string(required("a string")).trim().min(1, "must not be empty").max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`);
const OrderHintInputSchema = z.string(required("an order hint")).max(1_000, "must be at most 1000 characters");

/** Edm.DateTimeOffset: ISO 8601 with a zone; stored and returned in UTC. */
const DateTimeOffsetSchema = z
  .string(required("an ISO 8601 date and time with a zone"))
  .regex(DATE_TIME_OFFSET, "must be an ISO 8601 date and time with a zone, e.g. 2027-03-31T17:00:00Z")
  .refine((value) => !Number.isNaN(Date.parse(value)), "is not a real date")
  .transform((value) => new Date(value).toISOString());

/** The `@odata.type` an open type's value must declare, with or without the leading `#`. */
const odataType = (typeName: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required on open-type values: "#microsoft.graph.${typeName}"` : "must be a string") })
    .refine((value) => value === `#microsoft.graph.${typeName}` || value === `microsoft.graph.${typeName}`, `must be "#microsoft.graph.${typeName}"`);

export const PreviewTypeSchema = z.enum(["automatic", "noPreview", "checklist", "description", "reference"]);
export type PreviewType = z.infer<typeof PreviewTypeSchema>;

const AssignmentInputSchema = z.strictObject({ "@odata.type": odataType("plannerAssignment"), orderHint: OrderHintInputSchema });
/** `assignments`: keyed by Entra user object id; null removes an assignee. */
const AssignmentsInputSchema = z.record(z.string().regex(GUID, "must be a user's object id (a GUID)"), AssignmentInputSchema.nullable());
const AppliedCategoriesSchema = z.record(z.string().regex(/^category([1-9]|1\d|2[0-5])$/, "must be category1 to category25"), z.boolean());

const TaskFields = {
  bucketId: PlannerIdSchema.nullable().optional(),
  assignments: AssignmentsInputSchema.optional(),
  dueDateTime: DateTimeOffsetSchema.nullable().optional(),
  startDateTime: DateTimeOffsetSchema.nullable().optional(),
  percentComplete: z.int("must be a whole number").min(0, "must be 0 to 100").max(100, "must be 0 to 100").optional(),
  priority: z.int("must be a whole number").min(0, "must be 0 to 10").max(10, "must be 0 to 10").optional(),
  orderHint: OrderHintInputSchema.optional(),
  assigneePriority: OrderHintInputSchema.optional(),
  appliedCategories: AppliedCategoriesSchema.optional(),
  previewType: PreviewTypeSchema.optional(),
  conversationThreadId: z.string().max(1_000).nullable().optional(),
};

/** Body of `POST /planner/tasks`. */
export const CreateTaskSchema = z.strictObject({ planId: PlannerIdSchema, title: TitleSchema, ...TaskFields });
export type CreateTaskInput = z.infer<typeof CreateTaskSchema>;

/** Body of `PATCH /planner/tasks/{id}`; a task cannot move to another plan here. */
export const PatchTaskSchema = z.strictObject({ title: TitleSchema.optional(), ...TaskFields });
export type PatchTaskInput = z.infer<typeof PatchTaskSchema>;

const ReferenceInputSchema = z.strictObject({
  "@odata.type": odataType("plannerExternalReference"),
  alias: z.string().max(MAX_TITLE_LENGTH).nullable().optional(),
  type: z.string().max(100).nullable().optional(),
  previewPriority: OrderHintInputSchema.optional(),
});
const ChecklistItemInputSchema = z.strictObject({
  "@odata.type": odataType("plannerChecklistItem"),
  title: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
  isChecked: z.boolean().optional(),
  orderHint: OrderHintInputSchema.optional(),
});

/** Body of `PATCH /planner/tasks/{id}/details`; a null reference or checklist item removes it. */
export const PatchTaskDetailsSchema = z.strictObject({
  description: z.string().max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`).nullable().optional(),
  previewType: PreviewTypeSchema.optional(),
  references: z.record(MapKeySchema, ReferenceInputSchema.nullable()).optional(),
  checklist: z.record(MapKeySchema.pipe(z.string().min(1).max(100)), ChecklistItemInputSchema.nullable()).optional(),
});
export type PatchTaskDetailsInput = z.infer<typeof PatchTaskDetailsSchema>;

/** Body of `POST /planner/plans`: the container (or the older `owner`, a group id) and a title. */
export const CreatePlanSchema = z
  .strictObject({
    title: TitleSchema,
    container: z
      .strictObject({
        "@odata.type": odataType("plannerPlanContainer").optional(),
        url: z.string().optional(),
        containerId: z.string().optional(),
        type: z.enum(["group", "roster", "unknownFutureValue"]).optional(),
      })
      .optional(),
    owner: GroupIdSchema.optional(),
  })
  .refine((plan) => plan.container !== undefined || plan.owner !== undefined, { message: "is required", path: ["container"] });
export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;

/** Body of `POST /planner/buckets`. */
export const CreateBucketSchema = z.strictObject({ name: TitleSchema, planId: PlannerIdSchema, orderHint: OrderHintInputSchema.optional() });
export type CreateBucketInput = z.infer<typeof CreateBucketSchema>;

/** One request inside `POST /$batch`. */
export const BatchStepSchema = z.strictObject({
  id: z.string(required("a string")).min(1, "must not be empty").max(64),
  method: z.enum(["GET", "POST", "PATCH", "DELETE", "PUT"], "must be GET, POST, PATCH, DELETE or PUT"),
  url: z.string(required("a relative URL")).min(1, "must not be empty").max(2_048),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).max(MAX_BATCH_REQUESTS).optional(),
});
export type BatchStep = z.infer<typeof BatchStepSchema>;

/** Body of `POST /$batch`. */
export const BatchSchema = z.strictObject({
  requests: z
    .array(BatchStepSchema)
    .min(1, "must hold at least one request")
    .max(MAX_BATCH_REQUESTS, `exceeds the maximum of ${MAX_BATCH_REQUESTS} requests in one batch`),
});

/** How a request body maps to Graph's types, for messages that name the right one. */
export interface BodyTypeNames {
  /** The type of the body itself, e.g. `plannerTask`. */
  body: string;
  /** Open-type maps and complex properties: first path segment → the type of their values. */
  nested?: Record<string, string>;
  /** Properties Graph computes, which a client may not send. */
  readOnly?: readonly string[];
  /** Navigation properties: Graph knows them, the emulator takes no deep inserts. */
  navigation?: readonly string[];
}

/**
 * Parses a Graph request body, or throws the 400 Graph would send: an unknown property is named as
 * Graph names it ("does not exist on type"), so a misspelled field never slips through as ignored.
 * Instance annotations (`@odata.*`) on the body itself are allowed and dropped.
 */
export function parseGraphBody<Schema extends z.ZodType>(schema: Schema, body: unknown, types: BodyTypeNames): z.output<Schema> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const properties = Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith("@odata.")));
  for (const key of Object.keys(properties)) {
    if (types.readOnly?.includes(key)) throw badRequest(`The property '${key}' is computed by the service and cannot be set.`);
    if (types.navigation?.includes(key)) throw badRequest(`The navigation property '${key}' cannot be written in this request; write it with its own request.`);
  }
  const parsed = schema.safeParse(properties);
  if (parsed.success) return parsed.data;
  throw bodyError(parsed.error, types);
}

function bodyError(error: z.ZodError, types: BodyTypeNames): GraphError {
  // an unknown name first: a misspelled property also makes the real one look missing
  const issue = error.issues.find((candidate) => candidate.code === "unrecognized_keys") ?? error.issues[0];
  if (!issue) return badRequest("The request body is invalid.");
  const where = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const typeName = where.length === 0 ? types.body : (types.nested?.[where[0] ?? ""] ?? types.body);
    const key = issue.keys[0] ?? "";
    return badRequest(
      `The property '${key}' does not exist on type 'microsoft.graph.${typeName}'. Make sure to only use property names that are defined by the type.`,
    );
  }
  return badRequest(`Invalid value for property '${where.join(".") || "(body)"}': ${issue.message}.`);
}
