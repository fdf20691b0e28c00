import type { app } from "@microsoft/teams-js";

/** Where Teams shows the tab. `other` covers contexts Concord has no surface for (task, remove, …). */
export type FrameContext = "content" | "settings" | "sidePanel" | "meetingStage" | "other";

/** The three Teams themes; anything a newer host invents falls back to `default`. */
export type TeamsTheme = "default" | "dark" | "contrast";

/**
 * What the host told us about where and for whom the tab runs. Display only: identity and meeting
 * role come from the server (the token and the role resolver), never from this object.
 */
export interface HostContext {
  frameContext: FrameContext;
  /** The raw frame context the host reported, for messages about unsupported places. */
  rawFrameContext: string;
  theme: TeamsTheme;
  /** BCP 47 tag, e.g. `en-us` or `fr-ca`. */
  locale: string;
  userId: string;
  tenantId: string;
  userDisplayName: string;
  meetingId?: string;
  chatId?: string;
  /**
   * The Microsoft 365 group of the team, when the tab lives in a team (a channel or a channel
   * meeting): its Planner plans are offered besides the viewer's own. Planner, not Concord, decides
   * whether the viewer reaches them.
   */
  groupId?: string;
  entityId?: string;
  hostName: string;
  hostClientType: string;
}

/** The outcome of connecting to the host: a context, or why we are not (or not usably) inside Teams. */
export type TeamsConnection =
  | { kind: "inTeams"; context: HostContext }
  | { kind: "notInTeams"; reason: NotInTeamsReason; detail: string };

/**
 * `noHost`: a top-level window, nothing to talk to. `timeout`: framed by a page that never answered.
 * `failed`: the host answered but initialization or the context request failed.
 */
export type NotInTeamsReason = "noHost" | "timeout" | "failed";

const KNOWN_FRAMES: ReadonlySet<string> = new Set(["content", "settings", "sidePanel", "meetingStage"]);

/** Maps teams-js's context onto the few fields Concord uses, normalizing unknown values. */
export function toHostContext(context: app.Context): HostContext {
  const rawFrameContext = String(context.page.frameContext);
  return {
    frameContext: KNOWN_FRAMES.has(rawFrameContext) ? (rawFrameContext as FrameContext) : "other",
    rawFrameContext,
    theme: normalizeTheme(context.app.theme),
    locale: context.app.locale || "en-us",
    userId: context.user?.id ?? "",
    tenantId: context.user?.tenant?.id ?? "",
    userDisplayName: context.user?.displayName ?? "",
    ...(context.meeting?.id ? { meetingId: context.meeting.id } : {}),
    ...(context.chat?.id ? { chatId: context.chat.id } : {}),
    ...(context.team?.groupId ? { groupId: context.team.groupId } : {}),
    ...(context.page.id ? { entityId: context.page.id } : {}),
    hostName: String(context.app.host.name),
    hostClientType: String(context.app.host.clientType),
  };
}

/** The Teams theme name for whatever string the host sent. */
export function normalizeTheme(theme: string | undefined): TeamsTheme {
  return theme === "dark" || theme === "contrast" ? theme : "default";
}
