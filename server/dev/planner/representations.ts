import type { BucketRecord, DetailsRecord, GroupRecord, PlanRecord, TaskRecord } from "./plannerStore.ts";

/**
 * Graph's JSON for Planner entities, property for property as `planner-v1.0.csdl.xml` declares them
 * (the contract test holds every one of these to that file). Open-type values carry `@odata.type`,
 * as Graph writes them. `serviceRoot` is the emulator's `…/v1.0`, standing where Graph's would.
 */
export type GraphJson = Record<string, unknown>;

export function planJson(plan: PlanRecord, group: GroupRecord | undefined, serviceRoot: string): GraphJson {
  const groupId = group?.id ?? plan.groupId;
  return {
    "@odata.etag": plan.etag,
    createdDateTime: plan.createdDateTime,
    owner: groupId,
    title: plan.title,
    id: plan.id,
    createdBy: plan.createdBy,
    container: {
      "@odata.type": "#microsoft.graph.plannerPlanContainer",
      containerId: groupId,
      type: "group",
      url: `${serviceRoot}/groups/${encodeURIComponent(groupId)}`,
    },
  };
}

export function bucketJson(bucket: BucketRecord): GraphJson {
  return { "@odata.etag": bucket.etag, name: bucket.name, planId: bucket.planId, orderHint: bucket.orderHint, id: bucket.id };
}

/** A task; `hasDescription`, `referenceCount` and the checklist counts are derived from its details. */
export function taskJson(task: TaskRecord, details: DetailsRecord | undefined): GraphJson {
  const checklist = Object.values(details?.checklist ?? {});
  return {
    "@odata.etag": task.etag,
    planId: task.planId,
    bucketId: task.bucketId,
    title: task.title,
    orderHint: task.orderHint,
    assigneePriority: task.assigneePriority,
    percentComplete: task.percentComplete,
    startDateTime: task.startDateTime,
    createdDateTime: task.createdDateTime,
    dueDateTime: task.dueDateTime,
    hasDescription: (details?.description ?? "") !== "",
    previewType: task.previewType,
    completedDateTime: task.completedDateTime,
    completedBy: task.completedBy,
    referenceCount: Object.keys(details?.references ?? {}).length,
    checklistItemCount: checklist.length,
    activeChecklistItemCount: checklist.filter((item) => !item.isChecked).length,
    conversationThreadId: task.conversationThreadId,
    priority: task.priority,
    id: task.id,
    createdBy: task.createdBy,
    appliedCategories: { ...task.appliedCategories },
    assignments: Object.fromEntries(
      Object.entries(task.assignments).map(([userId, assignment]) => [
        userId,
        {
          "@odata.type": "#microsoft.graph.plannerAssignment",
          assignedDateTime: assignment.assignedDateTime,
          orderHint: assignment.orderHint,
          assignedBy: assignment.assignedBy,
        },
      ]),
    ),
  };
}

/** A task's details, with their own ETag; `previewType` is shared with the task. */
export function detailsJson(details: DetailsRecord, task: TaskRecord): GraphJson {
  return {
    "@odata.etag": details.etag,
    description: details.description,
    previewType: task.previewType,
    id: details.id,
    references: Object.fromEntries(
      Object.entries(details.references).map(([key, reference]) => [key, { "@odata.type": "#microsoft.graph.plannerExternalReference", ...reference }]),
    ),
    checklist: Object.fromEntries(
      Object.entries(details.checklist).map(([itemId, item]) => [itemId, { "@odata.type": "#microsoft.graph.plannerChecklistItem", ...item }]),
    ),
  };
}

/** `@odata.context` values, relative to the service root, as Graph writes them. */
export const odataContext = {
  entity: (serviceRoot: string, entitySet: "plans" | "buckets" | "tasks") => `${serviceRoot}/$metadata#planner/${entitySet}/$entity`,
  details: (serviceRoot: string, taskId: string) => `${serviceRoot}/$metadata#planner/tasks('${taskId}')/details/$entity`,
  collection: (serviceRoot: string, path: string) => `${serviceRoot}/$metadata#${path}`,
};
