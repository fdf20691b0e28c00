import { describe, expect, it } from "vitest";
import type { FrameContext, HostContext, TeamsConnection } from "../teams/hostContext.ts";
import { legalPageFor, pickSurface } from "./surface.ts";

function inTeams(frameContext: FrameContext): TeamsConnection {
  const context: HostContext = {
    frameContext,
    rawFrameContext: frameContext,
    theme: "default",
    locale: "en-us",
    userId: "u1",
    tenantId: "t1",
    userDisplayName: "Ada",
    hostName: "Teams",
    hostClientType: "web",
  };
  return { kind: "inTeams", context };
}

describe("pickSurface", () => {
  it("maps each Teams frame context to its surface", () => {
    expect(pickSurface(inTeams("sidePanel"), "")).toBe("sidePanel");
    expect(pickSurface(inTeams("meetingStage"), "")).toBe("stage");
    expect(pickSurface(inTeams("settings"), "")).toBe("config");
    expect(pickSurface(inTeams("content"), "")).toBe("meetingTab");
    expect(pickSurface(inTeams("other"), "")).toBe("unsupportedFrame");
  });

  it("shows the personal tab only for a content frame that asks for it", () => {
    expect(pickSurface(inTeams("content"), "?surface=personal")).toBe("personal");
    expect(pickSurface(inTeams("sidePanel"), "?surface=personal")).toBe("sidePanel");
  });

  it("explains itself outside Teams", () => {
    expect(pickSurface({ kind: "notInTeams", reason: "noHost", detail: "" }, "?surface=personal")).toBe("outsideTeams");
  });
});

describe("legalPageFor", () => {
  it("finds the privacy statement and terms of use the manifest links to", () => {
    expect(legalPageFor("/privacy")).toBe("privacy");
    expect(legalPageFor("/terms")).toBe("terms");
    expect(legalPageFor("/terms/")).toBe("terms");
  });

  it("leaves every other path to the tab", () => {
    expect(legalPageFor("/")).toBeNull();
    expect(legalPageFor("/config")).toBeNull();
    expect(legalPageFor("/privacy/extra")).toBeNull();
    expect(legalPageFor("/termsofuse")).toBeNull();
  });
});
