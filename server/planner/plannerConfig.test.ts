import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { MINIMAL_PRODUCTION_ENV } from "../testing/productionEnv.ts";

const production = MINIMAL_PRODUCTION_ENV;

describe("Planner configuration", () => {
  it("uses the emulator in development, writing with application permission unless told otherwise", () => {
    expect(loadConfig({}).planner).toEqual({ auth: "application", graph: null, teamsAppId: null });
    expect(loadConfig({ PLANNER_AUTH: "delegated" }).planner.auth).toBe("delegated");
  });

  it("reaches Graph in production with the app's client secret, and national clouds by URL", () => {
    expect(loadConfig({ ...production, ENTRA_CLIENT_SECRET: "s", TEAMS_APP_ID: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" }).planner).toEqual({
      auth: "application",
      graph: { clientSecret: "s", baseUrl: "https://graph.microsoft.com", authorityHost: "https://login.microsoftonline.com" },
      teamsAppId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    });
    const sovereign = loadConfig({ ...production, ENTRA_CLIENT_SECRET: "s", PLANNER_AUTH: "delegated", GRAPH_BASE_URL: "https://graph.microsoft.us/", ENTRA_AUTHORITY_HOST: "https://login.microsoftonline.us" });
    expect(sovereign.planner).toMatchObject({ auth: "delegated", graph: { baseUrl: "https://graph.microsoft.us", authorityHost: "https://login.microsoftonline.us" } });
  });

  it("writes nothing to Planner in production without a secret, and refuses a Planner mode it cannot serve", () => {
    expect(loadConfig(production).planner.graph).toBeNull();
    expect(() => loadConfig({ ...production, PLANNER_AUTH: "application" })).toThrow(/ENTRA_CLIENT_SECRET: needed to write to Planner with PLANNER_AUTH=application/);
  });

  it("names a malformed Planner variable", () => {
    expect(() => loadConfig({ PLANNER_AUTH: "app-only" })).toThrow(/PLANNER_AUTH/);
    expect(() => loadConfig({ TEAMS_APP_ID: "concord" })).toThrow(/TEAMS_APP_ID/);
  });
});
