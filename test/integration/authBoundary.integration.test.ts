import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person, startTestServer, type TestServer } from "../fixtures/testServer.ts";
import { TEST_TENANTS } from "../fixtures/tokens.ts";
import { TestClient, UpgradeRefused } from "../fixtures/wsClient.ts";

let harness: TestServer;
const casey = person("Casey");
beforeAll(async () => {
  harness = await startTestServer();
  harness.seat("m-auth-boundary", casey, "attendee");
});
afterAll(() => harness.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Every way a token can be wrong, minted for a real participant so only the token is at fault. */
const badTokens: Record<string, () => Promise<string>> = {
  "bad signature": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId }, { signer: "foreign" }),
  "alg none": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId }, { signer: "none" }),
  "HS256 with the public key": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId }, { signer: "hs256WithPublicKey" }),
  "wrong audience": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId, aud: "someone-else" }),
  "wrong issuer": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId, iss: "https://login.example.com/evil/v2.0" }),
  expired: () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId, iat: nowSeconds() - 7200, nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 }),
  "tenant not allowed": () => harness.idp.mint({ tid: "99999999-9999-4999-8999-999999999999", oid: casey.userId }),
  "issuer of another tenant": () =>
    harness.idp.mint({ tid: TEST_TENANTS.fabrikam, oid: casey.userId, iss: harness.idp.issuerForTenant(TEST_TENANTS.contoso) }),
  "missing scope": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId }, { omit: ["scp"] }),
  "v1 token": () => harness.idp.mint({ tid: casey.tenantId, oid: casey.userId, ver: "1.0" }),
  garbage: () => Promise.resolve("not-a-jwt"),
};

describe("every request and socket is authenticated", () => {
  it.each(Object.keys(badTokens))("refuses a %s token on the WebSocket upgrade with 401", async (kind) => {
    const token = await badTokens[kind]!();
    const refusal = await TestClient.connect(harness.url, token).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UpgradeRefused);
    expect((refusal as UpgradeRefused).status).toBe(401);
  });

  it.each(Object.keys(badTokens))("refuses a %s token on the REST API with 401", async (kind) => {
    const response = await fetch(`${harness.url}/api/meetings/m-auth-boundary`, {
      headers: { authorization: `Bearer ${await badTokens[kind]!()}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses a socket without a token", async () => {
    const refusal = await TestClient.connect(harness.url, "").catch((error: unknown) => error);
    expect((refusal as UpgradeRefused).status).toBe(401);
  });

  it("serves the snapshot to a participant with a valid token, 403 to a stranger, 400 for a bad id", async () => {
    const ok = await fetch(`${harness.url}/api/meetings/m-auth-boundary`, { headers: { authorization: `Bearer ${await harness.tokenFor(casey)}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ meetingId: "m-auth-boundary", viewer: { userId: casey.userId, meetingRole: "attendee" } });
    const stranger = person("Stranger");
    const forbidden = await fetch(`${harness.url}/api/meetings/m-auth-boundary`, { headers: { authorization: `Bearer ${await harness.tokenFor(stranger)}` } });
    expect(forbidden.status).toBe(403);
    const badId = await fetch(`${harness.url}/api/meetings/__proto__`, { headers: { authorization: `Bearer ${await harness.tokenFor(casey)}` } });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ error: { fields: [{ path: "params.meetingId" }] } });
  });

  it("answers /healthz without a token", async () => {
    expect(await (await fetch(`${harness.url}/healthz`)).json()).toMatchObject({ status: "ok", mode: "development" });
  });
});
