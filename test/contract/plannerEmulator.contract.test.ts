import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import type { RunningPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";

// The Graph v1.0 contract for Planner types, extracted from microsoftgraph/msgraph-metadata
// (schemas/v1.0-Prod.csdl) and kept beside the emulator it shapes.
const CSDL_FILE = path.resolve(import.meta.dirname, "../../server/dev/planner/planner-v1.0.csdl.xml");

interface PropertyDefinition {
  type: string;
  isNullable: boolean;
}

interface StructuredType {
  name: string;
  kind: "entity" | "complex";
  baseType?: string;
  isOpen: boolean;
  properties: Map<string, PropertyDefinition>;
  navigation: Set<string>;
}

interface CsdlModel {
  types: Map<string, StructuredType>;
  enums: Map<string, Set<string>>;
}

const XmlAttributes = z.object({ Name: z.string(), Type: z.string().optional(), Nullable: z.string().optional() });
const XmlType = z.object({
  Name: z.string(),
  BaseType: z.string().optional(),
  OpenType: z.string().optional(),
  Property: z.array(XmlAttributes).optional(),
  NavigationProperty: z.array(XmlAttributes).optional(),
});
const XmlSchema = z.object({
  Schema: z.object({
    Namespace: z.literal("microsoft.graph"),
    EnumType: z.array(z.object({ Name: z.string(), Member: z.array(z.object({ Name: z.string() })) })),
    ComplexType: z.array(XmlType),
    EntityType: z.array(XmlType),
  }),
});

/**
 * Reads the CSDL into type definitions. The extract also carries same-named types from other
 * namespaces (microsoft.graph.search's identity and identitySet, externalConnectors' identity
 * entity), appended after Planner's own; the first declaration of a name is microsoft.graph's.
 */
function parseCsdl(xml: string): CsdlModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["EnumType", "ComplexType", "EntityType", "Property", "NavigationProperty", "Member"].includes(name),
  });
  const schema = XmlSchema.parse(parser.parse(xml)).Schema;
  const types = new Map<string, StructuredType>();
  const add = (kind: StructuredType["kind"], type: z.infer<typeof XmlType>) => {
    if (types.has(type.Name)) return;
    types.set(type.Name, {
      name: type.Name,
      kind,
      ...(type.BaseType === undefined ? {} : { baseType: localName(type.BaseType) }),
      isOpen: type.OpenType === "true",
      properties: new Map((type.Property ?? []).map((property) => [property.Name, { type: property.Type ?? "", isNullable: property.Nullable !== "false" }])),
      navigation: new Set((type.NavigationProperty ?? []).map((property) => property.Name)),
    });
  };
  for (const type of schema.ComplexType) add("complex", type);
  for (const type of schema.EntityType) add("entity", type);
  const enums = new Map(schema.EnumType.map((enumType) => [enumType.Name, new Set(enumType.Member.map((member) => member.Name))]));
  return { types, enums };
}

function localName(typeName: string): string {
  return typeName.replace(/^(microsoft\.graph|graph)\./, "");
}

/** Every structural property of a type, its base types' included (so `id` comes from `entity`). */
function propertiesOf(model: CsdlModel, type: StructuredType): Map<string, PropertyDefinition> {
  const base = type.baseType ? model.types.get(type.baseType) : undefined;
  return new Map([...(base ? propertiesOf(model, base) : new Map<string, PropertyDefinition>()), ...type.properties]);
}

const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;
const ALLOWED_ANNOTATIONS = new Set(["@odata.type", "@odata.etag", "@odata.context"]);

/**
 * Checks a JSON value against a CSDL type and returns what does not fit: names must exist on the
 * type (or be dynamic properties of an open type), values must have the JSON type of their Edm type,
 * non-nullable properties must not be null, and an entity must carry every structural property, as
 * Graph's full representations do. Dynamic properties that declare `@odata.type` are checked as that type.
 */
