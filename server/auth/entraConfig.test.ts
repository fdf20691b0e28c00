import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from "jose";
import type { CryptoKey, JSONWebKeySet, JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { ENTRA_V2_JWKS_URL, entraIssuerForTenant, entraProductionVerifierOptions } from "./entraConfig.ts";
import { createTokenVerifier } from "./entraTokenVerifier.ts";
import type { TokenClaimRules } from "./entraTokenVerifier.ts";

const CLIENT_ID = "5a1c9e7b-2d4f-4b8a-9e3c-1f6a0d2b4c03";
const API_RESOURCE = `api://concord.example.com/${CLIENT_ID}`;
const TENANT = "0b6c5f1e-3c2a-4d7e-9a51-6f2d8c4b1a01";

let privateKey: CryptoKey;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "entra-like", alg: "RS256" }] };
});

// production's claim rules with the real JWKS swapped for a local key, since tests have no internet
function productionRules(): TokenClaimRules {
  const { jwksUrl, ...rules } = entraProductionVerifierOptions({ clientId: CLIENT_ID, apiResource: API_RESOURCE, allowedTenants: [TENANT] });
  expect(jwksUrl).toBe(ENTRA_V2_JWKS_URL);
  return rules;
}

function entraToken(claims: JWTPayload): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: entraIssuerForTenant(TENANT),
    aud: CLIENT_ID,
    tid: TENANT,
    oid: "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a05",
    preferred_username: "ada@contoso.example",
    scp: "access_as_user",
    ver: "2.0",
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: "RS256", kid: "entra-like", typ: "JWT" })
    .sign(privateKey);
}

describe("Entra production verifier options", () => {
  it("name Entra's v2 keys, its per-tenant issuer and both audiences", () => {
    const options = entraProductionVerifierOptions({ clientId: CLIENT_ID, apiResource: API_RESOURCE, allowedTenants: [TENANT] });
    expect(options.audience).toEqual([CLIENT_ID, API_RESOURCE]);
    expect(options.issuerForTenant(TENANT)).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    expect(entraProductionVerifierOptions({ clientId: CLIENT_ID, allowedTenants: "*" }).audience).toEqual([CLIENT_ID]);
  });

  it("accept an Entra-shaped v2 token for either audience, from a key set or a key resolver", async () => {
    const fromKeySet = createTokenVerifier({ ...productionRules(), keys: jwks });
    const fromResolver = createTokenVerifier({ ...productionRules(), keys: createLocalJWKSet(jwks) });
    await expect(fromKeySet.verify(await entraToken({}))).resolves.toMatchObject({ tenantId: TENANT, displayName: "ada@contoso.example" });
    await expect(fromResolver.verify(await entraToken({ aud: API_RESOURCE }))).resolves.toMatchObject({ tenantId: TENANT });
  });

  it("refuse the v1 token Entra issues when accessTokenAcceptedVersion is unset", async () => {
    const verifier = createTokenVerifier({ ...productionRules(), keys: jwks });
    const v1 = await entraToken({ iss: `https://sts.windows.net/${TENANT}/`, ver: "1.0", aud: API_RESOURCE });
    await expect(verifier.verify(v1)).rejects.toMatchObject({ reason: expect.stringMatching(/^v1 token/) as unknown });
  });

  it("refuse an empty client id", () => {
    expect(() => entraProductionVerifierOptions({ clientId: " ", allowedTenants: "*" })).toThrow(/clientId/);
  });
});
