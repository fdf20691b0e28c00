import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBodySchema } from "../../src/protocol/rest.ts";
import { MAX_ROSTER_PARTICIPANTS, createDevRoster } from "./roster.ts";
import type { DevRoster } from "./roster.ts";

const TENANT = "dev-tenant";

let server: Server;
let base: string;
let roster: DevRoster;

beforeAll(async () => {
  roster = createDevRoster();
  const app = express();
  app.use("/dev", roster.router);
  server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function putRoster(meetingId: string, body: unknown): Promise<Response> {
  return fetch(`${base}/meetings/${encodeURIComponent(meetingId)}/roster`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const participant = (userId: string, meetingRole: string) => ({ userId, displayName: `Person ${userId}`, meetingRole });

describe("dev roster", () => {
  it("stores a roster, returns it, and resolves roles from it", async () => {
    const body = { tenantId: TENANT, participants: [participant("u-org", "organizer"), participant("u-att", "attendee")] };
    expect((await putRoster("meeting-1", body)).status).toBe(200);

    const stored = await fetch(`${base}/meetings/meeting-1/roster`);
    expect(await stored.json()).toEqual({ meetingId: "meeting-1", ...body });
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-1", userId: "u-org" })).toBe("organizer");
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-1", userId: "u-att" })).toBe("attendee");
  });

  it("replaces the whole roster on PUT", async () => {
    await putRoster("meeting-2", { tenantId: TENANT, participants: [participant("u-1", "attendee"), participant("u-2", "attendee")] });
    await putRoster("meeting-2", { tenantId: TENANT, participants: [participant("u-1", "presenter")] });
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-2", userId: "u-1" })).toBe("presenter");
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-2", userId: "u-2" })).toBeNull();
  });

  it("answers null for an unknown meeting, an absent person, and another tenant", async () => {
    await putRoster("meeting-3", { tenantId: TENANT, participants: [participant("u-1", "organizer")] });
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "no-such-meeting", userId: "u-1" })).toBeNull();
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-3", userId: "u-9" })).toBeNull();
    expect(await roster.resolver.resolve({ tenantId: "other-tenant", meetingId: "meeting-3", userId: "u-1" })).toBeNull();
  });

  it("answers 404 for a meeting with no roster", async () => {
    const response = await fetch(`${base}/meetings/never-set/roster`);
    expect(response.status).toBe(404);
    expect(ErrorBodySchema.parse(await response.json()).error.code).toBe("notFound");
  });

  it("refuses bad input with 400 naming the field, and keeps the previous roster", async () => {
    await putRoster("meeting-4", { tenantId: TENANT, participants: [participant("u-1", "organizer")] });
    const cases: [unknown, string][] = [
      [{ tenantId: TENANT, participants: [participant("u-1", "boss")] }, "participants.0.meetingRole"],
      [{ tenantId: TENANT, participants: [participant("u-1", "attendee"), participant("u-1", "presenter")] }, "participants.1.userId"],
      [{ tenantId: TENANT, participants: [participant("__proto__", "attendee")] }, "participants.0.userId"],
      [{ participants: [] }, "tenantId"],
      [{ tenantId: TENANT, participants: [{ userId: "u-1", displayName: "", meetingRole: "attendee" }] }, "participants.0.displayName"],
    ];
    for (const [body, field] of cases) {
      const response = await putRoster("meeting-4", body);
      expect(response.status).toBe(400);
      const error = ErrorBodySchema.parse(await response.json()).error;
      expect(error.fields?.map((issue) => issue.path)).toContain(field);
    }
    expect(await roster.resolver.resolve({ tenantId: TENANT, meetingId: "meeting-4", userId: "u-1" })).toBe("organizer");
  });

  it("accepts a full meeting and refuses one participant more", async () => {
    const full = Array.from({ length: MAX_ROSTER_PARTICIPANTS }, (_, index) => participant(`user-${index}`, "attendee"));
    expect((await putRoster("meeting-5", { tenantId: TENANT, participants: full })).status).toBe(200);
    const tooMany = await putRoster("meeting-5", { tenantId: TENANT, participants: [...full, participant("one-more", "attendee")] });
    expect(tooMany.status).toBe(400);
    expect(ErrorBodySchema.parse(await tooMany.json()).error.fields?.[0]?.path).toBe("participants");
  });

  it("refuses a meeting id that is not an id", async () => {
    const response = await putRoster("has space", { tenantId: TENANT, participants: [] });
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.fields?.[0]?.path).toBe("meetingId");
  });
});

describe("roster persistence", () => {
  it("remembers rosters across a restart when given a file", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "concord-roster-"));
    const file = path.join(directory, "roster.json");
    const app = express();
    app.use("/dev", createDevRoster({ file }).router);
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/dev/meetings/m-persist/roster`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenantId: "t-1", participants: [{ userId: "u-1", displayName: "Avery", meetingRole: "organizer" }] }),
    });
    expect(response.status).toBe(200);
    server.close();
    const restarted = createDevRoster({ file });
    expect(await restarted.resolver.resolve({ tenantId: "t-1", meetingId: "m-persist", userId: "u-1" })).toBe("organizer");
    fs.rmSync(directory, { recursive: true, force: true });
  });
});