function checkAgainstCsdl(model: CsdlModel, value: unknown, typeName: string, where: string, options: { isEntity: boolean }): string[] {
  const problems: string[] = [];

  const checkStructured = (json: unknown, type: StructuredType, at: string, isTopEntity: boolean) => {
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      problems.push(`${at}: expected an object of type ${type.name}`);
      return;
    }
    const properties = propertiesOf(model, type);
    for (const [key, propertyValue] of Object.entries(json)) {
      if (key.startsWith("@")) {
        if (!ALLOWED_ANNOTATIONS.has(key)) problems.push(`${at}.${key}: unexpected annotation`);
        else if (key === "@odata.type" && propertyValue !== `#microsoft.graph.${type.name}`) {
          problems.push(`${at}.@odata.type: "${String(propertyValue)}" is not #microsoft.graph.${type.name}`);
        }
        continue;
      }
      const property = properties.get(key);
      if (property) {
        checkValue(propertyValue, property, `${at}.${key}`);
      } else if (type.navigation.has(key)) {
        problems.push(`${at}.${key}: navigation property returned without $expand`);
      } else if (type.isOpen) {
        checkDynamic(propertyValue, `${at}.${key}`);
      } else {
        problems.push(`${at}.${key}: no such property on ${type.name}`);
      }
    }
    if (isTopEntity) {
      for (const name of properties.keys()) if (!(name in json)) problems.push(`${at}.${name}: missing (Graph returns every property of ${type.name})`);
    }
  };

  const checkDynamic = (json: unknown, at: string) => {
    if (typeof json !== "object" || json === null) return;
    const declared = (json as Record<string, unknown>)["@odata.type"];
    if (typeof declared !== "string") {
      problems.push(`${at}: a complex dynamic property must declare @odata.type`);
      return;
    }
    const type = model.types.get(localName(declared.replace(/^#/, "")));
    if (!type) problems.push(`${at}: @odata.type ${declared} is not in the contract`);
    else checkStructured(json, type, at, false);
  };

  const checkValue = (json: unknown, property: PropertyDefinition, at: string) => {
    if (json === null) {
      if (!property.isNullable) problems.push(`${at}: null, but the contract says Nullable="false"`);
      return;
    }
    const collection = /^Collection\((.+)\)$/.exec(property.type);
    if (collection?.[1]) {
      if (!Array.isArray(json)) problems.push(`${at}: expected an array of ${collection[1]}`);
      else json.forEach((item, index) => checkValue(item, { type: collection[1]!, isNullable: false }, `${at}[${index}]`));
      return;
    }
    switch (property.type) {
      case "Edm.String":
        if (typeof json !== "string") problems.push(`${at}: expected a string`);
        return;
      case "Edm.Boolean":
        if (typeof json !== "boolean") problems.push(`${at}: expected a boolean`);
        return;
      case "Edm.Int32":
        if (typeof json !== "number" || !Number.isInteger(json) || Math.abs(json) > 2 ** 31) problems.push(`${at}: expected an Int32`);
        return;
      case "Edm.DateTimeOffset":
        if (typeof json !== "string" || !DATE_TIME_OFFSET.test(json)) problems.push(`${at}: expected an ISO 8601 date-time with a zone`);
        return;
    }
    const name = localName(property.type);
    const members = model.enums.get(name);
    if (members) {
      if (typeof json !== "string" || !members.has(json)) problems.push(`${at}: ${JSON.stringify(json)} is not a member of ${name}`);
      return;
    }
    const type = model.types.get(name);
    if (!type) problems.push(`${at}: the contract has no type ${property.type}`);
    else checkStructured(json, type, at, false);
  };

  const type = model.types.get(typeName);
  if (!type) return [`${where}: the contract has no type ${typeName}`];
  checkStructured(value, type, where, options.isEntity);
  return problems;
}

/** The entity type a response holds, read from its `@odata.context` (so the context is checked too). */
function typeOfContext(context: string): { typeName: string; isCollection: boolean } {
  const fragment = context.split("#")[1] ?? "";
  if (/\/details\/\$entity$/.test(fragment)) return { typeName: "plannerTaskDetails", isCollection: false };
  const entity = /(plans|buckets|tasks)\/\$entity$/.exec(fragment);
  if (entity?.[1]) return { typeName: entitySetType(entity[1]), isCollection: false };
  const collection = /(plans|buckets|tasks)$/.exec(fragment);
  if (collection?.[1]) return { typeName: entitySetType(collection[1]), isCollection: true };
  throw new Error(`unrecognised @odata.context ${context}`);
}

function entitySetType(set: string): string {
  return { plans: "plannerPlan", buckets: "plannerBucket", tasks: "plannerTask" }[set] ?? "";
}

const GraphErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string().min(1),
    innerError: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/), "request-id": z.uuid(), "client-request-id": z.string().min(1) }),
  }),
});

