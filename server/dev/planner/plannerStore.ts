import { checkIfMatch, formatEtag } from "./etags.ts";
import type { EtagKind } from "./etags.ts";
import { READ_PERMISSIONS, WRITE_PERMISSIONS } from "./graphAuth.ts";
import type { GraphCaller } from "./graphAuth.ts";
import { badRequest, forbidden, limitExceeded, notFound } from "./graphErrors.ts";
import { resolveOrderHint } from "./orderHints.ts";
import type { CreateBucketInput, CreatePlanInput, CreateTaskInput, PatchTaskDetailsInput, PatchTaskInput, PreviewType } from "./requestSchemas.ts";

/** Planner's service limits; each one reached gives a 403 with its documented code. Configurable for tests. */
export interface PlannerLimits {
  /** `MaximumTasksInProject` */
  tasksPerPlan: number;
  /** `MaximumBucketsInProject` */
  bucketsPerPlan: number;
  /** `MaximumProjectsOwnedByUser` (plans contained by one group) */
  plansPerGroup: number;
  /** `MaximumReferencesOnTask` */
  referencesPerTask: number;
  /** `MaximumChecklistItemsOnTask` */
  checklistItemsPerTask: number;
  /** `MaximumAssigneesInTasks` */
  assigneesPerTask: number;
}

/** Defaults close to Planner's own limits. */
export const DEFAULT_PLANNER_LIMITS: PlannerLimits = {
  tasksPerPlan: 9_000,
  bucketsPerPlan: 200,
  plansPerGroup: 200,
  referencesPerTask: 10,
  checklistItemsPerTask: 20,
  assigneesPerTask: 20,
};

/** Graph's identitySet as Planner fills it: the user, or for app-only calls the application. */
export interface IdentitySet {
  user?: { displayName: string | null; id: string };
  application?: { displayName: string | null; id: string };
}

/**
 * A Microsoft 365 group that contains plans. `allUsersInTenant` stands for a group whose dynamic
 * membership rule takes in every user of its tenant (what the development seed uses).
 */
export interface GroupRecord {
  id: string;
  displayName: string;
  tenantId: string;
  members: "allUsersInTenant" | string[];
}

export interface PlanRecord {
  id: string;
  groupId: string;
  title: string;
  createdBy: IdentitySet;
  createdDateTime: string;
  etag: string;
}

export interface BucketRecord {
  id: string;
  planId: string;
  name: string;
  orderHint: string;
  etag: string;
}

export interface AssignmentRecord {
  assignedBy: IdentitySet;
  assignedDateTime: string;
  orderHint: string;
}

export interface TaskRecord {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  priority: number;
  startDateTime: string | null;
  dueDateTime: string | null;
  createdDateTime: string;
  completedDateTime: string | null;
  completedBy: IdentitySet | null;
  createdBy: IdentitySet;
  conversationThreadId: string | null;
  appliedCategories: Record<string, boolean>;
  /** Keyed by Entra user object id. */
  assignments: Record<string, AssignmentRecord>;
  previewType: PreviewType;
  etag: string;
  /** Until this time (ms since the epoch) the details answer 404, like Planner's lag after a create. */
  detailsHiddenUntil: number;
}

export interface ReferenceRecord {
  alias: string | null;
  type: string | null;
  previewPriority: string;
  lastModifiedBy: IdentitySet;
  lastModifiedDateTime: string;
}

export interface ChecklistItemRecord {
  title: string;
  isChecked: boolean;
  orderHint: string;
  lastModifiedBy: IdentitySet;
  lastModifiedDateTime: string;
}

export interface DetailsRecord {
  /** The task's id, as in Graph. */
  id: string;
  description: string;
  /** Keyed by the percent-encoded URL. */
  references: Record<string, ReferenceRecord>;
  checklist: Record<string, ChecklistItemRecord>;
  etag: string;
}

