import { describe, expect, it } from "vitest";
import type { app } from "@microsoft/teams-js";
import { normalizeTheme, toHostContext } from "./hostContext.ts";

function teamsContext(overrides: { frameContext?: string; theme?: string; meetingId?: string; team?: app.TeamInfo } = {}): app.Context {
  return {
    app: { locale: "fr-ca", theme: overrides.theme ?? "dark", sessionId: "s1", host: { name: "Teams", clientType: "web", sessionId: "h1" } },
    page: { id: "concord", frameContext: overrides.frameContext ?? "sidePanel" },
    user: { id: "u1", displayName: "Ada Lovelace", tenant: { id: "t1" } },
    ...(overrides.meetingId ? { meeting: { id: overrides.meetingId } } : {}),
    ...(overrides.team ? { team: overrides.team } : {}),
    dialogParameters: {},
  } as unknown as app.Context;
}

describe("toHostContext", () => {
  it("keeps the fields Concord uses", () => {
    const context = toHostContext(teamsContext({ meetingId: "m1" }));
    expect(context).toMatchObject({
      frameContext: "sidePanel",
      theme: "dark",
      locale: "fr-ca",
      userId: "u1",
      tenantId: "t1",
      userDisplayName: "Ada Lovelace",
      meetingId: "m1",
      entityId: "concord",
    });
  });

  it("maps frame contexts Concord has no surface for to other, keeping the raw value", () => {
    const context = toHostContext(teamsContext({ frameContext: "task" }));
    expect(context.frameContext).toBe("other");
    expect(context.rawFrameContext).toBe("task");
  });

  it("leaves meetingId out when the tab is not in a meeting", () => {
    expect(toHostContext(teamsContext()).meetingId).toBeUndefined();
  });

  it("keeps the team's group id in a channel meeting, for the team's Planner plans", () => {
    const team = { internalId: "19:general@thread.tacv2", displayName: "Leadership", groupId: "b1e5c0de-1ead-4e55-8000-000000002027" };
    expect(toHostContext(teamsContext({ meetingId: "m1", team })).groupId).toBe("b1e5c0de-1ead-4e55-8000-000000002027");
    expect(toHostContext(teamsContext({ meetingId: "m1", team: { internalId: "19:general@thread.tacv2" } })).groupId).toBeUndefined();
    expect(toHostContext(teamsContext({ meetingId: "m1" })).groupId).toBeUndefined();
  });
});

describe("normalizeTheme", () => {
  it("keeps the three Teams themes and falls back to default", () => {
    expect(normalizeTheme("dark")).toBe("dark");
    expect(normalizeTheme("contrast")).toBe("contrast");
    expect(normalizeTheme("default")).toBe("default");
    expect(normalizeTheme("glass")).toBe("default");
    expect(normalizeTheme(undefined)).toBe("default");
  });
});