/** A response body as the scripted session saw it, with where it came from. */
interface Observed {
  label: string;
  body: unknown;
}

/** Checks one successful response: an entity or a `value` collection, typed by its context. */
function checkResponse(model: CsdlModel, observed: Observed): string[] {
  const body = observed.body as Record<string, unknown>;
  const context = body["@odata.context"];
  if (typeof context !== "string") return [`${observed.label}: no @odata.context`];
  const { typeName, isCollection } = typeOfContext(context);
  if (!isCollection) {
    const problems = checkAgainstCsdl(model, body, typeName, observed.label, { isEntity: true });
    if (typeof body["@odata.etag"] !== "string") problems.push(`${observed.label}: no @odata.etag`);
    return problems;
  }
  const extra = Object.keys(body).filter((key) => key !== "@odata.context" && key !== "value");
  const values = body["value"];
  if (!Array.isArray(values)) return [`${observed.label}: a collection without a value array`];
  return [
    ...extra.map((key) => `${observed.label}.${key}: unexpected on a collection`),
    ...values.flatMap((value, index) => {
      const problems = checkAgainstCsdl(model, value, typeName, `${observed.label}.value[${index}]`, { isEntity: true });
      if (typeof (value as Record<string, unknown>)["@odata.etag"] !== "string") problems.push(`${observed.label}.value[${index}]: no @odata.etag`);
      return problems;
    }),
  ];
}

const USER = "9d2c7c1e-4b5a-4f6e-8a7b-1c2d3e4f5a60";
const ASSIGNEE = "3f9b8a7c-6d5e-4f4a-9b3c-2d1e0f9a8b70";

let model: CsdlModel;
let running: RunningPlannerEmulator;
const observed: Observed[] = [];
const errors: Observed[] = [];

beforeAll(async () => {
  model = parseCsdl(fs.readFileSync(CSDL_FILE, "utf8"));
  running = await startPlannerEmulator({ port: 0 });
  await scriptedSession();
});

afterAll(async () => {
  await running.close();
});

/**
 * Everything Concord does with Planner, and a little more: list and read plans, create a plan and a
 * bucket, create tasks (delegated and app-only), read and patch tasks and details with every
 * property kind, list tasks by plan and bucket, and a `$batch`. Every answer is kept for checking.
 */
