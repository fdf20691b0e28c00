import type { Participant } from "./devIdentity.ts";
import type { Locale, Theme } from "./simulatorOptions.ts";

/**
 * The Teams host side of the teams-js postMessage protocol, as pure functions: a request from an
 * app frame goes in, the reply (and what the page should do about it) comes out. The page in
 * `main.ts` only moves messages and applies effects. Shapes follow teams-js 2.58
 * (`internal/communication.ts`): replies are matched by `uuidAsString`, falling back to `id`; a
 * message without a numeric `id` is an event for a handler.
 */

/** The teams-js version the simulator claims to be, as Teams reports its own. */
export const HOST_SDK_VERSION = "2.58.0";

/** Where an app frame sits, in teams-js's words. */
export type FrameContext = "sidePanel" | "meetingStage" | "content" | "settings";

/** The manifest's entity id for Concord's tab; the app sees it as `context.page.id`. */
export const CONCORD_ENTITY_ID = "concord";

/** Everything the host knows about one app frame when it answers it. */
export interface HostedFrame {
  frameContext: FrameContext;
  participant: Participant;
  tenantId: string;
  meetingId: string;
  chatId: string;
  locale: Locale;
  theme: Theme;
  /** Fresh for every load of the frame, as Teams gives each app launch its own session. */
  appSessionId: string;
}

/** The tab configuration an app hands Teams with `pages.config.setConfig` / `settings.setSettings`. */
export interface TabSettings {
  entityId?: string;
  contentUrl: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
  removeUrl?: string;
}

/** Meeting-wide state the host consults when answering. */
export interface HostState {
  isAppSharing: boolean;
  tabSettings: TabSettings | null;
}

/** A call from an app: what teams-js posts to its parent window. */
export interface HostRequest {
  id: number;
  uuidAsString: string | undefined;
  func: string;
  args: readonly unknown[];
}