/** Everything the emulator holds: plain JSON, so it can be written to a file and read back after a restart. */
export interface PlannerData {
  version: 1;
  /** The last ETag version issued; persisted so a restarted emulator never reissues an ETag. */
  etagVersion: number;
  groups: GroupRecord[];
  plans: PlanRecord[];
  buckets: BucketRecord[];
  tasks: TaskRecord[];
  details: DetailsRecord[];
  /** Display names learned from delegated tokens, for the read-only page. */
  userNames: Record<string, string>;
}

/** An empty store's data. */
export function emptyPlannerData(): PlannerData {
  return { version: 1, etagVersion: 0, groups: [], plans: [], buckets: [], tasks: [], details: [], userNames: {} };
}

export interface PlannerStoreOptions {
  data: PlannerData;
  limits: PlannerLimits;
  now: () => number;
  /** A new Planner-style id (28 characters). */
  newId: () => string;
  /** Called after every change, with the whole data, so it can be persisted. */
  onChange: (data: PlannerData) => void;
}

/** How long, in ms, a newly created task's details stay unreadable; 0 for "at once". */
export type DetailsDelay = () => number;

/**
 * Planner's rules over the emulator's data: who may reach what (group membership, tenant), ETags
 * and `If-Match`, order hints, limits, and the derived task fields. Each operation checks everything
 * before it changes anything, so a refused request leaves no trace. Throws GraphError.
 */
export interface PlannerStore {
  readonly data: PlannerData;
  addGroup(group: GroupRecord): void;
  /** Remembers a delegated caller's name for the read-only page. */
  noteCaller(caller: GraphCaller): void;
  plansOfGroup(caller: GraphCaller, groupId: string): PlanRecord[];
  plansOfMe(caller: GraphCaller): PlanRecord[];
  plan(caller: GraphCaller, planId: string): PlanRecord;
  createPlan(caller: GraphCaller, input: CreatePlanInput): PlanRecord;
  bucketsOfPlan(caller: GraphCaller, planId: string): BucketRecord[];
  bucket(caller: GraphCaller, bucketId: string): BucketRecord;
  createBucket(caller: GraphCaller, input: CreateBucketInput): BucketRecord;
  tasksOfPlan(caller: GraphCaller, planId: string): TaskRecord[];
  tasksOfBucket(caller: GraphCaller, bucketId: string): TaskRecord[];
  task(caller: GraphCaller, taskId: string): TaskRecord;
  createTask(caller: GraphCaller, input: CreateTaskInput, detailsDelay: DetailsDelay): TaskRecord;
  patchTask(caller: GraphCaller, taskId: string, ifMatch: string | undefined, input: PatchTaskInput): TaskRecord;
  deleteTask(caller: GraphCaller, taskId: string, ifMatch: string | undefined): void;
  details(caller: GraphCaller, taskId: string): DetailsRecord;
  patchDetails(caller: GraphCaller, taskId: string, ifMatch: string | undefined, input: PatchTaskDetailsInput): { task: TaskRecord; details: DetailsRecord };
  /** The details record of a task, with no access check: for the page and the contract of derived fields. */
  detailsOf(taskId: string): DetailsRecord | undefined;
  groupOfPlan(planId: string): GroupRecord | undefined;
}

