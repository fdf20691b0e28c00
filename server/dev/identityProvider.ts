import express from "express";
import type { Router } from "express";
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import type { JSONWebKeySet } from "jose";
import { z } from "zod";
import { DisplayNameSchema, IdSchema } from "../../src/protocol/ids.ts";
import { Limits } from "../../src/protocol/limits.ts";
import type { ErrorBody } from "../../src/protocol/rest.ts";
import { describeIssues, summarizeIssues } from "../../src/protocol/zodErrors.ts";
import { DEFAULT_REQUIRED_SCOPE } from "../auth/entraTokenVerifier.ts";
import type { TokenVerifierOptions } from "../auth/entraTokenVerifier.ts";

/** How long a dev token lives, like an Entra access token's usual hour. */
export const DEV_TOKEN_LIFETIME_SECONDS = 3600;

/** Who a simulated participant is: the body of `POST /token` and the argument of `issueToken`. */
export const DevTokenRequestSchema = z.object({
  tenantId: IdSchema,
  userId: IdSchema,
  displayName: DisplayNameSchema,
  userPrincipalName: z.string().trim().min(1, "must not be empty").max(Limits.maxIdLength).optional(),
});
export type DevTokenRequest = z.infer<typeof DevTokenRequestSchema>;

/** The `aud` of Microsoft Graph access tokens: what the Planner emulator accepts, never Concord's own audience. */
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
/** The least delegated Graph permission for Planner tasks; a delegated Graph token carries it in `scp`. */
export const GRAPH_DELEGATED_SCOPE = "Tasks.ReadWrite";
/** The application permission for Planner without a signed-in user; an app token carries it in `roles`. */
export const GRAPH_APPLICATION_ROLE = "Tasks.ReadWrite.All";

/**
 * Body of `POST /graph-token` and argument of `issueGraphToken`: a delegated token acts as one user
 * (on-behalf-of in production), an app token as Concord itself (client credentials).
 */
export const DevGraphTokenRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("delegated"), tenantId: IdSchema, userId: IdSchema, displayName: DisplayNameSchema.optional() }),
  z.object({ kind: z.literal("app"), tenantId: IdSchema, appId: IdSchema }),
]);
export type DevGraphTokenRequest = z.infer<typeof DevGraphTokenRequestSchema>;

/** What a Graph-token verifier needs from this provider: its public keys (local, no fetch) and issuers. */
export interface DevGraphVerifierOptions {
  keys: JSONWebKeySet;
  issuerForTenant: (tenantId: string) => string;
  now: () => number;
}

/** The answer to `POST /token`: the bearer token and its expiry in ms since the epoch. */
export interface DevTokenResponse {
  token: string;
  expiresAt: number;
}

export interface DevIdentityProviderOptions {
  /** The public URL the router is mounted at, e.g. `http://localhost:3000/dev/idp`; issuers and the JWKS URL hang off it. */
  issuerBase: string;
  /** The `aud` put in tokens and required by the verifier (the app's client id in production terms). */
  audience: string;
  /** Current time in ms since the epoch; injectable so tests never wait. */
  now?: () => number;
}

/** The development identity provider: signs Entra-v2-shaped tokens for simulated users. */
export interface DevIdentityProvider {
  /** `GET /keys` (the JWKS) and `POST /token`; mount it at `issuerBase`, in development only. */
  router: Router;
  /** For `createTokenVerifier`: the same verifier production uses, with this provider's JWKS URL, issuers and audience. */
  verifierOptions: TokenVerifierOptions;
  /** Signs a token for `claims`; throws a ZodError naming the field when they are invalid. */
  issueToken(claims: DevTokenRequest): Promise<string>;
  /** Signs a Microsoft Graph access token (audience {@link GRAPH_AUDIENCE}) for the Planner emulator. */
  issueGraphToken(request: DevGraphTokenRequest): Promise<DevTokenResponse>;
  /** For the Planner emulator's Graph-token verifier. */
  graphVerifierOptions: DevGraphVerifierOptions;
}

