import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, startNodeProcess } from "../../test/fixtures/processes.ts";

/** The built Concord server in development mode on a free port with an empty database. */
export interface DevServer {
  origin: string;
  process: ChildProcess;
  dataDir: string;
}

export async function startDevServer(): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-"));
  const child = await startNodeProcess(
    ["--expose-gc", "dist/node/server/main.js"],
    { PORT: String(port), HOST: "127.0.0.1", PUBLIC_ORIGIN: origin, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    `${origin}/healthz`,
  );
  return { origin, process: child, dataDir };
}

/** Heap and off-heap bytes the dev server holds after a full garbage collection. */
export async function liveBytes(origin: string): Promise<number> {
  const response = await fetch(`${origin}/dev/diagnostics`);
  const body = (await response.json()) as { isCollected: boolean; heapUsed: number; external: number };
  if (!body.isCollected) throw new Error("the server was not started with --expose-gc");
  return body.heapUsed + body.external;
}

/** A server process's resident set, heap and off-heap bytes. */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Asks the dev server (started with --expose-gc) for its memory after a full collection. */
export async function serverMemory(origin: string): Promise<ServerMemory> {
  const response = await fetch(`${origin}/dev/diagnostics`);
  const body = (await response.json()) as ServerMemory & { isCollected: boolean };
  if (!body.isCollected) throw new Error("the server was not started with --expose-gc");
  return { rss: body.rss, heapUsed: body.heapUsed, external: body.external };
}

/** A process's peak resident set so far (Linux's VmHWM), or null where /proc does not say. */
export function peakRssBytes(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** A GUID-shaped id for the n-th simulated person. */
export function benchUserId(n: number): string {
  return `b0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

export const BENCH_TENANT = "b0000000-0000-4000-8000-00000000beef";

/** Seats people in a meeting through the dev roster, the first as organizer. */
export async function seatRoster(origin: string, meetingId: string, count: number): Promise<void> {
  const participants = Array.from({ length: count }, (_, n) => ({
    userId: benchUserId(n),
    displayName: `Participant ${n}`,
    meetingRole: n === 0 ? "organizer" : "attendee",
  }));
  const response = await fetch(`${origin}/dev/meetings/${meetingId}/roster`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenantId: BENCH_TENANT, participants }),
  });
  if (!response.ok) throw new Error(`roster refused: ${response.status} ${await response.text()}`);
}

/** Dev identity provider tokens for the first `count` people, fetched a few at a time. */
export async function devTokens(origin: string, count: number): Promise<string[]> {
  const tokens: string[] = new Array<string>(count);
  const fetchOne = async (n: number) => {
    const response = await fetch(`${origin}/dev/idp/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenantId: BENCH_TENANT, userId: benchUserId(n), displayName: `Participant ${n}` }),
    });
    if (!response.ok) throw new Error(`token refused: ${response.status}`);
    tokens[n] = ((await response.json()) as { token: string }).token;
  };
  for (let start = 0; start < count; start += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - start) }, (_, offset) => fetchOne(start + offset)));
  }
  return tokens;
}