/** Creates the store over `options.data`, which it changes in place. */
export function createPlannerStore(options: PlannerStoreOptions): PlannerStore {
  const { data, limits, now } = options;
  const isoNow = () => new Date(now()).toISOString();
  const nextEtag = (kind: EtagKind) => formatEtag(kind, ++data.etagVersion);
  const changed = () => options.onChange(data);

  const groupById = (id: string) => data.groups.find((group) => group.id === id);
  const planById = (id: string) => data.plans.find((plan) => plan.id === id);
  const bucketById = (id: string) => data.buckets.find((bucket) => bucket.id === id);
  const taskById = (id: string) => data.tasks.find((task) => task.id === id);
  const detailsById = (id: string) => data.details.find((details) => details.id === id);

  const canRead = (caller: GraphCaller) => caller.permissions.some((permission) => READ_PERMISSIONS.includes(permission));
  const requireRead = (caller: GraphCaller) => {
    if (!canRead(caller)) throw forbidden(`The token grants none of the permissions Planner reads need (${READ_PERMISSIONS.join(", ")}).`);
  };
  const requireWrite = (caller: GraphCaller) => {
    if (!caller.permissions.some((permission) => WRITE_PERMISSIONS.includes(permission))) {
      throw forbidden(`The token grants none of the permissions Planner writes need (${WRITE_PERMISSIONS.join(", ")}).`);
    }
  };
  const isMember = (group: GroupRecord, caller: GraphCaller) =>
    group.tenantId === caller.tenantId && (caller.kind === "app" || group.members === "allUsersInTenant" || group.members.includes(caller.userId));

  // Another tenant's items are "not found", never "forbidden": their existence must not leak.
  const reachGroup = (caller: GraphCaller, groupId: string): GroupRecord => {
    requireRead(caller);
    const group = groupById(groupId);
    if (!group || group.tenantId !== caller.tenantId) throw notFound();
    if (!isMember(group, caller)) throw forbidden();
    return group;
  };
  const reachPlan = (caller: GraphCaller, planId: string): PlanRecord => {
    const plan = planById(planId);
    if (!plan) throw notFound();
    reachGroup(caller, plan.groupId);
    return plan;
  };
  const reachBucket = (caller: GraphCaller, bucketId: string): BucketRecord => {
    const bucket = bucketById(bucketId);
    if (!bucket) throw notFound();
    reachPlan(caller, bucket.planId);
    return bucket;
  };
  const reachTask = (caller: GraphCaller, taskId: string): TaskRecord => {
    const task = taskById(taskId);
    if (!task) throw notFound();
    reachPlan(caller, task.planId);
    return task;
  };
  const reachDetails = (caller: GraphCaller, taskId: string): { task: TaskRecord; details: DetailsRecord } => {
    const task = reachTask(caller, taskId);
    const details = detailsById(taskId);
    if (!details || now() < task.detailsHiddenUntil) throw notFound();
    return { task, details };
  };

  const identityOf = (caller: GraphCaller): IdentitySet =>
    caller.kind === "app" ? { application: { displayName: null, id: caller.appId } } : { user: { displayName: null, id: caller.userId } };

  const checkBucketInPlan = (bucketId: string | null | undefined, planId: string) => {
    if (bucketId === undefined || bucketId === null) return;
    const bucket = bucketById(bucketId);
    if (!bucket || bucket.planId !== planId) throw badRequest(`Invalid value for property 'bucketId': bucket ${bucketId} is not in plan ${planId}.`);
  };
  const checkDates = (start: string | null, due: string | null) => {
    if (start !== null && due !== null && Date.parse(start) > Date.parse(due)) {
      throw badRequest("The task's startDateTime is later than its dueDateTime.");
    }
  };

  const mergeAssignments = (
    caller: GraphCaller,
    current: Record<string, AssignmentRecord>,
    input: PatchTaskInput["assignments"],
  ): Record<string, AssignmentRecord> => {
    const next = { ...current };
    for (const [userId, assignment] of Object.entries(input ?? {})) {
      if (assignment === null) {
        delete next[userId];
        continue;
      }
      const siblings = Object.entries(next)
        .filter(([id]) => id !== userId)
        .map(([, sibling]) => sibling.orderHint);
      next[userId] = {
        assignedBy: next[userId]?.assignedBy ?? identityOf(caller),
        assignedDateTime: next[userId]?.assignedDateTime ?? isoNow(),
        orderHint: resolveOrderHint(assignment.orderHint, siblings, "last", `assignments.${userId}.orderHint`),
      };
    }
    if (Object.keys(next).length > limits.assigneesPerTask) {
      throw limitExceeded("MaximumAssigneesInTasks", `A task can have at most ${limits.assigneesPerTask} assignees.`);
    }
    return next;
  };

  const completion = (caller: GraphCaller, task: Pick<TaskRecord, "percentComplete" | "completedDateTime" | "completedBy">, percentComplete: number) =>
    percentComplete === 100
      ? {
          completedDateTime: task.percentComplete === 100 ? task.completedDateTime : isoNow(),
          completedBy: task.percentComplete === 100 ? task.completedBy : identityOf(caller),
        }
      : { completedDateTime: null, completedBy: null };

  const siblingTaskHints = (planId: string, exceptId?: string) =>
    data.tasks.filter((task) => task.planId === planId && task.id !== exceptId).map((task) => task.orderHint);

  return {
    data,
    addGroup(group) {
      if (groupById(group.id)) throw new Error(`group ${group.id} already exists`);
      data.groups.push(group);
      changed();
    },
    noteCaller(caller) {
      if (caller.kind !== "delegated" || caller.displayName === undefined) return;
      if (data.userNames[caller.userId] === caller.displayName) return;
      data.userNames[caller.userId] = caller.displayName;
      changed();
    },
    plansOfGroup(caller, groupId) {
      reachGroup(caller, groupId);
      return data.plans.filter((plan) => plan.groupId === groupId);
    },
    plansOfMe(caller) {
      requireRead(caller);
      return data.plans.filter((plan) => {
        const group = groupById(plan.groupId);
        return group !== undefined && isMember(group, caller);
      });
    },
    plan: (caller, planId) => reachPlan(caller, planId),
    createPlan(caller, input) {
      requireWrite(caller);
      const groupId = containerGroupId(input);
      const group = reachGroup(caller, groupId);
      if (data.plans.filter((plan) => plan.groupId === group.id).length >= limits.plansPerGroup) {
        throw limitExceeded("MaximumProjectsOwnedByUser", `A group can contain at most ${limits.plansPerGroup} plans.`);
      }
      const plan: PlanRecord = { id: options.newId(), groupId: group.id, title: input.title, createdBy: identityOf(caller), createdDateTime: isoNow(), etag: nextEtag("Plan") };
      data.plans.push(plan);
      changed();
      return plan;
    },
    bucketsOfPlan(caller, planId) {
      reachPlan(caller, planId);
      return data.buckets.filter((bucket) => bucket.planId === planId);
    },
    bucket: (caller, bucketId) => reachBucket(caller, bucketId),
    createBucket(caller, input) {
      requireWrite(caller);
      const plan = reachPlan(caller, input.planId);
      const siblings = data.buckets.filter((bucket) => bucket.planId === plan.id);
      if (siblings.length >= limits.bucketsPerPlan) {
        throw limitExceeded("MaximumBucketsInProject", `A plan can have at most ${limits.bucketsPerPlan} buckets.`);
      }
      const orderHint = resolveOrderHint(
        input.orderHint,
        siblings.map((bucket) => bucket.orderHint),
        "last",
        "orderHint",
      );
      const bucket: BucketRecord = { id: options.newId(), planId: plan.id, name: input.name, orderHint, etag: nextEtag("Bucket") };
      data.buckets.push(bucket);
      changed();
      return bucket;
    },
    tasksOfPlan(caller, planId) {
      reachPlan(caller, planId);
      return data.tasks.filter((task) => task.planId === planId);
    },
    tasksOfBucket(caller, bucketId) {
      reachBucket(caller, bucketId);
      return data.tasks.filter((task) => task.bucketId === bucketId);
    },
    task: (caller, taskId) => reachTask(caller, taskId),
    createTask(caller, input, detailsDelay) {
      requireWrite(caller);
      const plan = reachPlan(caller, input.planId);
      if (data.tasks.filter((task) => task.planId === plan.id).length >= limits.tasksPerPlan) {
        throw limitExceeded("MaximumTasksInProject", `A plan can hold at most ${limits.tasksPerPlan} tasks.`);
      }
      checkBucketInPlan(input.bucketId, plan.id);
      const startDateTime = input.startDateTime ?? null;
      const dueDateTime = input.dueDateTime ?? null;
      checkDates(startDateTime, dueDateTime);
      for (const [userId, assignment] of Object.entries(input.assignments ?? {})) {
        if (assignment === null) throw badRequest(`Invalid value for property 'assignments.${userId}': a new task has no assignment to remove.`);
      }
      const percentComplete = input.percentComplete ?? 0;
      const unfinished = { percentComplete: 0, completedDateTime: null, completedBy: null };
      const task: TaskRecord = {
        id: options.newId(),
        planId: plan.id,
        bucketId: input.bucketId ?? null,
        title: input.title,
        orderHint: resolveOrderHint(input.orderHint, siblingTaskHints(plan.id), "first", "orderHint"),
        assigneePriority: input.assigneePriority === undefined ? "" : resolveOrderHint(input.assigneePriority, [], "first", "assigneePriority"),
        percentComplete,
        priority: input.priority ?? 5,
        startDateTime,
        dueDateTime,
        createdDateTime: isoNow(),
        ...completion(caller, unfinished, percentComplete),
        createdBy: identityOf(caller),
        conversationThreadId: input.conversationThreadId ?? null,
        appliedCategories: { ...input.appliedCategories },
        assignments: mergeAssignments(caller, {}, input.assignments),
        previewType: input.previewType ?? "automatic",
        etag: nextEtag("Task"),
        detailsHiddenUntil: 0,
      };
      task.detailsHiddenUntil = now() + detailsDelay();
      data.tasks.push(task);
      data.details.push({ id: task.id, description: "", references: {}, checklist: {}, etag: nextEtag("TaskDetails") });
      changed();
      return task;
    },
    patchTask(caller, taskId, ifMatch, input) {
      requireWrite(caller);
      const task = reachTask(caller, taskId);
      checkIfMatch(ifMatch, "Task", task.etag);
      checkBucketInPlan(input.bucketId, task.planId);
      const startDateTime = input.startDateTime === undefined ? task.startDateTime : input.startDateTime;
      const dueDateTime = input.dueDateTime === undefined ? task.dueDateTime : input.dueDateTime;
      checkDates(startDateTime, dueDateTime);
      const percentComplete = input.percentComplete ?? task.percentComplete;
      const next: TaskRecord = {
        ...task,
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.bucketId === undefined ? {} : { bucketId: input.bucketId }),
        ...(input.priority === undefined ? {} : { priority: input.priority }),
        ...(input.previewType === undefined ? {} : { previewType: input.previewType }),
        ...(input.conversationThreadId === undefined ? {} : { conversationThreadId: input.conversationThreadId }),
        ...(input.appliedCategories === undefined ? {} : { appliedCategories: { ...task.appliedCategories, ...input.appliedCategories } }),
        ...(input.orderHint === undefined ? {} : { orderHint: resolveOrderHint(input.orderHint, siblingTaskHints(task.planId, task.id), "first", "orderHint") }),
        ...(input.assigneePriority === undefined ? {} : { assigneePriority: resolveOrderHint(input.assigneePriority, [], "first", "assigneePriority") }),
        startDateTime,
        dueDateTime,
        percentComplete,
        ...completion(caller, task, percentComplete),
        assignments: mergeAssignments(caller, task.assignments, input.assignments),
        etag: nextEtag("Task"),
      };
      Object.assign(task, next);
      changed();
      return task;
    },
    deleteTask(caller, taskId, ifMatch) {
      requireWrite(caller);
      const task = reachTask(caller, taskId);
      checkIfMatch(ifMatch, "Task", task.etag);
      data.tasks.splice(data.tasks.indexOf(task), 1);
      const details = detailsById(taskId);
      if (details) data.details.splice(data.details.indexOf(details), 1);
      changed();
    },
    details: (caller, taskId) => reachDetails(caller, taskId).details,
    patchDetails(caller, taskId, ifMatch, input) {
      requireWrite(caller);
      const { task, details } = reachDetails(caller, taskId);
      checkIfMatch(ifMatch, "TaskDetails", details.etag);
      const modified = { lastModifiedBy: identityOf(caller), lastModifiedDateTime: isoNow() };

      const references = { ...details.references };
      for (const [key, reference] of Object.entries(input.references ?? {})) {
        checkReferenceKey(key);
        if (reference === null) {
          delete references[key];
          continue;
        }
        const existing = references[key];
        const siblings = Object.entries(references)
          .filter(([other]) => other !== key)
          .map(([, sibling]) => sibling.previewPriority);
        references[key] = {
          alias: reference.alias === undefined ? (existing?.alias ?? null) : reference.alias,
          type: reference.type === undefined ? (existing?.type ?? null) : reference.type,
          previewPriority:
            reference.previewPriority === undefined && existing
              ? existing.previewPriority
              : resolveOrderHint(reference.previewPriority, siblings, "first", `references.${key}.previewPriority`),
          ...modified,
        };
      }
      if (Object.keys(references).length > limits.referencesPerTask) {
        throw limitExceeded("MaximumReferencesOnTask", `A task can have at most ${limits.referencesPerTask} references.`);
      }

      const checklist = { ...details.checklist };
      for (const [itemId, item] of Object.entries(input.checklist ?? {})) {
        if (item === null) {
          delete checklist[itemId];
          continue;
        }
        const existing = checklist[itemId];
        const title = item.title ?? existing?.title;
        if (title === undefined) throw badRequest(`Invalid value for property 'checklist.${itemId}.title': is required for a new checklist item.`);
        const siblings = Object.entries(checklist)
          .filter(([other]) => other !== itemId)
          .map(([, sibling]) => sibling.orderHint);
        checklist[itemId] = {
          title,
          isChecked: item.isChecked ?? existing?.isChecked ?? false,
          orderHint:
            item.orderHint === undefined && existing ? existing.orderHint : resolveOrderHint(item.orderHint, siblings, "last", `checklist.${itemId}.orderHint`),
          ...modified,
        };
      }
      if (Object.keys(checklist).length > limits.checklistItemsPerTask) {
        throw limitExceeded("MaximumChecklistItemsOnTask", `A task can have at most ${limits.checklistItemsPerTask} checklist items.`);
      }

      Object.assign(details, {
        description: input.description === undefined ? details.description : (input.description ?? ""),
        references,
        checklist,
        etag: nextEtag("TaskDetails"),
      });
      // the task shows hasDescription, counts and previewType derived from its details: it changed too
      Object.assign(task, { ...(input.previewType === undefined ? {} : { previewType: input.previewType }), etag: nextEtag("Task") });
      changed();
      return { task, details };
    },
    detailsOf: (taskId) => detailsById(taskId),
    groupOfPlan: (planId) => {
      const plan = planById(planId);
      return plan ? groupById(plan.groupId) : undefined;
    },
  };
}

