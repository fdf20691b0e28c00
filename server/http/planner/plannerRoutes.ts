import { Router, type Request } from "express";
import { isFacilitator } from "../../../src/domain/index.ts";
import type { PlannerBucketResponse, PlannerBucketsResponse, PlannerPlansResponse, PlannerTargetResponse } from "../../../src/protocol/plannerRest.ts";
import type { RoleResolver, TokenVerifier } from "../../auth/identity.ts";
import type { MeetingService } from "../../meetings/meetingService.ts";
import { spaceOfMeeting } from "../../meetings/space.ts";
import { describeAnswer, type PlannerAnswer, type PlannerApi } from "../../planner/plannerApi.ts";
import { getBucket, getPlan, listReachablePlans } from "../../planner/plannerDirectory.ts";
import { TokenUnavailableError, type GraphTokenRequest } from "../../planner/tokens.ts";
import type { PlannerTargetStore } from "../../store/plannerTargetStore.ts";
import { authenticate, identityOf } from "../authenticate.ts";
import { HttpError } from "../errors.ts";
import { parseOr400 } from "../validate.ts";
import { CreatePlannerBucketBodySchema, PlannerMeetingParamsSchema, PlannerPlanParamsSchema, PlannerPlansQuerySchema, SetPlannerTargetBodySchema } from "./schema.ts";

/** What the Planner routes need besides identity and meetings: the targets, Planner as the caller, and the time. */
export interface PlannerServices {
  targets: PlannerTargetStore;
  /**
   * Planner acting as one person with their delegated permission, so a picker lists only what they
   * can reach and a target is checked against their access. Null when this server has no Graph access.
   */
  plannerFor: ((caller: GraphTokenRequest) => PlannerApi) | null;
  now: () => number;
}

/** Dependencies of {@link plannerRoutes}. */
export interface PlannerRouteDeps extends PlannerServices {
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  meetings: MeetingService;
}

/**
 * Where a meeting's space sends its commitments in Planner:
 * - `GET /api/meetings/:meetingId/planner/target`: the target or null, for every participant;
 * - `PUT /api/meetings/:meetingId/planner/target {planId, bucketId}`: the organizer or a facilitator,
 *   after Planner confirms with their own permission that they reach both; nothing is saved otherwise.
 *   Once saved, the meeting records `commitments.targetChosen`, so its open tabs show it at once;
 * - `GET …/planner/plans[?groupId=]`, `GET …/planner/plans/:planId/buckets`, `POST …/buckets {name}`:
 *   the pickers, for the same people. `groupId` (the team of a channel meeting, from the tab's host)
 *   is not trusted: its plans are read with the caller's own permission, so Planner refuses a group
 *   they are not a member of, and its plans are then simply not offered.
 * Commitments already in Planner stay where they are when the target changes; only new writes follow it.
 */
export function plannerRoutes(deps: PlannerRouteDeps): Router {
  const router = Router();
  const guard = authenticate(deps.verifier);

  router.get("/api/meetings/:meetingId/planner/target", guard, async (request, response) => {
    const { meetingId } = parseOr400(PlannerMeetingParamsSchema, request.params, "params");
    const caller = await participantOf(deps, request, meetingId);
    const body: PlannerTargetResponse = {
      target: await deps.targets.get({ tenantId: caller.tenantId, spaceId: spaceOfMeeting(meetingId) }),
      canChange: caller.canChange,
    };
    response.json(body);
  });

  router.put("/api/meetings/:meetingId/planner/target", guard, async (request, response) => {
    const { meetingId } = parseOr400(PlannerMeetingParamsSchema, request.params, "params");
    const { planId, bucketId } = parseOr400(SetPlannerTargetBodySchema, request.body, "body");
    const caller = await changerOf(deps, request, meetingId);
    const planner = plannerAs(deps, caller);
    const plan = await reached(getPlan(planner, planId), "planId", "plan", planId);
    const bucket = await reached(getBucket(planner, bucketId), "bucketId", "bucket", bucketId);
    if (bucket.planId !== plan.id) {
      throw fieldError(400, "invalidRequest", "bucketId", `bucket ${bucketId} belongs to another plan than "${plan.title}"; choose one of its buckets.`);
    }
    const target = await deps.targets.set(
      { tenantId: caller.tenantId, spaceId: spaceOfMeeting(meetingId) },
      { planId: plan.id, planName: plan.title, bucketId: bucket.id, bucketName: bucket.name, setBy: caller.userId, setAt: deps.now() },
    );
    // after the store, so a tab that reads the target on hearing the event reads the new one
    const noted = await deps.meetings.executeSystem({ tenantId: caller.tenantId, meetingId }, { type: "commitments.recordTargetChosen", target });
    if (noted.kind === "rejected") throw new Error(`the meeting refused the Planner target it was told of: ${noted.rejection.message}`);
    const body: PlannerTargetResponse = { target, canChange: true };
    response.json(body);
  });

  router.get("/api/meetings/:meetingId/planner/plans", guard, async (request, response) => {
    const { meetingId } = parseOr400(PlannerMeetingParamsSchema, request.params, "params");
    const { groupId } = parseOr400(PlannerPlansQuerySchema, request.query, "query");
    const caller = await changerOf(deps, request, meetingId);
    const plans = await answered(listReachablePlans(plannerAs(deps, caller), groupId));
    const body: PlannerPlansResponse = { plans: plans.map(({ id, title }) => ({ id, title })) };
    response.json(body);
  });

  router.get("/api/meetings/:meetingId/planner/plans/:planId/buckets", guard, async (request, response) => {
    const { meetingId, planId } = parseOr400(PlannerPlanParamsSchema, request.params, "params");
    const caller = await changerOf(deps, request, meetingId);
    const buckets = await reached(plannerAs(deps, caller).listBuckets(planId), "planId", "plan", planId, "params");
    const body: PlannerBucketsResponse = { buckets: buckets.map(({ id, name }) => ({ id, name })) };
    response.json(body);
  });

  router.post("/api/meetings/:meetingId/planner/plans/:planId/buckets", guard, async (request, response) => {
    const { meetingId, planId } = parseOr400(PlannerPlanParamsSchema, request.params, "params");
    const { name } = parseOr400(CreatePlannerBucketBodySchema, request.body, "body");
    const caller = await changerOf(deps, request, meetingId);
    const bucket = await reached(plannerAs(deps, caller).createBucket(planId, name), "planId", "plan", planId, "params");
    const body: PlannerBucketResponse = { bucket: { id: bucket.id, name: bucket.name } };
    response.status(201).json(body);
  });
  return router;
}

