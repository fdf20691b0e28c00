import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT_FRAMEWORK_SCOPE, BOT_TOKEN_REFRESH_MARGIN_MS, BotTokenError, createBotTokenProvider } from "../../server/auth/botTokenProvider.ts";
import { ROLE_CACHE_TTL_MS, RoleResolutionError, createTeamsRoleResolver } from "../../server/auth/teamsRoleResolver.ts";

const BOT_ID = "b0770000-0000-4000-8000-000000000001";
const BOT_SECRET = "s3cret-value-that-must-not-leak";
const TENANT = "0b6c5f1e-3c2a-4d7e-9a51-6f2d8c4b1a01";
// Teams meeting ids are base64, so they carry characters that must be escaped in a path
const MEETING = "MCMxOTptZWV0aW5n/Tk2+YTQ=@thread.v2";
const TOKEN_LIFETIME_SECONDS = 3600;

/** Teams' documented participant shape, trimmed to what matters plus a little of the rest. */
const participants = new Map<string, { role: string; name: string }>([
  ["organizer-oid", { role: "Organizer", name: "Grace Hopper" }],
  ["presenter-oid", { role: "PRESENTER", name: "Alan Turing" }],
  ["attendee-oid", { role: "Attendee", name: "Ada Lovelace" }],
  ["coorganizer-oid", { role: "Coorganizer", name: "Edsger Dijkstra" }],
]);
const FAILING_USER = "failing-oid";
const HANGING_USER = "hanging-oid";

interface SeenRequest {
  path: string;
  tenantId: unknown;
  authorization: string | undefined;
}

let server: Server;
let origin: string;
let issuedTokens: string[] = [];
let participantRequests: SeenRequest[] = [];

beforeAll(async () => {
  const app = express();
  app.post("/botframework.com/oauth2/v2.0/token", express.urlencoded({ extended: false }), (request, response) => {
    const form = request.body as Record<string, string>;
    if (form["grant_type"] !== "client_credentials" || form["scope"] !== BOT_FRAMEWORK_SCOPE) {
      response.status(400).json({ error: "invalid_request", error_description: "AADSTS900144: bad grant or scope" });
      return;
    }
    if (form["client_id"] !== BOT_ID || form["client_secret"] !== BOT_SECRET) {
      response.status(401).json({
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1234\r\nCorrelation ID: 5678",
      });
      return;
    }
    const token = `bf-token-${issuedTokens.length + 1}`;
    issuedTokens.push(token);
    response.json({ token_type: "Bearer", expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: token });
  });
  app.get("/amer/v1/meetings/:meetingId/participants/:userId", (request, response) => {
    const { meetingId, userId } = request.params;
    participantRequests.push({ path: request.path, tenantId: request.query["tenantId"], authorization: request.headers.authorization });
    if (request.headers.authorization !== `Bearer ${issuedTokens.at(-1)}`) {
      response.status(401).json({ message: "Authorization has been denied for this request." });
      return;
    }
    if (userId === HANGING_USER) return;
    if (userId === FAILING_USER) {
      response.status(500).json({ error: { code: "ServiceError", message: "Unknown" } });
      return;
    }
    const participant = participants.get(userId);
    if (meetingId !== MEETING || request.query["tenantId"] !== TENANT || !participant) {
      response.status(404).json({ error: { code: "NotFound", message: "Participant not found" } });
      return;
    }
    response.json({
      user: { id: `29:${userId}`, name: participant.name, aadObjectId: userId, tenantId: TENANT, userRole: "user" },
      meeting: { role: participant.role, inMeeting: true },
      conversation: { id: "19:meeting_abc@thread.v2", isGroup: true },
    });
  });
  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  issuedTokens = [];
  participantRequests = [];
});

