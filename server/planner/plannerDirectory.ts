import { PlannerBucketSchema, PlannerPlanSchema, parseAnswer, type PlannerApi, type PlannerBucket, type PlannerPlan, type PlannerResult } from "./plannerApi.ts";

/** One plan, read with the caller's permission: a 403 or 404 answer means they cannot reach it. */
export async function getPlan(api: PlannerApi, planId: string): Promise<PlannerResult<PlannerPlan>> {
  return parseAnswer(await api.send({ id: "plan", method: "GET", url: `/planner/plans/${encodeURIComponent(planId)}` }), PlannerPlanSchema);
}

/** One bucket, read with the caller's permission (which needs its plan to be reachable). */
export async function getBucket(api: PlannerApi, bucketId: string): Promise<PlannerResult<PlannerBucket>> {
  return parseAnswer(await api.send({ id: "bucket", method: "GET", url: `/planner/buckets/${encodeURIComponent(bucketId)}` }), PlannerBucketSchema);
}

/**
 * The plans someone can reach: those of their own groups, and the team's group plans when the tab
 * lives in a team (a channel's group may hold plans its members never opened). Each plan once, by
 * title. A team group the caller cannot read adds nothing rather than failing the whole list.
 */
export async function listReachablePlans(api: PlannerApi, groupId?: string): Promise<PlannerResult<PlannerPlan[]>> {
  const mine = await api.listMyPlans();
  if (!mine.ok) return mine;
  const plans = new Map(mine.value.map((plan) => [plan.id, plan]));
  if (groupId !== undefined) {
    const team = await api.listGroupPlans(groupId);
    if (team.ok) for (const plan of team.value) plans.set(plan.id, plan);
    else if (team.answer.status !== 403 && team.answer.status !== 404) return team;
  }
  return { ok: true, value: [...plans.values()].sort((a, b) => a.title.localeCompare(b.title)) };
}
