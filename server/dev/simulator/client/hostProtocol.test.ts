import { describe, expect, it } from "vitest";
import { DEV_TENANT_ID, participantFor } from "./devIdentity.ts";
import {
  answerHostRequest,
  HOST_SDK_VERSION,
  parseHostRequest,
  readTokenResponse,
  replyTo,
  settingsSaveEvent,
  themeChangeEvent,
  tokenReplyArgs,
  type FrameContext,
  type HostDecision,
  type HostedFrame,
  type HostRequest,
  type HostState,
} from "./hostProtocol.ts";
import type { MeetingRole } from "../../../../src/protocol/ids.ts";

const ORIGIN = "http://localhost:3000";
const UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

function frame(frameContext: FrameContext = "sidePanel", role: MeetingRole = "presenter"): HostedFrame {
  return {
    frameContext,
    participant: participantFor("Blake Okafor", role),
    tenantId: DEV_TENANT_ID,
    meetingId: "meeting-1",
    chatId: "19:meeting_1@thread.v2",
    locale: "fr-CA",
    theme: "dark",
    appSessionId: "session-1",
  };
}

function request(func: string, ...args: unknown[]): HostRequest {
  return { id: 7, uuidAsString: UUID, func, args };
}

function answer(func: string, args: unknown[] = [], options: { frame?: HostedFrame; state?: Partial<HostState> } = {}): HostDecision {
  const state: HostState = { isAppSharing: false, tabSettings: null, ...options.state };
  return answerHostRequest(request(func, ...args), options.frame ?? frame(), state, ORIGIN);
}

function replyArgs(decision: HostDecision): unknown[] {
  if (decision.kind !== "reply") throw new Error(`expected a reply, got ${decision.kind}`);
  return decision.args;
}

function effects(decision: HostDecision): unknown[] {
  return decision.kind === "reply" ? decision.effects : [];
}

describe("reading and answering messages", () => {
  it("reads what teams-js posts and ignores anything else", () => {
    const posted = { id: 0, uuidAsString: UUID, func: "initialize", args: ["2.58.0", 4, undefined], apiVersionTag: "v2_app.initialize", timestamp: 1 };
    expect(parseHostRequest(posted)).toEqual({ id: 0, uuidAsString: UUID, func: "initialize", args: ["2.58.0", 4, undefined] });
    expect(parseHostRequest({ id: 1, func: "getContext" })).toEqual({ id: 1, uuidAsString: undefined, func: "getContext", args: [] });
    for (const stray of [null, "initialize", { func: "themeChange", args: ["dark"] }, { id: "1", func: "x" }, { id: 1.5, func: "x" }, { id: 1, func: "" }]) {
      expect(parseHostRequest(stray)).toBeNull();
    }
  });

  it("replies with both ids teams-js matches replies by", () => {
    expect(replyTo(request("getContext"), [1])).toEqual({ id: 7, uuidAsString: UUID, args: [1] });
    expect(replyTo({ id: 3, uuidAsString: undefined, func: "getContext", args: [] }, [])).toEqual({ id: 3, args: [] });
  });

  it("sends events without an id, which is how teams-js tells them from replies", () => {
    expect(themeChangeEvent("contrast")).toEqual({ func: "themeChange", args: ["contrast"] });
    expect(settingsSaveEvent()).toEqual({ func: "settings.save", args: [{}] });
  });
});

