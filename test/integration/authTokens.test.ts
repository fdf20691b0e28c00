import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier } from "../../server/auth/entraTokenVerifier.ts";
import { TokenRejectedError } from "../../server/auth/identity.ts";
import type { TokenVerifier } from "../../server/auth/identity.ts";
import { TEST_CLIENT_ID, TEST_TENANTS, TEST_USER, startTestIdentityProvider } from "../fixtures/tokens.ts";
import type { TestIdentityProvider } from "../fixtures/tokens.ts";

let idp: TestIdentityProvider;
let verifier: TokenVerifier;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  verifier = createTokenVerifier(idp.verifierOptions());
});

afterAll(async () => {
  await idp.close();
});

async function rejectionReason(token: string, against: TokenVerifier = verifier): Promise<string> {
  const error: unknown = await against.verify(token).then(
    () => new Error("the token was accepted"),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TokenRejectedError);
  return (error as TokenRejectedError).reason;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe("token verification over a real JWKS endpoint", () => {
  it("accepts a valid v2 token and returns who it proves", async () => {
    const exp = nowSeconds() + 1800;
    const identity = await verifier.verify(await idp.mint({ exp }));
    expect(identity).toEqual({
      tenantId: TEST_TENANTS.contoso,
      userId: TEST_USER.userId,
      displayName: TEST_USER.displayName,
      userPrincipalName: TEST_USER.userPrincipalName,
      expiresAt: exp * 1000,
    });
  });

  it("accepts a token from another allowed tenant with that tenant's own issuer", async () => {
    const identity = await verifier.verify(await idp.mint({ tid: TEST_TENANTS.fabrikam }));
    expect(identity.tenantId).toBe(TEST_TENANTS.fabrikam);
  });

  it("accepts any of the configured audiences", async () => {
    const resource = `api://concord.example/${TEST_CLIENT_ID}`;
    const both = createTokenVerifier(idp.verifierOptions({ audience: [TEST_CLIENT_ID, resource] }));
    await expect(both.verify(await idp.mint({ aud: resource }))).resolves.toMatchObject({ userId: TEST_USER.userId });
  });

  it("falls back to preferred_username when the token has no name", async () => {
    const identity = await verifier.verify(await idp.mint({}, { omit: ["name"] }));
    expect(identity.displayName).toBe(TEST_USER.userPrincipalName);
  });

  it("accepts a token among several scopes", async () => {
    await expect(verifier.verify(await idp.mint({ scp: "User.Read access_as_user" }))).resolves.toBeDefined();
  });

  it.each([
    ["a token signed with a key the JWKS does not publish", () => idp.mint({}, { signer: "foreign" }), "bad signature"],
    ["a token for another audience", () => idp.mint({ aud: "some-other-app" }), "audience mismatch"],
    ["a token from another issuer", () => idp.mint({ iss: "https://evil.example/v2.0" }), "issuer mismatch"],
    ["an expired token", () => idp.mint({ iat: nowSeconds() - 7200, nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), "expired"],
    ["a token not valid yet", () => idp.mint({ nbf: nowSeconds() + 3600, exp: nowSeconds() + 7200 }), "not yet valid"],
    ["an unsigned token (alg none)", () => idp.mint({}, { signer: "none" }), "unsupported algorithm"],
    ["an HS256 token keyed with the public key", () => idp.mint({}, { signer: "hs256WithPublicKey" }), "unsupported algorithm"],
    ["a token without exp", () => idp.mint({}, { omit: ["exp"] }), "missing exp"],
    ["a token without tid", () => idp.mint({}, { omit: ["tid"] }), "missing tid"],
    ["a token without scp", () => idp.mint({}, { omit: ["scp"] }), "missing scope"],
    ["a token with another scope", () => idp.mint({ scp: "User.Read" }), "required scope not granted"],
    ["a token without oid", () => idp.mint({}, { omit: ["oid"] }), "missing oid"],
    ["a token whose oid is not an id", () => idp.mint({ oid: "__proto__" }), "invalid oid"],
    ["a token without ver", () => idp.mint({}, { omit: ["ver"] }), "unsupported token version"],
    ["a garbled token", () => Promise.resolve("not.a.jwt"), "malformed token"],
  ])("refuses %s", async (_case, mintToken, reason) => {
    expect(await rejectionReason(await mintToken())).toBe(reason);
  });

  it("refuses a token whose issuer names tenant A while its tid names tenant B", async () => {
    const token = await idp.mint({ tid: TEST_TENANTS.fabrikam, iss: idp.issuerForTenant(TEST_TENANTS.contoso) });
    expect(await rejectionReason(token)).toBe("issuer mismatch");
  });

  it("refuses a v1 token and says so", async () => {
    const token = await idp.mint({ ver: "1.0", iss: `https://sts.windows.net/${TEST_TENANTS.contoso}/` });
    expect(await rejectionReason(token)).toMatch(/^v1 token/);
  });

  it("refuses a tenant outside the allow-list, and accepts it when any tenant is allowed", async () => {
    const outsider = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b06";
    const token = await idp.mint({ tid: outsider });
    expect(await rejectionReason(token)).toBe("tenant not allowed");
    const open = createTokenVerifier(idp.verifierOptions({ allowedTenants: "*" }));
    await expect(open.verify(token)).resolves.toMatchObject({ tenantId: outsider });
  });

  it("uses the injected clock for expiry, within the named tolerance", async () => {
    const exp = nowSeconds() + 600;
    const token = await idp.mint({ exp });
    const later = (seconds: number) => createTokenVerifier(idp.verifierOptions({ now: () => (exp + seconds) * 1000 }));
    await expect(later(30).verify(token)).resolves.toBeDefined();
    expect(await rejectionReason(token, later(120))).toBe("expired");
  });

  it("never puts the token in the rejection", async () => {
    const token = await idp.mint({ aud: "some-other-app" });
    const error = await verifier.verify(token).catch((rejection: unknown) => rejection as Error);
    expect(String((error as Error).message)).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it("refuses a token when the JWKS cannot be reached", async () => {
    const unreachable = createTokenVerifier({ ...idp.verifierOptions(), jwksUrl: "http://127.0.0.1:1/keys" });
    expect(await rejectionReason(await idp.mint(), unreachable)).toBe("verification failed");
  });

  it("refuses to be built with no tenant allowed", () => {
    expect(() => createTokenVerifier(idp.verifierOptions({ allowedTenants: [] }))).toThrow(/allowedTenants/);
  });
});
