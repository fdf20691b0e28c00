import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevIdentityProvider } from "../identityProvider.ts";
import type { DevIdentityProvider } from "../identityProvider.ts";
import { createGraphTokenVerifier } from "./graphAuth.ts";
import type { GraphTokenVerifier } from "./graphAuth.ts";
import { startPlannerEmulator } from "./plannerEmulator.ts";
import type { RunningPlannerEmulator } from "./plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "./seed.ts";

const TENANT = DEV_PLANNER_IDS.tenantId;
const USER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const NOW = Date.parse("2027-01-04T09:00:00Z");

describe("Graph token verification", () => {
  let idp: DevIdentityProvider;
  let verifier: GraphTokenVerifier;
  let clock = NOW;

  beforeAll(async () => {
    idp = await createDevIdentityProvider({ issuerBase: "http://127.0.0.1:9/dev/idp", audience: "concord-local-development", now: () => clock });
    verifier = createGraphTokenVerifier({ ...idp.graphVerifierOptions, now: () => clock });
  });

  it("takes a delegated token as the user with Tasks.ReadWrite, and an app token as the application", async () => {
    const delegated = await idp.issueGraphToken({ kind: "delegated", tenantId: TENANT, userId: USER, displayName: "Avery Chen" });
    expect(await verifier.verify(delegated.token)).toEqual({ kind: "delegated", tenantId: TENANT, userId: USER, displayName: "Avery Chen", permissions: ["Tasks.ReadWrite"] });
    const app = await idp.issueGraphToken({ kind: "app", tenantId: TENANT, appId: "0c0c0c0c-1d1d-4e4e-8f8f-a0a0a0a0a0a0" });
    expect(await verifier.verify(app.token)).toEqual({ kind: "app", tenantId: TENANT, appId: "0c0c0c0c-1d1d-4e4e-8f8f-a0a0a0a0a0a0", permissions: ["Tasks.ReadWrite.All"] });
  });

  it("refuses Concord's own tab token (another audience) and an expired Graph token with a 401", async () => {
    const tabToken = await idp.issueToken({ tenantId: TENANT, userId: USER, displayName: "Avery Chen" });
    await expect(verifier.verify(tabToken)).rejects.toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    const { token } = await idp.issueGraphToken({ kind: "delegated", tenantId: TENANT, userId: USER });
    clock = NOW + 2 * 3_600_000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ status: 401 });
    clock = NOW;
  });
});

describe("POST /dev/idp/graph-token", () => {
  let emulator: RunningPlannerEmulator;
  beforeAll(async () => {
    emulator = await startPlannerEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const post = (body: unknown) =>
    fetch(`${emulator.origin}/dev/idp/graph-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("signs a Graph token the emulator accepts", async () => {
    const response = await post({ kind: "delegated", tenantId: TENANT, userId: USER });
    const { token } = (await response.json()) as { token: string };
    const plans = await fetch(`${emulator.serviceRoot}/me/planner/plans`, { headers: { authorization: `Bearer ${token}` } });
    expect(plans.status).toBe(200);
  });

  it("names the field of a bad request", async () => {
    const response = await post({ kind: "delegated", tenantId: TENANT });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("userId");
  });
});
