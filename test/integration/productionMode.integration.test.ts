import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, startNodeProcess, stopProcess } from "../fixtures/processes.ts";

// With Entra configured the same build runs in production mode: the simulator, the dev identity
// provider and the roster are not mounted, and no request can switch them on.
let server: ChildProcess;
let origin: string;
let dataDir: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-prod-"));
  server = await startNodeProcess(
    ["--import", "tsx", "server/main.ts"],
    {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ENTRA_CLIENT_ID: "6f0b1d8e-4c1f-4b8e-9a3c-2d5e7f901234",
      ENTRA_ALLOWED_TENANTS: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      PUBLIC_ORIGIN: "https://concord.example.com",
      BOT_APP_ID: "0d1e2f3a-0000-4000-8000-000000000b07",
      BOT_APP_SECRET: "not-used-by-this-test",
      TEAMS_SERVICE_URL: "https://smba.trafficmanager.net/amer/",
    },
    `${origin}/healthz`,
  );
});

afterAll(async () => {
  await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("production mode", () => {
  it("reports production on /healthz", async () => {
    expect(await (await fetch(`${origin}/healthz`)).json()).toMatchObject({ mode: "production" });
  });

  it.each([
    ["GET", "/dev/meeting/"],
    ["GET", "/dev/idp/keys"],
    ["POST", "/dev/idp/token"],
    ["PUT", "/dev/meetings/m1/roster"],
  ])("does not serve %s %s", async (method, route) => {
    const response = await fetch(`${origin}${route}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: JSON.stringify({ tenantId: "t", userId: "u", displayName: "Mallory" }) }),
    });
    expect(response.status).toBe(404);
  });
});
