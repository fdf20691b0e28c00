import { createLocalJWKSet, jwtVerify } from "jose";
import type { JSONWebKeySet, JWTPayload } from "jose";
import { GRAPH_AUDIENCE } from "../identityProvider.ts";
import { GraphError } from "./graphErrors.ts";

/** Who is calling Graph, from a verified token: a signed-in user (delegated) or Concord itself (app-only). */
export type GraphCaller =
  | { kind: "delegated"; tenantId: string; userId: string; displayName?: string; permissions: readonly string[] }
  | { kind: "app"; tenantId: string; appId: string; permissions: readonly string[] };

/** Verifies a Graph bearer token; throws a 401 GraphError when it is not one. Injected into the emulator. */
export interface GraphTokenVerifier {
  verify(token: string): Promise<GraphCaller>;
}

/** Permissions that let a caller read Planner data (delegated `scp` or application `roles`). */
export const READ_PERMISSIONS = ["Tasks.Read", "Tasks.ReadWrite", "Tasks.Read.All", "Tasks.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All"];
/** Permissions that let a caller change Planner data. */
export const WRITE_PERMISSIONS = ["Tasks.ReadWrite", "Tasks.ReadWrite.All", "Group.ReadWrite.All"];

export interface GraphTokenVerifierOptions {
  /** The signer's public keys (the dev identity provider's `graphVerifierOptions.keys`). */
  keys: JSONWebKeySet;
  /** The only issuer accepted for a token whose `tid` is the argument. */
  issuerForTenant: (tenantId: string) => string;
  now?: () => number;
}

/**
 * Checks what Graph checks before Planner sees a request: an RS256 signature, audience
 * {@link GRAPH_AUDIENCE}, expiry, issuer per tenant, and who the token is for — an app token
 * (`idtyp: "app"`, permissions in `roles`) or a user's (`oid`, permissions in `scp`).
 */
export function createGraphTokenVerifier(options: GraphTokenVerifierOptions): GraphTokenVerifier {
  const keys = createLocalJWKSet(options.keys);
  const now = options.now ?? Date.now;
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ["RS256"],
          audience: GRAPH_AUDIENCE,
          clockTolerance: 60,
          currentDate: new Date(now()),
          requiredClaims: ["exp"],
        }));
      } catch {
        throw invalidToken("Access token validation failure. Invalid audience, signature or lifetime.");
      }
      const tenantId = stringClaim(payload, "tid");
      if (!tenantId || payload.iss !== options.issuerForTenant(tenantId)) throw invalidToken("Access token validation failure. Invalid issuer.");
      if (payload["idtyp"] === "app") {
        const appId = stringClaim(payload, "azp") ?? stringClaim(payload, "appid");
        if (!appId) throw invalidToken("Access token validation failure. The app token names no application.");
        const roles = Array.isArray(payload["roles"]) ? payload["roles"].filter((role): role is string => typeof role === "string") : [];
        return { kind: "app", tenantId, appId, permissions: roles };
      }
      const userId = stringClaim(payload, "oid");
      if (!userId) throw invalidToken("Access token validation failure. The token names no user.");
      const scopes = stringClaim(payload, "scp")?.split(" ").filter(Boolean) ?? [];
      const displayName = stringClaim(payload, "name");
      return { kind: "delegated", tenantId, userId, ...(displayName === undefined ? {} : { displayName }), permissions: scopes };
    },
  };
}

/** Graph's 401: a missing, malformed or refused bearer token. */
export function invalidToken(message: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", message);
}

function stringClaim(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
