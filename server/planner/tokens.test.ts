import type { INetworkModule } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.ts";
import {
  DEV_PLANNER_APP_ID,
  TokenUnavailableError,
  createApplicationTokenSource,
  createDelegatedTokenSource,
  createDevelopmentTokenSource,
  createSsoAssertions,
  rememberingAssertions,
} from "./tokens.ts";

const TENANT = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const CLIENT = { clientId: "11111111-2222-4333-8444-555555555555", clientSecret: "not-a-real-secret" };
const HOUR = 3_600_000;

/**
 * msal-node's HTTP client, answered locally: records each token request and returns a token.
 * msal-node knows the public cloud's endpoints itself, so only token requests are expected.
 */
function fakeEntra() {
  const requests: { url: string; form: URLSearchParams }[] = [];
  let issued = 0;
  const networkClient: INetworkModule = {
    sendGetRequestAsync: (url) => Promise.reject(new Error(`unexpected GET ${url}`)),
    sendPostRequestAsync: <T>(url: string, options?: { body?: string }) => {
      requests.push({ url, form: new URLSearchParams(options?.body ?? "") });
      const body = { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: `graph-token-${++issued}` };
      return Promise.resolve({ status: 200, headers: {}, body: body as T });
    },
  };
  return { networkClient, requests };
}

const person = (userId: string, expiresAt: number): Identity => ({ tenantId: TENANT, userId, displayName: userId, expiresAt });

describe("application mode (client credentials)", () => {
  it("asks the tenant's token endpoint for Graph's .default scope with the client secret, and caches the token", async () => {
    const entra = fakeEntra();
    const tokens = createApplicationTokenSource({ ...CLIENT, networkClient: entra.networkClient });
    expect(tokens.mode).toBe("application");
    expect(await tokens.getToken({ tenantId: TENANT, userId: "ignored" })).toBe("graph-token-1");
    expect(await tokens.getToken({ tenantId: TENANT, userId: "someone-else" })).toBe("graph-token-1");
    expect(entra.requests).toHaveLength(1);
    const [request] = entra.requests;
    expect(new URL(request!.url).pathname).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(Object.fromEntries([...request!.form].filter(([name]) => ["grant_type", "scope", "client_id", "client_secret"].includes(name)))).toEqual({
      grant_type: "client_credentials",
      scope: "https://graph.microsoft.com/.default",
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
  });

  it("keeps tenants apart: each gets its own authority and token", async () => {
    const entra = fakeEntra();
    const tokens = createApplicationTokenSource({ ...CLIENT, networkClient: entra.networkClient });
    const other = "ffffffff-1111-4222-8333-444444444444";
    expect([await tokens.getToken({ tenantId: TENANT, userId: "" }), await tokens.getToken({ tenantId: other, userId: "" })]).toEqual(["graph-token-1", "graph-token-2"]);
    expect(entra.requests.map((request) => new URL(request.url).pathname.split("/")[1])).toEqual([TENANT, other]);
  });
});

describe("delegated mode (on-behalf-of)", () => {
  it("exchanges the person's remembered SSO token for Tasks.ReadWrite", async () => {
    const entra = fakeEntra();
    const assertions = createSsoAssertions(() => 1_000);
    assertions.remember(person("avery", 1_000 + HOUR), "sso-token-of-avery");
    const tokens = createDelegatedTokenSource({ ...CLIENT, networkClient: entra.networkClient }, assertions);
    expect(await tokens.getToken({ tenantId: TENANT, userId: "avery" })).toBe("graph-token-1");
    const form = entra.requests[0]!.form;
    expect([form.get("grant_type"), form.get("requested_token_use"), form.get("assertion")]).toEqual([
      "urn:ietf:params:oauth:grant-type:jwt-bearer",
      "on_behalf_of",
      "sso-token-of-avery",
    ]);
    expect(form.get("scope")?.split(" ")).toContain("https://graph.microsoft.com/Tasks.ReadWrite");
  });

  it("has no token for someone whose SSO token it never saw or that has expired, and asks Entra for nothing", async () => {
    const entra = fakeEntra();
    let now = 0;
    const assertions = createSsoAssertions(() => now);
    assertions.remember(person("avery", HOUR), "sso-token-of-avery");
    const tokens = createDelegatedTokenSource({ ...CLIENT, networkClient: entra.networkClient }, assertions);
    await expect(tokens.getToken({ tenantId: TENANT, userId: "blake" })).rejects.toBeInstanceOf(TokenUnavailableError);
    now = HOUR - 30_000;
    await expect(tokens.getToken({ tenantId: TENANT, userId: "avery" })).rejects.toThrow(/have not used Concord in the last hour/);
    expect(entra.requests).toHaveLength(0);
  });

  it("remembers only tokens the verifier accepted", async () => {
    const assertions = createSsoAssertions(() => 0);
    const verifier = rememberingAssertions(
      {
        verify: (token) => (token === "good" ? Promise.resolve(person("avery", HOUR)) : Promise.reject(new Error("token rejected"))),
      },
      assertions,
    );
    await verifier.verify("good");
    await expect(verifier.verify("forged")).rejects.toThrow();
    expect(assertions.get(TENANT, "avery")).toBe("good");
  });
});

describe("development tokens", () => {
  it("asks the dev identity provider for app tokens per tenant, or a person's, and reuses them until near expiry", async () => {
    const asked: unknown[] = [];
    let now = 0;
    const issue = (request: unknown) => {
      asked.push(request);
      return Promise.resolve({ token: `dev-${asked.length}`, expiresAt: now + HOUR });
    };
    const app = createDevelopmentTokenSource({ mode: "application", issue, now: () => now });
    expect([await app.getToken({ tenantId: TENANT, userId: "a" }), await app.getToken({ tenantId: TENANT, userId: "b" })]).toEqual(["dev-1", "dev-1"]);
    now = HOUR - 60_000;
    expect(await app.getToken({ tenantId: TENANT, userId: "a" })).toBe("dev-2");
    const delegated = createDevelopmentTokenSource({ mode: "delegated", issue, now: () => now });
    await delegated.getToken({ tenantId: TENANT, userId: "avery" });
    expect(asked).toEqual([
      { kind: "app", tenantId: TENANT, appId: DEV_PLANNER_APP_ID },
      { kind: "app", tenantId: TENANT, appId: DEV_PLANNER_APP_ID },
      { kind: "delegated", tenantId: TENANT, userId: "avery" },
    ]);
  });
});