/** The answer to a {@link HostRequest}. */
export interface HostReply {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

/** A host-to-app event such as `themeChange`; it carries no `id`, which is how teams-js tells it from a reply. */
export interface HostEvent {
  func: string;
  args: unknown[];
}

/** teams-js's `SdkError`. */
export interface SdkError {
  errorCode: number;
  message?: string;
}

/** teams-js's `ErrorCode` values the simulator uses. */
export const SdkErrorCode = {
  PERMISSION_DENIED: 1000,
  INVALID_ARGUMENTS: 4000,
} as const;

/** How far an app in a frame has got, from the messages it sent. */
export type AppStatus =
  | { kind: "initializing" }
  | { kind: "ready" }
  | { kind: "failed"; reason: string; message: string };

/** The outcome of the `settings.save` flow, as the app reports it. */
export type SaveOutcome = { isSuccess: true } | { isSuccess: false; reason: string };

/** What the page must do besides replying. */
export type HostEffect =
  | { kind: "shareToStage"; url: string }
  | { kind: "stopSharingToStage" }
  | { kind: "recordSettings"; settings: TabSettings }
  | { kind: "setValidity"; isValid: boolean }
  | { kind: "saveFinished"; outcome: SaveOutcome }
  | { kind: "appStatus"; status: AppStatus }
  | { kind: "handlerRegistered"; name: string }
  | { kind: "unanswered"; func: string };

/** Who asks the dev identity provider for a token: the body of `POST /dev/idp/token`. */
export interface DevTokenRequestBody {
  tenantId: string;
  userId: string;
  displayName: string;
  userPrincipalName: string;
}

/** Either a reply now, or a token to fetch first (then answer with {@link tokenReplyArgs}). */
export type HostDecision =
  | { kind: "reply"; args: unknown[]; effects: HostEffect[] }
  | { kind: "fetchToken"; body: DevTokenRequestBody };

/** Reads a posted message as a teams-js request, or null for anything else (devtools, extensions, stray events). */
export function parseHostRequest(data: unknown): HostRequest | null {
  if (typeof data !== "object" || data === null) return null;
  const candidate = data as Record<string, unknown>;
  const { id, func, args, uuidAsString } = candidate;
  if (typeof id !== "number" || !Number.isInteger(id) || typeof func !== "string" || func === "") return null;
  return {
    id,
    uuidAsString: typeof uuidAsString === "string" ? uuidAsString : undefined,
    func,
    args: Array.isArray(args) ? (args as unknown[]) : [],
  };
}

/** The reply message for `request`, carrying the ids teams-js matches it by. */
export function replyTo(request: HostRequest, args: unknown[]): HostReply {
  return request.uuidAsString === undefined ? { id: request.id, args } : { id: request.id, uuidAsString: request.uuidAsString, args };
}

/** The event a host sends every frame when the user switches theme. */
export function themeChangeEvent(theme: Theme): HostEvent {
  return { func: "themeChange", args: [theme] };
}

/** The event a host sends the configuration frame when the user presses Save. */
export function settingsSaveEvent(): HostEvent {
  return { func: "settings.save", args: [{}] };
}

/**
 * What the simulator supports, as Teams' `runtimeConfig`. teams-js reads capabilities from it:
 * `pages.config` makes `pages.config.isSupported()` true (and with it `settings.*`), `teamsCore`
 * covers the load and unload handlers. The meeting APIs check only the frame context in 2.58;
 * `meeting` is listed because Teams lists it. Nothing is listed that the simulator does not answer.
 */
export function runtimeConfig(): { apiVersion: number; isLegacyTeams: boolean; supports: Record<string, unknown> } {
  return {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: {
      appEntity: {},
      meeting: {},
      pages: { config: {} },
      teamsCore: {},
    },
  };
}

/** The v1-named context Teams sends for `getContext`; teams-js maps it to `app.Context`. */
export function contextFor(frame: HostedFrame): Record<string, unknown> {
  return {
    frameContext: frame.frameContext,
    hostName: "Teams",
    hostClientType: "web",
    locale: frame.locale,
    theme: frame.theme,
    entityId: CONCORD_ENTITY_ID,
    userObjectId: frame.participant.userId,
    userPrincipalName: frame.participant.userPrincipalName,
    loginHint: frame.participant.userPrincipalName,
    userDisplayName: frame.participant.displayName,
    tid: frame.tenantId,
    meetingId: frame.meetingId,
    chatId: frame.chatId,
    appSessionId: frame.appSessionId,
    isFullScreen: false,
    isMultiWindow: false,
  };
}

const SHARE_CONTEXTS: readonly FrameContext[] = ["sidePanel", "meetingStage"];

/**
 * Decides the answer to one request from `frame`. `pageOrigin` is the simulator's (and the app's)
 * origin: the only place a stage share or tab configuration may point, as Teams allows only the
 * app's valid domains. Never throws; calls it does not know get `[]` and an `unanswered` effect.
 */
export function answerHostRequest(request: HostRequest, frame: HostedFrame, state: HostState, pageOrigin: string): HostDecision {
  const reply = (args: unknown[], ...effects: HostEffect[]): HostDecision => ({ kind: "reply", args, effects });
  const { args } = request;

  switch (request.func) {
    case "initialize":
      return reply([frame.frameContext, "web", JSON.stringify(runtimeConfig()), HOST_SDK_VERSION], {
        kind: "appStatus",
        status: { kind: "initializing" },
      });
    case "getContext":
      return reply([contextFor(frame)]);
    case "authentication.getAuthToken":
      return {
        kind: "fetchToken",
        body: {
          tenantId: frame.tenantId,
          userId: frame.participant.userId,
          displayName: frame.participant.displayName,
          userPrincipalName: frame.participant.userPrincipalName,
        },
      };

    case "meeting.getAppContentStageSharingCapabilities":
      return SHARE_CONTEXTS.includes(frame.frameContext)
        ? reply([null, { doesAppHaveSharePermission: frame.participant.meetingRole !== "attendee" }])
        : reply([notInThisContext(frame, request.func), null]);
    case "meeting.getAppContentStageSharingState":
      return SHARE_CONTEXTS.includes(frame.frameContext)
        ? reply([null, { isAppSharing: state.isAppSharing }])
        : reply([notInThisContext(frame, request.func), null]);
    case "meeting.shareAppContentToStage": {
      if (!SHARE_CONTEXTS.includes(frame.frameContext)) return reply([notInThisContext(frame, request.func), false]);
      if (frame.participant.meetingRole === "attendee") {
        return reply([sdkError(SdkErrorCode.PERMISSION_DENIED, "Attendees cannot share app content to the meeting stage."), false]);
      }
      const url = sameOriginUrl(args[0], pageOrigin);
      if (url === null) {
        return reply([sdkError(SdkErrorCode.INVALID_ARGUMENTS, `The stage URL must be an address on ${pageOrigin}.`), false]);
      }
      return reply([null, true], { kind: "shareToStage", url });
    }
    case "meeting.stopSharingAppContentToStage":
      if (!SHARE_CONTEXTS.includes(frame.frameContext)) return reply([notInThisContext(frame, request.func), false]);
      if (frame.participant.meetingRole === "attendee") {
        return reply([sdkError(SdkErrorCode.PERMISSION_DENIED, "Attendees cannot stop app sharing on the meeting stage."), false]);
      }
      return reply([null, true], { kind: "stopSharingToStage" });

    case "settings.setValidityState":
      return reply([], { kind: "setValidity", isValid: args[0] === true });
    case "settings.setSettings": {
      const settings = parseTabSettings(args[0], pageOrigin);
      if (typeof settings === "string") return reply([false, settings]);
      return reply([true], { kind: "recordSettings", settings });
    }
    case "settings.getSettings":
      return reply([state.tabSettings ?? {}]);
    case "settings.save.success":
      return reply([], { kind: "saveFinished", outcome: { isSuccess: true } });
    case "settings.save.failure":
      return reply([], { kind: "saveFinished", outcome: { isSuccess: false, reason: typeof args[0] === "string" ? args[0] : "no reason given" } });

    case "appInitialization.appLoaded":
      return reply([]);
    case "appInitialization.success":
      return reply([], { kind: "appStatus", status: { kind: "ready" } });
    case "appInitialization.failure":
    case "appInitialization.expectedFailure":
      return reply([], {
        kind: "appStatus",
        status: { kind: "failed", reason: typeof args[0] === "string" ? args[0] : "Other", message: typeof args[1] === "string" ? args[1] : "" },
      });
    case "registerHandler":
      return reply([], { kind: "handlerRegistered", name: String(args[0]) });
    default:
      return reply([], { kind: "unanswered", func: request.func });
  }
}

/**
 * The reply to `authentication.getAuthToken` once the dev identity provider answered: teams-js
 * resolves with the token on `[true, token]` and rejects with the reason on `[false, reason]`.
 */
export function tokenReplyArgs(outcome: { token: string } | { error: string }): unknown[] {
  return "token" in outcome ? [true, outcome.token] : [false, outcome.error];
}

/** Reads the dev identity provider's HTTP answer (`{token}` on success, `{error:{message}}` otherwise). */
export function readTokenResponse(status: number, body: unknown): { token: string } | { error: string } {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (status >= 200 && status < 300 && typeof record.token === "string" && record.token !== "") return { token: record.token };
  const error = typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>) : {};
  const detail = typeof error.message === "string" ? `: ${error.message}` : status >= 200 && status < 300 ? ": the answer had no token" : "";
  return { error: `The dev identity provider (POST /dev/idp/token) answered HTTP ${status}${detail}` };
}

function sdkError(errorCode: number, message: string): SdkError {
  return { errorCode, message };
}

function notInThisContext(frame: HostedFrame, func: string): SdkError {
  return sdkError(SdkErrorCode.PERMISSION_DENIED, `${func} is not available in the ${frame.frameContext} frame context.`);
}

function sameOriginUrl(value: unknown, pageOrigin: string): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    const url = new URL(value, pageOrigin);
    return url.origin === pageOrigin ? url.href : null;
  } catch {
    return null;
  }
}

function parseTabSettings(value: unknown, pageOrigin: string): TabSettings | string {
  if (typeof value !== "object" || value === null) return "The tab settings must be an object.";
  const record = value as Record<string, unknown>;
  const contentUrl = sameOriginUrl(record.contentUrl, pageOrigin);
  if (contentUrl === null) return `contentUrl must be an address on ${pageOrigin}.`;
  const settings: TabSettings = { contentUrl };
  for (const key of ["entityId", "websiteUrl", "suggestedDisplayName", "removeUrl"] as const) {
    const field = record[key];
    if (field === undefined) continue;
    if (typeof field !== "string") return `${key} must be a string.`;
    settings[key] = field;
  }
  return settings;
}
