import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBodySchema } from "../../src/protocol/rest.ts";
import { createTokenVerifier } from "../auth/entraTokenVerifier.ts";
import { TokenRejectedError } from "../auth/identity.ts";
import { DEV_TOKEN_LIFETIME_SECONDS, createDevIdentityProvider } from "./identityProvider.ts";
import type { DevIdentityProvider } from "./identityProvider.ts";

const AUDIENCE = "concord-dev";
const TENANT = "dev-tenant";
const NOW = 1_900_000_000_000;

let server: Server;
let issuerBase: string;
let idp: DevIdentityProvider;

beforeAll(async () => {
  const app = express();
  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  // the issuer needs the real port, known only once listening
  issuerBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/idp`;
  idp = await createDevIdentityProvider({ issuerBase, audience: AUDIENCE, now: () => NOW });
  app.use("/dev/idp", idp.router);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function postToken(body: unknown): Promise<Response> {
  return fetch(`${issuerBase}/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("dev identity provider", () => {
  it("issues a v2-shaped token over HTTP that the production verifier accepts", async () => {
    const response = await postToken({ tenantId: TENANT, userId: "user-1", displayName: "Grace Hopper", userPrincipalName: "grace@dev.example" });
    expect(response.status).toBe(200);
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: number };
    expect(expiresAt).toBe(Math.floor(NOW / 1000) * 1000 + DEV_TOKEN_LIFETIME_SECONDS * 1000);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", typ: "JWT" });
    expect(decodeJwt(token)).toMatchObject({
      iss: `${issuerBase}/${TENANT}/v2.0`,
      aud: AUDIENCE,
      tid: TENANT,
      oid: "user-1",
      name: "Grace Hopper",
      preferred_username: "grace@dev.example",
      scp: "access_as_user",
      ver: "2.0",
    });

    const identity = await createTokenVerifier(idp.verifierOptions).verify(token);
    expect(identity).toEqual({
      tenantId: TENANT,
      userId: "user-1",
      displayName: "Grace Hopper",
      userPrincipalName: "grace@dev.example",
      expiresAt,
    });
  });

  it("issues tokens in code too, without a user principal name", async () => {
    const token = await idp.issueToken({ tenantId: TENANT, userId: "user-2", displayName: "Alan Turing" });
    const identity = await createTokenVerifier(idp.verifierOptions).verify(token);
    expect(identity).toMatchObject({ userId: "user-2", displayName: "Alan Turing" });
    expect(identity.userPrincipalName).toBeUndefined();
  });

  it("serves only the public half of its key", async () => {
    const response = await fetch(`${issuerBase}/keys`);
    const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("answers bad input with 400 naming each field, and issues nothing", async () => {
    const response = await postToken({ tenantId: "", userId: "has space", displayName: "x".repeat(500) });
    expect(response.status).toBe(400);
    const body = ErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe("invalidRequest");
    expect(new Set(body.error.fields?.map((field) => field.path))).toEqual(new Set(["displayName", "tenantId", "userId"]));
    expect(body).not.toHaveProperty("token");
  });

  it("refuses to sign invalid claims in code", async () => {
    await expect(idp.issueToken({ tenantId: TENANT, userId: "__proto__", displayName: "x" })).rejects.toThrow(/reserved/);
  });

  it("is not trusted by a verifier for another dev identity provider", async () => {
    const other = await createDevIdentityProvider({ issuerBase, audience: AUDIENCE, now: () => NOW });
    const forged = await other.issueToken({ tenantId: TENANT, userId: "user-1", displayName: "Mallory" });
    await expect(createTokenVerifier(idp.verifierOptions).verify(forged)).rejects.toBeInstanceOf(TokenRejectedError);
  });
});
