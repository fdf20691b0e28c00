import { Router } from "express";
import { isFacilitator, projectStateFor } from "../../../src/domain/index.ts";
import type { CarryOverResponse, MeetingSnapshotResponse } from "../../../src/protocol/rest.ts";
import type { RoleResolver, TokenVerifier } from "../../auth/identity.ts";
import type { MeetingService } from "../../meetings/meetingService.ts";
import { authenticate, identityOf } from "../authenticate.ts";
import { HttpError } from "../errors.ts";
import { parseOr400 } from "../validate.ts";
import { MeetingParamsSchema } from "./schema.ts";

/**
 * `GET /api/meetings/:meetingId`: the meeting as the caller may see it, for clients that cannot hold a socket.
 * `GET /api/meetings/:meetingId/carry-over`: the open items of the last meeting ended in its space.
 */
export function meetingRoutes(deps: { verifier: TokenVerifier; roleResolver: RoleResolver; meetings: MeetingService }): Router {
  const router = Router();
  router.get("/api/meetings/:meetingId", authenticate(deps.verifier), async (request, response) => {
    const { meetingId } = parseOr400(MeetingParamsSchema, request.params, "params");
    const identity = identityOf(request);
    const role = await deps.roleResolver.resolve({ tenantId: identity.tenantId, meetingId, userId: identity.userId });
    if (role === null) throw new HttpError(403, "forbidden", "You are not a participant of this meeting.");
    const view = await deps.meetings.view({ tenantId: identity.tenantId, meetingId });
    const body: MeetingSnapshotResponse = {
      meetingId,
      seq: view.seq,
      viewer: { userId: identity.userId, displayName: identity.displayName, meetingRole: role },
      state: projectStateFor(view.state, identity.userId),
    };
    response.json(body);
  });

  router.get("/api/meetings/:meetingId/carry-over", authenticate(deps.verifier), async (request, response) => {
    const { meetingId } = parseOr400(MeetingParamsSchema, request.params, "params");
    const identity = identityOf(request);
    const key = { tenantId: identity.tenantId, meetingId };
    const role = await deps.roleResolver.resolve({ ...key, userId: identity.userId });
    if (role === null) throw new HttpError(403, "forbidden", "You are not a participant of this meeting.");
    // the earlier meeting's open items are for whoever may put them on this agenda
    const view = await deps.meetings.view(key);
    if (!isFacilitator(view.state, identity.userId)) {
      throw new HttpError(403, "forbidden", "Only the organizer or a facilitator who has joined the meeting can carry items over.");
    }
    const body: CarryOverResponse = { offer: await deps.meetings.carryOverOffer(key) };
    response.json(body);
  });
  return router;
}