/**
 * Creates the dev identity provider with a fresh RS256 key pair, so tokens from a previous run stop
 * verifying on restart. Its tokens go through the production verifier, fetched over HTTP from
 * `${issuerBase}/keys`, so `issuerBase` must be where the server really serves this router.
 */
export async function createDevIdentityProvider(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
  const issuerBase = options.issuerBase.replace(/\/+$/, "");
  const now = options.now ?? Date.now;
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg: "RS256", use: "sig" }] };
  const issuerForTenant = (tenantId: string): string => `${issuerBase}/${tenantId}/v2.0`;

  const sign = async (request: DevTokenRequest): Promise<DevTokenResponse> => {
    const issuedAt = Math.floor(now() / 1000);
    const expiresAtSeconds = issuedAt + DEV_TOKEN_LIFETIME_SECONDS;
    const token = await new SignJWT({
      tid: request.tenantId,
      oid: request.userId,
      name: request.displayName,
      ...(request.userPrincipalName === undefined ? {} : { preferred_username: request.userPrincipalName }),
      scp: DEFAULT_REQUIRED_SCOPE,
      ver: "2.0",
    })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuerForTenant(request.tenantId))
      .setAudience(options.audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .sign(privateKey);
    return { token, expiresAt: expiresAtSeconds * 1000 };
  };

  // Graph tokens come from the same key and issuer as the tab's tokens, but for Graph's audience, so
  // a tab token is refused by the emulator and a Graph token by Concord's API, as in production.
  const signGraph = async (request: DevGraphTokenRequest): Promise<DevTokenResponse> => {
    const issuedAt = Math.floor(now() / 1000);
    const expiresAtSeconds = issuedAt + DEV_TOKEN_LIFETIME_SECONDS;
    const claims =
      request.kind === "delegated"
        ? { oid: request.userId, scp: GRAPH_DELEGATED_SCOPE, ...(request.displayName === undefined ? {} : { name: request.displayName }) }
        : { oid: request.appId, azp: request.appId, roles: [GRAPH_APPLICATION_ROLE], idtyp: "app" };
    const token = await new SignJWT({ tid: request.tenantId, ...claims, ver: "2.0" })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuerForTenant(request.tenantId))
      .setAudience(GRAPH_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .sign(privateKey);
    return { token, expiresAt: expiresAtSeconds * 1000 };
  };

  const router = express.Router();
  router.get("/keys", (_request, response) => {
    response.json(jwks);
  });
  router.post("/token", express.json({ limit: Limits.maxMessageBytes }), async (request, response) => {
    const parsed = DevTokenRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const body: ErrorBody = {
        error: { code: "invalidRequest", message: summarizeIssues(parsed.error), fields: describeIssues(parsed.error) },
      };
      response.status(400).json(body);
      return;
    }
    response.json(await sign(parsed.data));
  });
  router.post("/graph-token", express.json({ limit: Limits.maxMessageBytes }), async (request, response) => {
    const parsed = DevGraphTokenRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const body: ErrorBody = {
        error: { code: "invalidRequest", message: summarizeIssues(parsed.error), fields: describeIssues(parsed.error) },
      };
      response.status(400).json(body);
      return;
    }
    response.json(await signGraph(parsed.data));
  });

  return {
    router,
    verifierOptions: {
      jwksUrl: `${issuerBase}/keys`,
      audience: options.audience,
      issuerForTenant,
      // every simulated tenant is welcome; production names its tenants
      allowedTenants: "*",
      now,
    },
    issueToken: async (claims) => (await sign(DevTokenRequestSchema.parse(claims))).token,
    issueGraphToken: (request) => signGraph(DevGraphTokenRequestSchema.parse(request)),
    graphVerifierOptions: { keys: jwks, issuerForTenant, now },
  };
}
