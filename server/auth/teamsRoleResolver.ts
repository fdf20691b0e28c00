import { z } from "zod";
import type { MeetingRole } from "../../src/protocol/ids.ts";
import type { BotTokenProvider } from "./botTokenProvider.ts";
import { describeFetchFailure } from "./fetchFailure.ts";
import type { RoleResolver } from "./identity.ts";

/** How long a resolved role is reused. Short: an organizer can promote or demote someone mid-meeting. */
export const ROLE_CACHE_TTL_MS = 60_000;

/** Most cached roles kept at once; expired entries go first, then the oldest. */
export const ROLE_CACHE_MAX_ENTRIES = 10_000;

/** How long one participant API call may take before it fails. */
export const PARTICIPANT_API_TIMEOUT_MS = 5_000;

export interface TeamsRoleResolverOptions {
  /**
   * The Bot Framework regional service URL, e.g. `https://smba.trafficmanager.net/amer/`, from
   * configuration. Teams tells the bot its real service URL in each activity (the `conversationUpdate`
   * when the app joins a meeting chat); learning and persisting it from there is the follow-up.
   */
  serviceUrl: string;
  tokenProvider: BotTokenProvider;
  timeoutMs?: number;
  /** Current time in ms since the epoch; injectable so tests never wait. */
  now?: () => number;
}

/** Teams could not say what someone's role is (as opposed to saying they are not a participant). */
export class RoleResolutionError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RoleResolutionError";
  }
}

const ParticipantSchema = z.object({ meeting: z.object({ role: z.string() }) });

/**
 * The production role resolver: asks Teams' meeting participant API
 * (`GET {serviceUrl}/v1/meetings/{meetingId}/participants/{oid}?tenantId={tid}`) with a Bot Framework
 * token. 404 means not a participant (null); other failures throw {@link RoleResolutionError}.
 * Roles are cached for {@link ROLE_CACHE_TTL_MS}; "not a participant" is not cached, so someone just
 * admitted from the lobby gets in on their next try.
 */
export function createTeamsRoleResolver(options: TeamsRoleResolverOptions): RoleResolver {
  const serviceUrl = options.serviceUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? PARTICIPANT_API_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { role: MeetingRole; expiresAt: number }>();

  const remember = (key: string, role: MeetingRole): void => {
    const at = now();
    if (cache.size >= ROLE_CACHE_MAX_ENTRIES) {
      for (const [cachedKey, entry] of cache) if (entry.expiresAt <= at) cache.delete(cachedKey);
    }
    if (cache.size >= ROLE_CACHE_MAX_ENTRIES) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, { role, expiresAt: at + ROLE_CACHE_TTL_MS });
  };

  return {
    async resolve({ tenantId, meetingId, userId }) {
      const key = JSON.stringify([tenantId, meetingId, userId]);
      const cached = cache.get(key);
      if (cached && now() < cached.expiresAt) return cached.role;
      cache.delete(key);

      const url =
        `${serviceUrl}/v1/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(userId)}` +
        `?${new URLSearchParams({ tenantId }).toString()}`;
      const token = await options.tokenProvider.getToken();
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, accept: "application/json" },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new RoleResolutionError(`meeting participant API failed: ${describeFetchFailure(error)}`);
      }
      if (response.status === 404) return null;
      if (response.status === 401 || response.status === 403) {
        throw new RoleResolutionError(
          `meeting participant API refused the bot (HTTP ${response.status}); is the app installed in the meeting and the bot registered?`,
          response.status,
        );
      }
      if (!response.ok) throw new RoleResolutionError(`meeting participant API failed with HTTP ${response.status}`, response.status);

      const participant = ParticipantSchema.safeParse(await response.json().catch(() => undefined));
      if (!participant.success) throw new RoleResolutionError("meeting participant API answered without meeting.role");
      const role = meetingRoleFrom(participant.data.meeting.role);
      remember(key, role);
      return role;
    },
  };
}

/**
 * Maps Teams' role names onto Concord's. A role Teams adds later (co-organizer, say) gets the least
 * privilege rather than locking the person out of the meeting.
 */
export function meetingRoleFrom(teamsRole: string): MeetingRole {
  switch (teamsRole.toLowerCase()) {
    case "organizer":
      return "organizer";
    case "presenter":
      return "presenter";
    default:
      return "attendee";
  }
}