describe("initialize and getContext", () => {
  it("answers initialize with the frame context, the web client, a runtime config and the SDK version", () => {
    const args = replyArgs(answer("initialize", ["2.58.0", 4]));
    expect(args[0]).toBe("sidePanel");
    expect(args[1]).toBe("web");
    expect(args[3]).toBe(HOST_SDK_VERSION);
    const runtime = JSON.parse(args[2] as string) as { apiVersion: number; supports: Record<string, unknown> };
    expect(runtime.apiVersion).toBe(4);
    // pages.config is what makes teams-js's pages.config.isSupported() (and so settings.*) report support
    expect(runtime.supports).toMatchObject({ meeting: {}, pages: { config: {} } });
  });

  it("reports the frame as connected once the app initializes", () => {
    expect(effects(answer("initialize"))).toEqual([{ kind: "appStatus", status: { kind: "initializing" } }]);
  });

  it("gives the v1-named context teams-js maps to app.Context", () => {
    const [context] = replyArgs(answer("getContext", [], { frame: frame("meetingStage") }));
    expect(context).toMatchObject({
      frameContext: "meetingStage",
      hostName: "Teams",
      hostClientType: "web",
      locale: "fr-CA",
      theme: "dark",
      entityId: "concord",
      userObjectId: participantFor("Blake Okafor", "presenter").userId,
      userPrincipalName: "blake.okafor@concord-dev.test",
      userDisplayName: "Blake Okafor",
      tid: DEV_TENANT_ID,
      meetingId: "meeting-1",
      chatId: "19:meeting_1@thread.v2",
      appSessionId: "session-1",
    });
  });
});

describe("authentication.getAuthToken", () => {
  it("asks the dev identity provider for the frame's person, whatever tenant the app passes", () => {
    const participant = participantFor("Blake Okafor", "presenter");
    expect(answer("authentication.getAuthToken", [undefined, undefined, undefined, "other-tenant"])).toEqual({
      kind: "fetchToken",
      body: { tenantId: DEV_TENANT_ID, userId: participant.userId, displayName: "Blake Okafor", userPrincipalName: "blake.okafor@concord-dev.test" },
    });
  });

  it("resolves with the token or rejects with the provider's reason", () => {
    expect(tokenReplyArgs(readTokenResponse(200, { token: "a.b.c", expiresAt: 1 }))).toEqual([true, "a.b.c"]);
    expect(tokenReplyArgs(readTokenResponse(400, { error: { code: "invalidRequest", message: "displayName: must not be empty" } }))).toEqual([
      false,
      "The dev identity provider (POST /dev/idp/token) answered HTTP 400: displayName: must not be empty",
    ]);
    expect(readTokenResponse(404, null)).toEqual({ error: "The dev identity provider (POST /dev/idp/token) answered HTTP 404" });
    expect(readTokenResponse(200, { token: "" })).toEqual({ error: "The dev identity provider (POST /dev/idp/token) answered HTTP 200: the answer had no token" });
  });
});

describe("sharing to the stage", () => {
  it("lets organizers and presenters share an address of the app and loads it on the stage", () => {
    for (const role of ["organizer", "presenter"] as const) {
      const decision = answer("meeting.shareAppContentToStage", ["/?view=stage", { sharingProtocol: "Collaborative" }], { frame: frame("sidePanel", role) });
      expect(replyArgs(decision)).toEqual([null, true]);
      expect(effects(decision)).toEqual([{ kind: "shareToStage", url: `${ORIGIN}/?view=stage` }]);
    }
  });

  it("refuses attendees with an SdkError and changes nothing", () => {
    const decision = answer("meeting.shareAppContentToStage", [`${ORIGIN}/`], { frame: frame("sidePanel", "attendee") });
    expect(replyArgs(decision)).toEqual([{ errorCode: 1000, message: "Attendees cannot share app content to the meeting stage." }, false]);
    expect(effects(decision)).toEqual([]);
  });

  it("refuses addresses outside the app's origin, and calls from frames that cannot share", () => {
    const elsewhere = answer("meeting.shareAppContentToStage", ["https://evil.example/"]);
    expect(replyArgs(elsewhere)[0]).toMatchObject({ errorCode: 4000 });
    expect(effects(elsewhere)).toEqual([]);
    expect(replyArgs(answer("meeting.shareAppContentToStage", [42]))[0]).toMatchObject({ errorCode: 4000 });
    expect(replyArgs(answer("meeting.shareAppContentToStage", [`${ORIGIN}/`], { frame: frame("content") }))[0]).toMatchObject({ errorCode: 1000 });
  });

  it("tells each role whether it may share", () => {
    for (const [role, isAllowed] of [["organizer", true], ["presenter", true], ["attendee", false]] as const) {
      expect(replyArgs(answer("meeting.getAppContentStageSharingCapabilities", [], { frame: frame("sidePanel", role) }))).toEqual([
        null,
        { doesAppHaveSharePermission: isAllowed },
      ]);
    }
  });

  it("reports whether the app is on the stage", () => {
    expect(replyArgs(answer("meeting.getAppContentStageSharingState", [], { state: { isAppSharing: true } }))).toEqual([null, { isAppSharing: true }]);
    expect(replyArgs(answer("meeting.getAppContentStageSharingState", [], { frame: frame("meetingStage"), state: { isAppSharing: false } }))).toEqual([
      null,
      { isAppSharing: false },
    ]);
  });

  it("stops sharing for organizers and presenters only", () => {
    expect(effects(answer("meeting.stopSharingAppContentToStage"))).toEqual([{ kind: "stopSharingToStage" }]);
    expect(effects(answer("meeting.stopSharingAppContentToStage", [], { frame: frame("sidePanel", "attendee") }))).toEqual([]);
  });
});

