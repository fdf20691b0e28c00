import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from "jose";
import { IdSchema } from "../../src/protocol/ids.ts";
import { Limits } from "../../src/protocol/limits.ts";
import { TokenRejectedError } from "./identity.ts";
import type { Identity, TokenVerifier } from "./identity.ts";

/** Seconds of clock skew tolerated on `exp` and `nbf`; small, so a stolen token dies soon after expiry. */
export const CLOCK_TOLERANCE_SECONDS = 60;

/** The delegated scope the tab's SSO token must carry. */
export const DEFAULT_REQUIRED_SCOPE = "access_as_user";

// Entra signs access tokens with RS256 only; naming it refuses `none`, HS256 (key confusion) and the rest.
const ALLOWED_ALGORITHMS = ["RS256"];

const V1_ISSUER_PREFIX = "https://sts.windows.net/";

/** Where the verifier gets signing keys: a JWKS URL (production, dev IdP) or keys in hand (tests). */
export type TokenKeySource =
  | { jwksUrl: string | URL; keys?: never }
  | { keys: JWTVerifyGetKey | JSONWebKeySet; jwksUrl?: never };

/** The claim rules that differ between Entra and the dev identity provider. */
export interface TokenClaimRules {
  /** Accepted `aud` values: the app's client id, and its `api://<domain>/<client id>` resource. */
  audience: string | readonly string[];
  /** The only issuer accepted for a token whose `tid` is the argument (Entra v2 is per tenant). */
  issuerForTenant: (tenantId: string) => string;
  /** Tenants whose users may sign in, or "*" for any tenant. */
  allowedTenants: "*" | readonly string[];
  /** Scope that must appear in `scp`; defaults to {@link DEFAULT_REQUIRED_SCOPE}. */
  requiredScope?: string;
  /** Defaults to {@link CLOCK_TOLERANCE_SECONDS}. */
  clockToleranceSeconds?: number;
  /** Current time in ms since the epoch; injectable so tests never wait. */
  now?: () => number;
}

/**
 * Everything that differs between Entra and the dev identity provider. The rest (algorithm, claim
 * checks, error reasons) is fixed, so both run exactly the same verification.
 */
export type TokenVerifierOptions = TokenKeySource & TokenClaimRules;

/**
 * Builds the one token verifier used in production and development: RS256 signature against the
 * key source, then `aud`, `exp`/`nbf`, `ver` 2.0, `tid`, per-tenant `iss`, tenant allow-list, `scp`
 * and `oid`. Every refusal is a {@link TokenRejectedError} with a short reason; the token is never logged.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const getKey = keyResolver(options);
  const audience = typeof options.audience === "string" ? [options.audience] : [...options.audience];
  if (audience.length === 0) throw new Error("token verifier: audience must name at least one value");
  const allowedTenants = options.allowedTenants === "*" ? "*" : new Set(options.allowedTenants);
  if (allowedTenants !== "*" && allowedTenants.size === 0) {
    throw new Error('token verifier: allowedTenants must list at least one tenant id, or be "*"');
  }
  const requiredScope = options.requiredScope ?? DEFAULT_REQUIRED_SCOPE;
  const clockTolerance = options.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS;
  const now = options.now ?? Date.now;

  return {
    async verify(token: string): Promise<Identity> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          algorithms: ALLOWED_ALGORITHMS,
          audience,
          clockTolerance,
          currentDate: new Date(now()),
          requiredClaims: ["exp"],
        }));
      } catch (error) {
        throw rejectionFor(error);
      }

      if (payload["ver"] !== "2.0") {
        const isV1 = payload["ver"] === "1.0" || (typeof payload.iss === "string" && payload.iss.startsWith(V1_ISSUER_PREFIX));
        throw new TokenRejectedError(isV1 ? "v1 token (the app registration must issue v2 tokens)" : "unsupported token version");
      }
      const tenantId = idClaim(payload, "tid");
      if (payload.iss !== options.issuerForTenant(tenantId)) throw new TokenRejectedError("issuer mismatch");
      if (allowedTenants !== "*" && !allowedTenants.has(tenantId)) throw new TokenRejectedError("tenant not allowed");
      const scopes = payload["scp"];
      if (typeof scopes !== "string" || scopes.trim() === "") throw new TokenRejectedError("missing scope");
      if (!scopes.split(" ").includes(requiredScope)) throw new TokenRejectedError("required scope not granted");
      const userId = idClaim(payload, "oid");

      const userPrincipalName = stringClaim(payload, "preferred_username");
      // `name` is optional in Entra tokens; the object id is the last resort so a person always has a label
      const displayName = (stringClaim(payload, "name") ?? userPrincipalName ?? userId).slice(0, Limits.maxDisplayNameLength);
      return {
        tenantId,
        userId,
        displayName,
        ...(userPrincipalName === undefined ? {} : { userPrincipalName }),
        // requiredClaims guarantees a numeric exp by now
        expiresAt: (payload.exp ?? 0) * 1000,
      };
    },
  };
}

function keyResolver(options: TokenKeySource): JWTVerifyGetKey {
  if (options.jwksUrl !== undefined) return createRemoteJWKSet(new URL(options.jwksUrl));
  if (typeof options.keys === "function") return options.keys;
  return createLocalJWKSet(options.keys);
}

// tid and oid become keys in meeting state and store rows, so they must pass the protocol's id rules
function idClaim(payload: JWTPayload, claim: "tid" | "oid"): string {
  const value = payload[claim];
  if (value === undefined) throw new TokenRejectedError(`missing ${claim}`);
  if (!IdSchema.safeParse(value).success) throw new TokenRejectedError(`invalid ${claim}`);
  return value as string;
}

function stringClaim(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function rejectionFor(error: unknown): TokenRejectedError {
  if (error instanceof errors.JWTExpired) return new TokenRejectedError("expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return new TokenRejectedError("audience mismatch");
    if (error.claim === "nbf") return new TokenRejectedError("not yet valid");
    if (error.reason === "missing") return new TokenRejectedError(`missing ${error.claim}`);
    return new TokenRejectedError(`invalid ${error.claim}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new TokenRejectedError("unsupported algorithm");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenRejectedError("bad signature");
  if (error instanceof errors.JWKSNoMatchingKey) return new TokenRejectedError("unknown signing key");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new TokenRejectedError("malformed token");
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return withCause(new TokenRejectedError("signing keys unavailable"), error);
  }
  // anything else (the JWKS host unreachable, a bug) still refuses the token; the cause is kept for the server's logs
  return withCause(new TokenRejectedError("verification failed"), error);
}

function withCause(rejection: TokenRejectedError, cause: unknown): TokenRejectedError {
  rejection.cause = cause;
  return rejection;
}
