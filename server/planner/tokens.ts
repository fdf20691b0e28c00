import { ConfidentialClientApplication } from "@azure/msal-node";
import type { Configuration, INetworkModule } from "@azure/msal-node";
import type { Identity, TokenVerifier } from "../auth/identity.ts";

/**
 * Whose permission Concord writes to Planner with. `application`: Concord itself, with the
 * application permission Tasks.ReadWrite.All (client credentials), so background work needs nobody
 * signed in. `delegated`: a person, on-behalf-of their Teams SSO token with Tasks.ReadWrite — the
 * least privilege, but it works only while that person's SSO token is fresh (about an hour after
 * they last used Concord).
 */
export type PlannerAuthMode = "application" | "delegated";

/** The scope of an app-only Graph token: whatever application permissions the admin granted. */
export const GRAPH_APPLICATION_SCOPE = "https://graph.microsoft.com/.default";
/** The delegated scope Concord asks for on a user's behalf (the least Planner permission). */
export const GRAPH_DELEGATED_SCOPES = ["https://graph.microsoft.com/Tasks.ReadWrite"];
/** Entra's public cloud; sovereign clouds configure their own. */
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** A cached token is replaced this long before it expires, so no request leaves with a dying token. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Who a Graph request is for: the tenant, and the person whose permission a delegated token carries. */
export interface GraphTokenRequest {
  tenantId: string;
  /** Ignored in application mode. */
  userId: string;
}

/** Gives Graph access tokens. They stay on the server: nothing here ever reaches a browser. */
export interface TokenSource {
  readonly mode: PlannerAuthMode;
  getToken(request: GraphTokenRequest): Promise<string>;
}

/** No token can be had for this caller now (e.g. no fresh SSO token to exchange); try again later. */
export class TokenUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenUnavailableError";
  }
}

/** The Entra app registration Concord's server authenticates as. */
export interface EntraClientCredentials {
  clientId: string;
  /** Never logged, never put in an error. */
  clientSecret: string;
  /** Defaults to {@link DEFAULT_AUTHORITY_HOST}. */
  authorityHost?: string;
  /** msal-node's HTTP client; tests give a local one. */
  networkClient?: INetworkModule;
}

/** Application mode: client credentials per tenant, for Tasks.ReadWrite.All. msal-node caches the token. */
export function createApplicationTokenSource(credentials: EntraClientCredentials): TokenSource {
  const applicationFor = perTenantApplications(credentials);
  return {
    mode: "application",
    async getToken({ tenantId }) {
      const result = await applicationFor(tenantId).acquireTokenByClientCredential({ scopes: [GRAPH_APPLICATION_SCOPE] });
      if (!result?.accessToken) throw new TokenUnavailableError(`Entra gave no application token for tenant ${tenantId}.`);
      return result.accessToken;
    },
  };
}

/**
 * Delegated mode: exchanges the person's latest Teams SSO token (remembered by {@link SsoAssertions})
 * for a Graph token on their behalf. msal-node caches the result per assertion.
 */
export function createDelegatedTokenSource(credentials: EntraClientCredentials, assertions: SsoAssertions): TokenSource {
  const applicationFor = perTenantApplications(credentials);
  return {
    mode: "delegated",
    async getToken({ tenantId, userId }) {
      const assertion = assertions.get(tenantId, userId);
      if (assertion === null) {
        throw new TokenUnavailableError(`Planner is written with ${userId}'s permission, and they have not used Concord in the last hour; it resumes when they open it.`);
      }
      const result = await applicationFor(tenantId).acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: GRAPH_DELEGATED_SCOPES });
      if (!result?.accessToken) throw new TokenUnavailableError(`Entra gave no token on behalf of ${userId}.`);
      return result.accessToken;
    },
  };
}

/** What a development token source asks the dev identity provider for (its `issueGraphToken`). */
export type DevGraphTokenIssuer = (
  request: { kind: "delegated"; tenantId: string; userId: string } | { kind: "app"; tenantId: string; appId: string },
) => Promise<{ token: string; expiresAt: number }>;

/** The app id development app-only tokens name. */
export const DEV_PLANNER_APP_ID = "c0c0de00-a990-4c0d-8000-00000000a990";

/**
 * Development: Graph tokens signed by the dev identity provider, which the Planner emulator
 * accepts and real Graph never would. Either mode behaves as in production, without Entra.
 */
export function createDevelopmentTokenSource(options: { mode: PlannerAuthMode; issue: DevGraphTokenIssuer; now?: () => number }): TokenSource {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return {
    mode: options.mode,
    async getToken({ tenantId, userId }) {
      const key = options.mode === "application" ? tenantId : `${tenantId}/${userId}`;
      const cached = cache.get(key);
      if (cached && cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > now()) return cached.token;
      const issued = await options.issue(
        options.mode === "application" ? { kind: "app", tenantId, appId: DEV_PLANNER_APP_ID } : { kind: "delegated", tenantId, userId },
      );
      cache.set(key, issued);
      return issued.token;
    },
  };
}

/** The most people whose SSO tokens are remembered at once; the stalest are forgotten first. */
export const MAX_REMEMBERED_ASSERTIONS = 10_000;

/**
 * The latest verified Teams SSO token of each person, kept in memory until it expires, for
 * on-behalf-of exchanges. Only tokens that passed verification get here.
 */
export interface SsoAssertions {
  remember(identity: Identity, token: string): void;
  /** The person's SSO token if it is still valid, else null. */
  get(tenantId: string, userId: string): string | null;
}

/** Creates an empty, bounded assertion memory. */
export function createSsoAssertions(now: () => number = Date.now): SsoAssertions {
  const byPerson = new Map<string, { token: string; expiresAt: number }>();
  return {
    remember(identity, token) {
      const key = `${identity.tenantId}/${identity.userId}`;
      byPerson.delete(key);
      byPerson.set(key, { token, expiresAt: identity.expiresAt });
      if (byPerson.size > MAX_REMEMBERED_ASSERTIONS) {
        const oldest = byPerson.keys().next().value;
        if (oldest !== undefined) byPerson.delete(oldest);
      }
    },
    get(tenantId, userId) {
      const key = `${tenantId}/${userId}`;
      const entry = byPerson.get(key);
      if (!entry) return null;
      // an assertion about to expire would fail at Entra mid-exchange
      if (entry.expiresAt - 60_000 <= now()) {
        byPerson.delete(key);
        return null;
      }
      return entry.token;
    },
  };
}

/** A verifier that also remembers each verified SSO token for delegated Planner writes. */
export function rememberingAssertions(verifier: TokenVerifier, assertions: SsoAssertions): TokenVerifier {
  return {
    async verify(token) {
      const identity = await verifier.verify(token);
      assertions.remember(identity, token);
      return identity;
    },
  };
}

function perTenantApplications(credentials: EntraClientCredentials): (tenantId: string) => ConfidentialClientApplication {
  const host = (credentials.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "");
  const applications = new Map<string, ConfidentialClientApplication>();
  return (tenantId) => {
    // a token is always for one tenant: multi-tenant apps act in the tenant the commitment lives in
    let application = applications.get(tenantId);
    if (!application) {
      const configuration: Configuration = {
        auth: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, authority: `${host}/${encodeURIComponent(tenantId)}` },
        ...(credentials.networkClient ? { system: { networkClient: credentials.networkClient } } : {}),
      };
      application = new ConfidentialClientApplication(configuration);
      applications.set(tenantId, application);
    }
    return application;
  };
}