async function scriptedSession(): Promise<void> {
  const userToken = await running.issueToken({ kind: "delegated", tenantId: DEV_PLANNER_IDS.tenantId, userId: USER, displayName: "Avery Chen" });
  const appToken = await running.issueToken({ kind: "app", tenantId: DEV_PLANNER_IDS.tenantId, appId: "0c0c0c0c-1d1d-4e4e-8f8f-a0a0a0a0a0a0" });
  const call = async (
    label: string,
    method: string,
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; token?: string; isEnvelope?: boolean } = {},
  ) => {
    const response = await fetch(`${running.serviceRoot}${url}`, {
      method,
      headers: { authorization: `Bearer ${options.token ?? userToken}`, "content-type": "application/json", ...options.headers },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const body = response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
    if (response.status >= 400) errors.push({ label, body });
    // a $batch answer is an envelope, not a Planner type: its inner bodies are checked instead
    else if (body !== undefined && !options.isEnvelope) observed.push({ label, body });
    return { status: response.status, body: body ?? {} };
  };
  const assignment = { "@odata.type": "#microsoft.graph.plannerAssignment", orderHint: " !" };

  await call("GET /me/planner/plans", "GET", "/me/planner/plans");
  await call("GET /groups/{id}/planner/plans", "GET", `/groups/${DEV_PLANNER_IDS.groupId}/planner/plans`);
  await call("GET /planner/plans/{id}", "GET", `/planner/plans/${DEV_PLANNER_IDS.planId}`);
  const plan = await call("POST /planner/plans", "POST", "/planner/plans", {
    body: { title: "Operating review", container: { url: `https://graph.microsoft.com/v1.0/groups/${DEV_PLANNER_IDS.groupId}` } },
  });
  const bucket = await call("POST /planner/buckets", "POST", "/planner/buckets", { body: { name: "Actions", planId: plan.body["id"], orderHint: " !" } });
  await call("GET /planner/plans/{id}/buckets", "GET", `/planner/plans/${String(plan.body["id"])}/buckets`);
  await call("GET /planner/buckets/{id}", "GET", `/planner/buckets/${String(bucket.body["id"])}`);

  const task = await call("POST /planner/tasks", "POST", "/planner/tasks", {
    body: {
      planId: DEV_PLANNER_IDS.planId,
      bucketId: DEV_PLANNER_IDS.commitmentsBucketId,
      title: "Publish the 2027 pricing decision",
      assignments: { [ASSIGNEE]: assignment, [USER]: assignment },
      startDateTime: "2027-01-04T09:00:00Z",
      dueDateTime: "2027-03-31T17:00:00+02:00",
      priority: 3,
      appliedCategories: { category2: true },
      orderHint: " !",
    },
  });
  const taskId = String(task.body["id"]);
  await call("GET /planner/tasks/{id}", "GET", `/planner/tasks/${taskId}`);
  const details = await call("GET /planner/tasks/{id}/details", "GET", `/planner/tasks/${taskId}/details`);
  const patchedDetails = await call("PATCH /planner/tasks/{id}/details (representation)", "PATCH", `/planner/tasks/${taskId}/details`, {
    headers: { "if-match": String(details.body["@odata.etag"]), prefer: "return=representation" },
    body: {
      description: "Decided on 12 January: tiered pricing. Rationale: margin target and churn data.",
      previewType: "description",
      references: {
        "https%3A//concord%2Eexample/decisions/42": { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: "Decision 42", type: "Other", previewPriority: " !" },
      },
      checklist: { "2d8c9b40-1f0a-4c3e-9b7d-5e6f7a8b9c01": { "@odata.type": "#microsoft.graph.plannerChecklistItem", title: "Brief sales", isChecked: false } },
    },
  });
  expect(patchedDetails.status).toBe(200);
  const current = await call("GET /planner/tasks/{id} after details", "GET", `/planner/tasks/${taskId}`);
  await call("PATCH /planner/tasks/{id} (representation)", "PATCH", `/planner/tasks/${taskId}`, {
    headers: { "if-match": String(current.body["@odata.etag"]), prefer: "return=representation" },
    body: { percentComplete: 100 },
  });
  await call("GET /planner/plans/{id}/tasks", "GET", `/planner/plans/${DEV_PLANNER_IDS.planId}/tasks`);
  await call("GET /planner/buckets/{id}/tasks", "GET", `/planner/buckets/${DEV_PLANNER_IDS.commitmentsBucketId}/tasks`);
  await call("POST /planner/tasks (app-only)", "POST", "/planner/tasks", {
    token: appToken,
    body: { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.escalationsBucketId, title: "Escalate the channel conflict", assignments: { [ASSIGNEE]: assignment } },
  });

  const batch = await call("POST /$batch", "POST", "/$batch", {
    isEnvelope: true,
    body: {
      requests: [
        {
          id: "create",
          method: "POST",
          url: "/planner/tasks",
          headers: { "Content-Type": "application/json" },
          body: { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, title: "Hire a head of partnerships" },
        },
        { id: "list", method: "GET", url: `/planner/plans/${DEV_PLANNER_IDS.planId}/tasks`, dependsOn: ["create"] },
        { id: "buckets", method: "GET", url: `/planner/plans/${DEV_PLANNER_IDS.planId}/buckets` },
      ],
    },
  });
  for (const inner of batch.body["responses"] as { id: string; status: number; body?: unknown }[]) {
    const label = `POST /$batch → ${inner.id}`;
    if (inner.status >= 400) errors.push({ label, body: inner.body });
    else if (inner.body !== undefined) observed.push({ label, body: inner.body });
  }

  // failures Concord will meet, for the error body's shape
  await call("GET unknown task", "GET", "/planner/tasks/doesNotExist000000000000000");
  await call("PATCH without If-Match", "PATCH", `/planner/tasks/${taskId}`, { body: { title: "x" } });
  await call("POST misspelled", "POST", "/planner/tasks", { body: { planId: DEV_PLANNER_IDS.planId, titel: "x" } });
}

describe("Planner emulator against planner-v1.0.csdl.xml", () => {
  it("reads the contract's Planner types", () => {
    expect([...propertiesOf(model, model.types.get("plannerTask")!).keys()]).toEqual(expect.arrayContaining(["id", "title", "assignments", "percentComplete"]));
    expect(model.types.get("plannerExternalReferences")?.isOpen).toBe(true);
    expect(model.enums.get("plannerPreviewType")?.has("reference")).toBe(true);
  });

  it("returns only properties the contract declares, with their Edm types, on every entity of the session", () => {
    const seen = new Set(observed.map(({ body }) => typeOfContext(String((body as Record<string, unknown>)["@odata.context"])).typeName));
    // the session must have produced every Planner type it is meant to cover, or this test proves little
    expect([...seen].sort()).toEqual(["plannerBucket", "plannerPlan", "plannerTask", "plannerTaskDetails"]);
    expect(observed.length).toBeGreaterThanOrEqual(18);
    const problems = observed.flatMap((response) => checkResponse(model, response));
    expect(problems).toEqual([]);
  });

  it("answers failures with Graph's error body", () => {
    expect(errors.map(({ label }) => label)).toEqual(["GET unknown task", "PATCH without If-Match", "POST misspelled"]);
    for (const { body } of errors) expect(GraphErrorBodySchema.safeParse(body).error).toBeUndefined();
  });
});

describe("the contract check itself", () => {
  const task = () => structuredClone(observed.find(({ label }) => label === "PATCH /planner/tasks/{id} (representation)")!.body) as Record<string, unknown>;
  const details = () => structuredClone(observed.find(({ label }) => label === "PATCH /planner/tasks/{id}/details (representation)")!.body) as Record<string, unknown>;
  const problemsOf = (body: Record<string, unknown>) => checkResponse(model, { label: "t", body });

  it("accepts the emulator's own task and details", () => {
    expect(problemsOf(task())).toEqual([]);
    expect(problemsOf(details())).toEqual([]);
  });

  it("fails on a misspelled property", () => {
    const misspelled = task();
    misspelled["percentCompleted"] = misspelled["percentComplete"];
    delete misspelled["percentComplete"];
    expect(problemsOf(misspelled)).toEqual(["t.percentCompleted: no such property on plannerTask", "t.percentComplete: missing (Graph returns every property of plannerTask)"]);
  });

  it("fails on a value of the wrong Edm type, a null where the contract forbids one, and a bad enum member", () => {
    expect(problemsOf({ ...task(), percentComplete: "100" })).toEqual(["t.percentComplete: expected an Int32"]);
    expect(problemsOf({ ...task(), dueDateTime: "31/03/2027" })).toEqual(["t.dueDateTime: expected an ISO 8601 date-time with a zone"]);
    expect(problemsOf({ ...task(), title: null })).toEqual(['t.title: null, but the contract says Nullable="false"']);
    expect(problemsOf({ ...task(), previewType: "thumbnail" })).toEqual(['t.previewType: "thumbnail" is not a member of plannerPreviewType']);
  });

  it("checks open-type values as the type they declare", () => {
    const withBadReference = details();
    const references = withBadReference["references"] as Record<string, Record<string, unknown>>;
    const [key] = Object.keys(references);
    references[key!]!["aliass"] = "typo";
    expect(problemsOf(withBadReference)).toEqual([`t.references.${key}.aliass: no such property on plannerExternalReference`]);

    const untyped = task();
    const assignments = untyped["assignments"] as Record<string, Record<string, unknown>>;
    delete assignments[ASSIGNEE]!["@odata.type"];
    expect(problemsOf(untyped)).toEqual([`t.assignments.${ASSIGNEE}: a complex dynamic property must declare @odata.type`]);
  });
});