/** The group a new plan goes into: `container` by id or by URL (`…/groups/{id}`), or the older `owner`. */
function containerGroupId(input: CreatePlanInput): string {
  const { container } = input;
  if (!container) return input.owner ?? "";
  if (container.type !== undefined && container.type !== "group") {
    throw badRequest(`Invalid value for property 'container.type': only group containers are emulated, not '${container.type}'.`);
  }
  if (container.containerId !== undefined) return container.containerId;
  const match = container.url === undefined ? null : /\/groups\/([^/?#]+)$/.exec(container.url);
  if (!match?.[1]) throw badRequest("Invalid value for property 'container': give containerId and type, or a url ending in /groups/{group-id}.");
  return decodeURIComponent(match[1]);
}

/**
 * A reference's key is its URL with `%`, `.`, `:`, `@` and `#` percent-encoded (JSON property names
 * with those characters mean something else to OData). A raw one, or one that does not decode to an
 * absolute URL, is a 400 naming the key.
 */
function checkReferenceKey(key: string): void {
  if (/[.:@#]/.test(key)) {
    throw badRequest(`Invalid reference key '${key}': encode '%', '.', ':', '@' and '#' in the URL (for example '.' as %2E).`);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    throw badRequest(`Invalid reference key '${key}': it is not a valid percent-encoded URL.`);
  }
  if (!URL.canParse(decoded)) throw badRequest(`Invalid reference key '${key}': it does not decode to an absolute URL.`);
}
