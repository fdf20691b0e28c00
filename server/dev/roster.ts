import fs from "node:fs";
import path from "node:path";
import express from "express";
import type { Router } from "express";
import { z } from "zod";
import { DisplayNameSchema, IdSchema, MeetingRoleSchema } from "../../src/protocol/ids.ts";
import { MeetingParamsSchema } from "../../src/protocol/rest.ts";
import type { ErrorBody } from "../../src/protocol/rest.ts";
import { describeIssues, summarizeIssues } from "../../src/protocol/zodErrors.ts";
import type { MeetingRole } from "../../src/protocol/ids.ts";
import type { RoleResolver } from "../auth/identity.ts";

/** Most participants a simulated meeting may hold: Teams' own ceiling for interactive attendees. */
export const MAX_ROSTER_PARTICIPANTS = 1000;

// a full roster of long ids and names is about 400 KB; the API's usual message limit would cut it off
const MAX_ROSTER_BODY_BYTES = 512 * 1024;

export const RosterParticipantSchema = z.object({
  userId: IdSchema,
  displayName: DisplayNameSchema,
  meetingRole: MeetingRoleSchema,
});
export type RosterParticipant = z.infer<typeof RosterParticipantSchema>;

/** Body of `PUT /meetings/:meetingId/roster`: the whole roster, replacing the previous one. */
export const RosterSchema = z.object({
  tenantId: IdSchema,
  participants: z
    .array(RosterParticipantSchema)
    .max(MAX_ROSTER_PARTICIPANTS, `must list at most ${MAX_ROSTER_PARTICIPANTS} participants`)
    .superRefine((participants, context) => {
      const seen = new Set<string>();
      participants.forEach((participant, index) => {
        if (seen.has(participant.userId)) {
          context.addIssue({ code: "custom", path: [index, "userId"], message: "appears more than once" });
        }
        seen.add(participant.userId);
      });
    }),
});
export type Roster = z.infer<typeof RosterSchema>;

/** The simulator's roster: the development stand-in for Teams' meeting participant API. */
export interface DevRoster {
  /** `PUT` and `GET /meetings/:meetingId/roster`; mount it under `/dev`, in development only. */
  router: Router;
  /** Answers from the roster; null when the meeting has no roster, is another tenant's, or lacks the person. */
  resolver: RoleResolver;
}

/** Creates an empty in-memory roster. */
export function createDevRoster(options: { file?: string } = {}): DevRoster {
  const rosters = new Map<string, { roster: Roster; roles: Map<string, MeetingRole> }>();
  const remember = (meetingId: string, roster: Roster) =>
    rosters.set(meetingId, { roster, roles: new Map(roster.participants.map((participant) => [participant.userId, participant.meetingRole])) });
  // Kept on disk so a restarted dev server (npm run dev restarts on every save) still knows who is
  // in the simulator's meetings; otherwise every open side panel would be refused on reconnect.
  for (const [meetingId, roster] of Object.entries(readRosterFile(options.file))) remember(meetingId, roster);
  const persist = () => {
    if (!options.file) return;
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    fs.writeFileSync(options.file, JSON.stringify(Object.fromEntries([...rosters].map(([id, entry]) => [id, entry.roster]))));
  };
  const router = express.Router();

  router.put("/meetings/:meetingId/roster", express.json({ limit: MAX_ROSTER_BODY_BYTES }), (request, response) => {
    const params = MeetingParamsSchema.safeParse(request.params);
    if (!params.success) {
      response.status(400).json(validationError(params.error));
      return;
    }
    const body = RosterSchema.safeParse(request.body);
    if (!body.success) {
      response.status(400).json(validationError(body.error));
      return;
    }
    remember(params.data.meetingId, body.data);
    persist();
    response.json({ meetingId: params.data.meetingId, ...body.data });
  });

  router.get("/meetings/:meetingId/roster", (request, response) => {
    const params = MeetingParamsSchema.safeParse(request.params);
    if (!params.success) {
      response.status(400).json(validationError(params.error));
      return;
    }
    const entry = rosters.get(params.data.meetingId);
    if (!entry) {
      const body: ErrorBody = { error: { code: "notFound", message: `no roster for meeting ${params.data.meetingId}` } };
      response.status(404).json(body);
      return;
    }
    response.json({ meetingId: params.data.meetingId, ...entry.roster });
  });

  return {
    router,
    resolver: {
      resolve: ({ tenantId, meetingId, userId }) => {
        const entry = rosters.get(meetingId);
        if (!entry || entry.roster.tenantId !== tenantId) return Promise.resolve(null);
        return Promise.resolve(entry.roles.get(userId) ?? null);
      },
    },
  };
}

/** Rosters saved by an earlier run; an unreadable file is ignored, as the simulator re-sends rosters on load. */
function readRosterFile(file: string | undefined): Record<string, Roster> {
  if (!file || !fs.existsSync(file)) return {};
  try {
    const parsed = z.record(z.string(), RosterSchema).safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function validationError(error: z.ZodError): ErrorBody {
  return { error: { code: "invalidRequest", message: summarizeIssues(error), fields: describeIssues(error) } };
}