describe("tab configuration", () => {
  it("records valid settings and confirms them", () => {
    const decision = answer("settings.setSettings", [{ entityId: "concord", contentUrl: "/", suggestedDisplayName: "Concord", websiteUrl: `${ORIGIN}/` }], {
      frame: frame("settings"),
    });
    expect(replyArgs(decision)).toEqual([true]);
    expect(effects(decision)).toEqual([
      { kind: "recordSettings", settings: { entityId: "concord", contentUrl: `${ORIGIN}/`, suggestedDisplayName: "Concord", websiteUrl: `${ORIGIN}/` } },
    ]);
  });

  it("refuses settings teams-js's setConfig would reject with the reason, recording nothing", () => {
    for (const [settings, reason] of [
      [{ contentUrl: "https://evil.example/" }, `contentUrl must be an address on ${ORIGIN}.`],
      [{ contentUrl: "/", entityId: 5 }, "entityId must be a string."],
      ["/", "The tab settings must be an object."],
    ] as const) {
      const decision = answer("settings.setSettings", [settings], { frame: frame("settings") });
      expect(replyArgs(decision)).toEqual([false, reason]);
      expect(effects(decision)).toEqual([]);
    }
  });

  it("passes validity, the saved settings and the save outcome on to the page", () => {
    expect(effects(answer("settings.setValidityState", [true]))).toEqual([{ kind: "setValidity", isValid: true }]);
    expect(effects(answer("settings.setValidityState", ["yes"]))).toEqual([{ kind: "setValidity", isValid: false }]);
    expect(replyArgs(answer("settings.getSettings", [], { state: { tabSettings: { contentUrl: `${ORIGIN}/` } } }))).toEqual([{ contentUrl: `${ORIGIN}/` }]);
    expect(effects(answer("settings.save.success"))).toEqual([{ kind: "saveFinished", outcome: { isSuccess: true } }]);
    expect(effects(answer("settings.save.failure", ["no plan chosen"]))).toEqual([{ kind: "saveFinished", outcome: { isSuccess: false, reason: "no plan chosen" } }]);
  });
});

describe("everything else", () => {
  it("tracks the app's own report of how loading went", () => {
    expect(effects(answer("appInitialization.success", ["2.58.0"]))).toEqual([{ kind: "appStatus", status: { kind: "ready" } }]);
    expect(effects(answer("appInitialization.failure", ["AuthFailed", "no token"]))).toEqual([
      { kind: "appStatus", status: { kind: "failed", reason: "AuthFailed", message: "no token" } },
    ]);
  });

  it("acknowledges handler registrations with []", () => {
    const decision = answer("registerHandler", ["themeChange"]);
    expect(replyArgs(decision)).toEqual([]);
    expect(effects(decision)).toEqual([{ kind: "handlerRegistered", name: "themeChange" }]);
  });

  it("answers calls it does not know with [] and flags them for the console", () => {
    const decision = answer("meeting.getMeetingDetails");
    expect(replyArgs(decision)).toEqual([]);
    expect(effects(decision)).toEqual([{ kind: "unanswered", func: "meeting.getMeetingDetails" }]);
  });
});
