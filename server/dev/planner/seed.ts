import { DEV_TENANT_ID } from "../simulator/client/devIdentity.ts";
import { formatEtag } from "./etags.ts";
import { hintBetween } from "./orderHints.ts";
import { emptyPlannerData } from "./plannerStore.ts";
import type { GroupRecord, IdentitySet, PlannerData } from "./plannerStore.ts";

/** Groups, plans and buckets an emulator starts with (and returns to on reset). */
export interface PlannerSeed {
  groups: GroupRecord[];
  plans: { id: string; groupId: string; title: string }[];
  buckets: { id: string; planId: string; name: string }[];
}

/**
 * The ids of the development seed, fixed so the adapter, tests and a newcomer's curl can name them:
 * the group "Leadership team" in the simulator's tenant, its plan "Strategy 2027", two buckets.
 */
export const DEV_PLANNER_IDS = {
  tenantId: DEV_TENANT_ID,
  groupId: "b1e5c0de-1ead-4e55-8000-000000002027",
  planId: "Strategy2027PlanC0ncordDev01",
  commitmentsBucketId: "CommitmentsBucketC0ncordDev1",
  escalationsBucketId: "EscalationsBucketC0ncordDev1",
} as const;

// who "created" the seeded plan: a stand-in application, so no real-looking person is invented
const SEED_CREATOR: IdentitySet = { application: { displayName: "Concord development seed", id: "5eed0000-c0de-4c0d-8000-000000000001" } };

/**
 * The development seed. Every simulated participant's token carries the simulator's tenant id,
 * and the group's membership is "every user of that tenant" (a dynamic-membership group), so
 * whoever the simulator signs in can reach the plan without a member list to keep in step.
 */
export function devPlannerSeed(tenantId: string = DEV_PLANNER_IDS.tenantId): PlannerSeed {
  return {
    groups: [{ id: DEV_PLANNER_IDS.groupId, displayName: "Leadership team", tenantId, members: "allUsersInTenant" }],
    plans: [{ id: DEV_PLANNER_IDS.planId, groupId: DEV_PLANNER_IDS.groupId, title: "Strategy 2027" }],
    buckets: [
      { id: DEV_PLANNER_IDS.commitmentsBucketId, planId: DEV_PLANNER_IDS.planId, name: "Commitments" },
      { id: DEV_PLANNER_IDS.escalationsBucketId, planId: DEV_PLANNER_IDS.planId, name: "Escalations" },
    ],
  };
}

/** Fresh data holding `seed`, with ETags and order hints as the service would have issued them. */
export function seededPlannerData(seed: PlannerSeed, now: number): PlannerData {
  const data = emptyPlannerData();
  const createdDateTime = new Date(now).toISOString();
  data.groups = seed.groups.map((group) => ({ ...group, members: group.members === "allUsersInTenant" ? group.members : [...group.members] }));
  data.plans = seed.plans.map((plan) => ({ ...plan, createdBy: SEED_CREATOR, createdDateTime, etag: formatEtag("Plan", ++data.etagVersion) }));
  let lastHint = "";
  data.buckets = seed.buckets.map((bucket) => {
    lastHint = hintBetween(lastHint, null);
    return { ...bucket, orderHint: lastHint, etag: formatEtag("Bucket", ++data.etagVersion) };
  });
  return data;
}