function setUp(options: { clientSecret?: string; timeoutMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const tokenProvider = createBotTokenProvider({
    clientId: BOT_ID,
    clientSecret: options.clientSecret ?? BOT_SECRET,
    authority: `${origin}/botframework.com`,
    now,
  });
  const resolver = createTeamsRoleResolver({
    serviceUrl: `${origin}/amer/`,
    tokenProvider,
    now,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const resolve = (userId: string, tenantId = TENANT) => resolver.resolve({ tenantId, meetingId: MEETING, userId });
  return { clock, tokenProvider, resolve };
}

describe("Teams meeting role resolver against a local fake of Entra and the participant API", () => {
  it("maps Teams roles, whatever their case, onto meeting roles", async () => {
    const { resolve } = setUp();
    expect(await resolve("organizer-oid")).toBe("organizer");
    expect(await resolve("presenter-oid")).toBe("presenter");
    expect(await resolve("attendee-oid")).toBe("attendee");
  });

  it("gives a role Teams adds later the least privilege", async () => {
    const { resolve } = setUp();
    expect(await resolve("coorganizer-oid")).toBe("attendee");
  });

  it("calls the documented path with the escaped meeting id, the tenant and the bot token", async () => {
    const { resolve } = setUp();
    await resolve("organizer-oid");
    expect(participantRequests).toEqual([
      {
        path: `/amer/v1/meetings/${encodeURIComponent(MEETING)}/participants/organizer-oid`,
        tenantId: TENANT,
        authorization: "Bearer bf-token-1",
      },
    ]);
  });

  it("answers null for someone who is not a participant, and asks again next time", async () => {
    const { resolve } = setUp();
    expect(await resolve("stranger-oid")).toBeNull();
    expect(await resolve("stranger-oid")).toBeNull();
    expect(participantRequests).toHaveLength(2);
  });

  it("answers null for a participant asked about under another tenant", async () => {
    const { resolve } = setUp();
    expect(await resolve("organizer-oid", "7e4a2d9c-1b3f-4a6e-8c52-9d1f0e3b2a02")).toBeNull();
  });

  it("throws a clear error when Teams fails", async () => {
    const { resolve } = setUp();
    const error = await resolve(FAILING_USER).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RoleResolutionError);
    expect(error).toMatchObject({ status: 500, message: "meeting participant API failed with HTTP 500" });
  });

  it("gives up on a participant API that does not answer", async () => {
    const { resolve } = setUp({ timeoutMs: 50 });
    await expect(resolve(HANGING_USER)).rejects.toThrow(/timed out/);
  });

  it("reuses a resolved role for the cache period, then asks Teams again", async () => {
    const { clock, resolve } = setUp();
    await resolve("presenter-oid");
    clock.now += ROLE_CACHE_TTL_MS - 1;
    expect(await resolve("presenter-oid")).toBe("presenter");
    expect(participantRequests).toHaveLength(1);
    clock.now += 1;
    expect(await resolve("presenter-oid")).toBe("presenter");
    expect(participantRequests).toHaveLength(2);
  });

  it("reuses one bot token across calls until shortly before it expires", async () => {
    const { clock, resolve } = setUp();
    await resolve("organizer-oid");
    await resolve("presenter-oid");
    await resolve("attendee-oid");
    expect(issuedTokens).toEqual(["bf-token-1"]);
    clock.now += TOKEN_LIFETIME_SECONDS * 1000 - BOT_TOKEN_REFRESH_MARGIN_MS;
    await resolve("stranger-oid");
    expect(issuedTokens).toEqual(["bf-token-1", "bf-token-2"]);
    expect(participantRequests.at(-1)?.authorization).toBe("Bearer bf-token-2");
  });

  it("shares one token request among concurrent callers", async () => {
    const { tokenProvider } = setUp();
    const tokens = await Promise.all([tokenProvider.getToken(), tokenProvider.getToken(), tokenProvider.getToken()]);
    expect(tokens).toEqual(["bf-token-1", "bf-token-1", "bf-token-1"]);
    expect(issuedTokens).toHaveLength(1);
  });

  it("reports a refused client secret with Entra's reason and without the secret", async () => {
    const { resolve } = setUp({ clientSecret: "wrong-secret" });
    const error = await resolve("organizer-oid").catch((failure: unknown) => failure as Error);
    expect(error).toBeInstanceOf(BotTokenError);
    expect((error as Error).message).toContain("HTTP 401: invalid_client (AADSTS7000215: Invalid client secret provided.)");
    expect((error as Error).message).not.toContain("wrong-secret");
    expect(participantRequests).toHaveLength(0);
  });
});
