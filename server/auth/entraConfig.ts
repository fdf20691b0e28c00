import type { TokenVerifierOptions } from "./entraTokenVerifier.ts";

/** Entra's v2 signing keys, shared by every tenant; `createRemoteJWKSet` caches and refreshes them. */
export const ENTRA_V2_JWKS_URL = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/** The issuer of a v2 access token from tenant `tenantId`. */
export function entraIssuerForTenant(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

/** What production needs to know about the app registration. */
export interface EntraAppRegistration {
  /** The app's client id; v2 tokens carry it as `aud`. */
  clientId: string;
  /** The `webApplicationInfo.resource`, e.g. `api://concord.example.com/<client id>`, also accepted as `aud`. */
  apiResource?: string;
  /** Tenants allowed to use this deployment, or "*" for any. */
  allowedTenants: "*" | readonly string[];
}

/** Verifier options for real Entra SSO tokens; the same `createTokenVerifier` the dev IdP uses. */
export function entraProductionVerifierOptions(registration: EntraAppRegistration): TokenVerifierOptions {
  if (registration.clientId.trim() === "") throw new Error("Entra configuration: clientId must not be empty");
  const audience = registration.apiResource === undefined ? [registration.clientId] : [registration.clientId, registration.apiResource];
  return {
    jwksUrl: ENTRA_V2_JWKS_URL,
    audience,
    issuerForTenant: entraIssuerForTenant,
    allowedTenants: registration.allowedTenants,
  };
}
