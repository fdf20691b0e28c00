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

type GetToken = () => Promise<string>;

async function call<T>(getToken: GetToken, meetingId: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/planner${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      authorization: `Bearer ${await getToken()}`,
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
export function fetchPlannerTarget(meetingId: string, getToken: GetToken): Promise<PlannerTargetResponse> {
  return call<PlannerTargetResponse>(getToken, meetingId, "/target");
}

/** Chooses the plan and bucket; the server checks with Planner that the viewer reaches both before saving. */
export function savePlannerTarget(meetingId: string, getToken: GetToken, choice: { planId: string; bucketId: string }): Promise<PlannerTargetResponse> {
  return call<PlannerTargetResponse>(getToken, meetingId, "/target", { method: "PUT", body: choice });
}

/** The plans the viewer can reach, with the team's group plans when `groupId` names the team. */
export async function fetchPlannerPlans(meetingId: string, getToken: GetToken, groupId?: string): Promise<PlannerPlanOption[]> {
  const query = groupId ? `?groupId=${encodeURIComponent(groupId)}` : "";
  return (await call<PlannerPlansResponse>(getToken, meetingId, `/plans${query}`)).plans;
}

/** The buckets of one plan. */
export async function fetchPlannerBuckets(meetingId: string, getToken: GetToken, planId: string): Promise<PlannerBucketOption[]> {
  return (await call<PlannerBucketsResponse>(getToken, meetingId, `/plans/${encodeURIComponent(planId)}/buckets`)).buckets;
}

/** Creates a bucket in a plan (for the meeting series) and returns it. */
export async function createPlannerBucket(meetingId: string, getToken: GetToken, planId: string, name: string): Promise<PlannerBucketOption> {
  return (await call<PlannerBucketResponse>(getToken, meetingId, `/plans/${encodeURIComponent(planId)}/buckets`, { method: "POST", body: { name } })).bucket;
}
