import type {
  PlannerBucketOption,
  PlannerBucketResponse,
  PlannerBucketsResponse,
  PlannerPlanOption,
  PlannerPlansResponse,
  PlannerTargetResponse,
} from "../../protocol/plannerRest.ts";

/** A refusal or failure of a Planner route, with the server's sentence (which names the field at fault). */
export class PlannerApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "PlannerApiError";
  }
}

/**
 * Whom the Planner routes are asked for: the meeting (whose space holds the target), the viewer's
 * token, and the server (this page's own unless `origin` names another, as tests do).
 */
export interface PlannerCaller {
  meetingId: string;
  getToken: () => Promise<string>;
  origin?: string;
}

async function call<T>(caller: PlannerCaller, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${caller.origin ?? ""}/api/meetings/${encodeURIComponent(caller.meetingId)}/planner${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      authorization: `Bearer ${await caller.getToken()}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json().catch(() => null)) as (T & { error?: { code?: string; message?: string } }) | null;
  if (!response.ok || body === null) {
    throw new PlannerApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return body;
}

/** Where the meeting's space sends commitments (null: nowhere yet) and whether the viewer may change it. */
export function fetchPlannerTarget(caller: PlannerCaller): Promise<PlannerTargetResponse> {
  return call<PlannerTargetResponse>(caller, "/target");
}

/** Chooses the plan and bucket; the server checks with Planner that the viewer reaches both before saving. */
export function savePlannerTarget(caller: PlannerCaller, choice: { planId: string; bucketId: string }): Promise<PlannerTargetResponse> {
  return call<PlannerTargetResponse>(caller, "/target", { method: "PUT", body: choice });
}

/**
 * The plans the viewer can reach, with the team's group plans when `groupId` names the team (a
 * channel meeting). Planner decides what the viewer reaches: a group they are not in adds nothing.
 */
export async function fetchPlannerPlans(caller: PlannerCaller, groupId?: string): Promise<PlannerPlanOption[]> {
  const query = groupId ? `?groupId=${encodeURIComponent(groupId)}` : "";
  return (await call<PlannerPlansResponse>(caller, `/plans${query}`)).plans;
}

/** The buckets of one plan. */
export async function fetchPlannerBuckets(caller: PlannerCaller, planId: string): Promise<PlannerBucketOption[]> {
  return (await call<PlannerBucketsResponse>(caller, `/plans/${encodeURIComponent(planId)}/buckets`)).buckets;
}

/** Creates a bucket in a plan (for the meeting series) and returns it. */
export async function createPlannerBucket(caller: PlannerCaller, planId: string, name: string): Promise<PlannerBucketOption> {
  return (await call<PlannerBucketResponse>(caller, `/plans/${encodeURIComponent(planId)}/buckets`, { method: "POST", body: { name } })).bucket;
}
