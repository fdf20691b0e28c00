import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { MINIMAL_PRODUCTION_ENV } from "./testing/productionEnv.ts";

describe("loadConfig", () => {
  it("runs in development with no configuration at all", () => {
    const config = loadConfig({}, "/srv/concord");
    expect(config).toMatchObject({ mode: "development", port: 3000, host: "127.0.0.1", databaseFile: "/srv/concord/data/concord.sqlite" });
    expect(config.entra).toBeUndefined();
  });

  it("switches to production when Entra is configured and names every missing companion variable", () => {
    expect(() => loadConfig({ ENTRA_CLIENT_ID: "6f0b1d8e-4c1f-4b8e-9a3c-2d5e7f901234" })).toThrow(
      /ENTRA_ALLOWED_TENANTS[\s\S]*PUBLIC_ORIGIN[\s\S]*BOT_APP_ID[\s\S]*BOT_APP_SECRET[\s\S]*TEAMS_SERVICE_URL/,
    );
  });

  it("reads a complete production configuration", () => {
    const config = loadConfig({
      ENTRA_CLIENT_ID: "6f0b1d8e-4c1f-4b8e-9a3c-2d5e7f901234",
      ENTRA_ALLOWED_TENANTS: "72f988bf-86f1-41af-91ab-2d7cd011db47, 0c1d2e3f-0000-4000-8000-000000000001",
      PUBLIC_ORIGIN: "https://concord.example.com/",
      BOT_APP_ID: "bot",
      BOT_APP_SECRET: "secret",
      TEAMS_SERVICE_URL: "https://smba.trafficmanager.net/amer/",
    });
    expect(config.mode).toBe("production");
    expect(config.host).toBe("0.0.0.0");
    expect(config.publicOrigin).toBe("https://concord.example.com");
    expect(config.entra?.allowedTenants).toEqual(["72f988bf-86f1-41af-91ab-2d7cd011db47", "0c1d2e3f-0000-4000-8000-000000000001"]);
  });

  it("allows a fast clock only in development", () => {
    expect(loadConfig({ DEV_CLOCK_RATE: "60" }).clockRate).toBe(60);
    expect(() =>
      loadConfig({ ...MINIMAL_PRODUCTION_ENV, DEV_CLOCK_RATE: "60" }),
    ).toThrow(/DEV_CLOCK_RATE/);
  });

  it("reads Planner progress every 30 s at most by default; development may read more often, production no more often than every 15 s", () => {
    const production = MINIMAL_PRODUCTION_ENV;
    expect(loadConfig({}).plannerPollMinIntervalMs).toBe(30_000);
    expect(loadConfig({ PLANNER_POLL_MIN_SECONDS: "0.5" }).plannerPollMinIntervalMs).toBe(500);
    expect(loadConfig({ ...production, PLANNER_POLL_MIN_SECONDS: "15" }).plannerPollMinIntervalMs).toBe(15_000);
    expect(loadConfig({ ...production, PLANNER_POLL_MIN_SECONDS: "120" }).plannerPollMinIntervalMs).toBe(120_000);
    expect(() => loadConfig({ ...production, PLANNER_POLL_MIN_SECONDS: "1" })).toThrow(/PLANNER_POLL_MIN_SECONDS: must be at least 15 in production/);
  });

  it("refuses a Planner poll interval that is not a sane number of seconds, naming it", () => {
    expect(() => loadConfig({ PLANNER_POLL_MIN_SECONDS: "soon" })).toThrow(/PLANNER_POLL_MIN_SECONDS/);
    expect(() => loadConfig({ PLANNER_POLL_MIN_SECONDS: "0" })).toThrow(/PLANNER_POLL_MIN_SECONDS.*at least 0\.1/);
    expect(() => loadConfig({ PLANNER_POLL_MIN_SECONDS: "3600" })).toThrow(/PLANNER_POLL_MIN_SECONDS.*at most 900/);
  });

  it("names a malformed variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ ENTRA_CLIENT_ID: "not-a-guid" })).toThrow(/ENTRA_CLIENT_ID/);
  });
});