interface Caller {
  tenantId: string;
  userId: string;
  canChange: boolean;
}

/** The caller as a participant of the meeting (403 otherwise), and whether they may change where tasks go. */
async function participantOf(deps: PlannerRouteDeps, request: Request, meetingId: string): Promise<Caller> {
  const { tenantId, userId } = identityOf(request);
  // the resolver is keyed by tenant: someone from another tenant is no participant, so reads nothing
  const role = await deps.roleResolver.resolve({ tenantId, meetingId, userId });
  if (role === null) throw new HttpError(403, "forbidden", "You are not a participant of this meeting.");
  // the organizer chooses on the settings page, often before joining; a facilitator once in the meeting
  const canChange = role === "organizer" || isFacilitator((await deps.meetings.view({ tenantId, meetingId })).state, userId);
  return { tenantId, userId, canChange };
}

async function changerOf(deps: PlannerRouteDeps, request: Request, meetingId: string): Promise<Caller> {
  const caller = await participantOf(deps, request, meetingId);
  if (!caller.canChange) {
    throw new HttpError(403, "forbidden", "Only the meeting's organizer or a facilitator can choose where its commitments go in Planner.");
  }
  return caller;
}

function plannerAs(deps: PlannerRouteDeps, caller: Caller): PlannerApi {
  if (deps.plannerFor === null) throw new HttpError(503, "plannerUnavailable", "This Concord server is not connected to Microsoft Planner.");
  return deps.plannerFor({ tenantId: caller.tenantId, userId: caller.userId });
}

type Result<T> = { ok: true; value: T } | { ok: false; answer: PlannerAnswer };

/** The value Planner gave, or a 502/503 saying Planner could not be asked or did not answer as it should. */
async function answered<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await withToken(pending);
  if (result.ok) return result.value;
  throw unavailable(result.answer);
}

/**
 * The value Planner gave with the caller's permission. Planner's "forbidden" becomes a 403 and its
 * "not found" a 400, each naming the field, so the picker shows what to choose differently.
 */
async function reached<T>(
  pending: Promise<Result<T>>,
  field: "planId" | "bucketId",
  what: "plan" | "bucket",
  id: string,
  part: "body" | "params" = "body",
): Promise<T> {
  const result = await withToken(pending);
  if (result.ok) return result.value;
  const { status, code } = result.answer;
  // a service limit reached (MaximumBucketsInProject…) is a 403 too, but about the plan's size, not access
  if (status === 403 && code.startsWith("Maximum")) throw fieldError(400, "invalidRequest", field, `Planner refused it: ${result.answer.message}`, part);
  if (status === 403) {
    throw fieldError(403, "plannerForbidden", field, `you cannot reach ${what} ${id} in Planner (you are not a member of its group); choose one you can open.`, part);
  }
  if (status === 404) throw fieldError(400, "invalidRequest", field, `there is no ${what} ${id} in Planner that you can reach.`, part);
  if (status === 400) throw fieldError(400, "invalidRequest", field, `Planner refused it: ${result.answer.message}`, part);
  throw unavailable(result.answer);
}

async function withToken<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof TokenUnavailableError) throw new HttpError(503, "plannerUnavailable", `Concord could not act in Planner for you: ${error.message}`);
    throw error;
  }
}

function unavailable(answer: PlannerAnswer): HttpError {
  return new HttpError(answer.status === 429 ? 503 : 502, "plannerUnavailable", `${describeAnswer(answer)}. Nothing was saved; try again.`);
}

function fieldError(status: number, code: string, field: string, message: string, part: "body" | "params" = "body"): HttpError {
  return new HttpError(status, code, `${field}: ${message}`, [{ path: `${part}.${field}`, message }]);
}
