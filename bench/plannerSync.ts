import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import express from "express";
import { createInProcessBus } from "../server/bus/inProcessBus.ts";
import { systemClock } from "../server/clock.ts";
import { createGraphTokenVerifier } from "../server/dev/planner/graphAuth.ts";
import { createPlannerEmulator } from "../server/dev/planner/plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "../server/dev/planner/seed.ts";
import { createDevIdentityProvider } from "../server/dev/identityProvider.ts";
import { silentLogger } from "../server/logger.ts";
import { MeetingService } from "../server/meetings/meetingService.ts";
import { spaceOfMeeting } from "../server/meetings/space.ts";
import { tabCommitmentLinks } from "../server/planner/commitmentLinks.ts";
import { createPlannerApi } from "../server/planner/plannerApi.ts";
import type { PlannerApi } from "../server/planner/plannerApi.ts";
import { PlannerSyncWorker } from "../server/planner/syncWorker.ts";
import { createDevelopmentTokenSource } from "../server/planner/tokens.ts";
import { createSqliteEventStore } from "../server/store/sqlite/sqliteEventStore.ts";
import { createSqlitePlannerTargetStore } from "../server/store/sqlite/sqlitePlannerTargetStore.ts";
import { formatMs, median } from "./support/stats.ts";

// Planner sync: 100 captured commitments, sent by the worker to the Planner emulator with 100 ms of
// latency on every HTTP request, timed from the first claim until Concord records all 100 as
// synced. The floor is ceil(100/20) × 2 round trips (creates, then details, batched); the target
// is within 2× of it. The floor's round trip is also measured here: 10 sequential $batch requests
// of 20 reads through the same delayed server.
const COMMITMENTS = Number(process.env.BENCH_COMMITMENTS ?? 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 20;
const FLOOR_ROUND_TRIPS = Math.ceil(COMMITMENTS / BATCH) * 2;
const OWNERS = ["9d2c7c1e-4b5a-4f6e-8a7b-1c2d3e4f5a60", "4f0e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"];

/** The emulator behind a server that holds every Graph request `LATENCY_MS` before handling it. */
async function startDelayedEmulator() {
  const app = express();
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp = await createDevIdentityProvider({ issuerBase: `${origin}/dev/idp`, audience: "concord-bench" });
  const emulator = createPlannerEmulator({ verifier: createGraphTokenVerifier(idp.graphVerifierOptions) });
  app.use("/dev/graph", (_request, _response, next) => void setTimeout(next, LATENCY_MS));
  app.use("/dev", emulator.router);
  const tokens = createDevelopmentTokenSource({ mode: "application", issue: (request) => idp.issueGraphToken(request) });
  const baseUrl = `${origin}/dev/graph`;
  return {
    emulator,
    api: (): PlannerApi => createPlannerApi({ baseUrl, token: () => tokens.getToken({ tenantId: DEV_PLANNER_IDS.tenantId, userId: OWNERS[0]! }) }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** One run: a fresh database and emulator, the commitments captured, then the worker timed. */
async function concordRun(concurrency: number): Promise<number> {
  const graph = await startDelayedEmulator();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-planner-"));
  const filename = path.join(folder, "concord.sqlite");
  const store = await createSqliteEventStore({ filename });
  const targets = await createSqlitePlannerTargetStore({ filename });
  const meetings = new MeetingService(store, createInProcessBus(), systemClock, silentLogger);
  const key = { tenantId: DEV_PLANNER_IDS.tenantId, meetingId: "bench-planner" };
  await targets.set(
    { tenantId: key.tenantId, spaceId: spaceOfMeeting(key.meetingId) },
    { planId: DEV_PLANNER_IDS.planId, planName: "Strategy 2027", bucketId: DEV_PLANNER_IDS.commitmentsBucketId, bucketName: "Commitments", setBy: OWNERS[0]!, setAt: Date.now() },
  );
  const names = ["Avery Chen", "Blake Diaz", "Casey Ng"];
  for (const [index, userId] of OWNERS.entries()) {
    await meetings.execute(key, { userId, displayName: names[index]!, meetingRole: index === 0 ? "organizer" : "attendee" }, `join-${index}`, { type: "meeting.join", payload: {} });
  }
  const organizer = { userId: OWNERS[0]!, displayName: names[0]!, meetingRole: "organizer" as const };
  for (let index = 0; index < COMMITMENTS; index++) {
    const result = await meetings.execute(key, organizer, `capture-${index}`, {
      type: "commitment.capture",
      payload: { title: `Follow-up ${index + 1} on the pricing decision`, ownerIds: [OWNERS[index % OWNERS.length]!], dueDate: "2027-06-30", notes: "Agreed in the pricing session." },
    });
    if (result.kind === "rejected") throw new Error(result.rejection.message);
  }
  const worker = new PlannerSyncWorker({
    store,
    meetings,
    targets,
    plannerFor: graph.api,
    links: tabCommitmentLinks("https://concord.example"),
    logger: silentLogger,
    claimLimit: COMMITMENTS,
    sync: { concurrency },
  });

  const startedAt = performance.now();
  for (;;) {
    await worker.runOnce();
    const { state } = await meetings.view(key);
    if (Object.values(state.commitments).every((commitment) => commitment.sync.state === "synced")) break;
  }
  const elapsed = performance.now() - startedAt;

  const snapshot = graph.emulator.snapshot();
  const complete = snapshot.details.filter((details) => Object.keys(details["references"] as object).length === 1).length;
  if (snapshot.tasks.length !== COMMITMENTS || complete !== COMMITMENTS) throw new Error(`expected ${COMMITMENTS} complete tasks, found ${snapshot.tasks.length} tasks, ${complete} with details`);
  await targets.close();
  await store.close();
  await graph.close();
  fs.rmSync(folder, { recursive: true, force: true });
  return elapsed;
}

/** The floor, measured: `FLOOR_ROUND_TRIPS` sequential `$batch` requests of 20 reads through the same delay. */
async function floorRun(): Promise<number> {
  const graph = await startDelayedEmulator();
  const api = graph.api();
  const steps = Array.from({ length: BATCH }, (_, index) => ({ id: String(index), method: "GET" as const, url: `/planner/buckets/${DEV_PLANNER_IDS.commitmentsBucketId}` }));
  await api.batch(steps);
  const startedAt = performance.now();
  for (let trip = 0; trip < FLOOR_ROUND_TRIPS; trip++) await api.batch(steps);
  const elapsed = performance.now() - startedAt;
  await graph.close();
  return elapsed;
}

const measuredFloor: number[] = [];
const concord: number[] = [];
const sequential: number[] = [];
for (let run = 0; run < RUNS; run++) {
  measuredFloor.push(await floorRun());
  concord.push(await concordRun(2));
  sequential.push(await concordRun(1));
}
const floorMs = FLOOR_ROUND_TRIPS * LATENCY_MS;
const result = {
  commitments: COMMITMENTS,
  latencyMs: LATENCY_MS,
  runs: RUNS,
  floorMs,
  measuredFloorMs: median(measuredFloor),
  concordMs: median(concord),
  sequentialBatchesMs: median(sequential),
  ratio: median(concord) / floorMs,
  sequentialRatio: median(sequential) / floorMs,
};
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/plannerSync.json", JSON.stringify(result, null, 2));
const verdict = result.ratio <= 2 ? "PASS" : "MISS";
process.stdout.write(
  [
    `Planner sync: ${COMMITMENTS} commitments to the emulator, ${LATENCY_MS} ms latency per request, median of ${RUNS} runs`,
    `  floor: ${FLOOR_ROUND_TRIPS} round trips × ${LATENCY_MS} ms = ${formatMs(floorMs)} (measured here: ${formatMs(result.measuredFloorMs)})`,
    `  Concord, until all are recorded synced      ${formatMs(result.concordMs)}  (${result.ratio.toFixed(2)}× the floor)`,
    `  the same with one $batch in flight at once  ${formatMs(result.sequentialBatchesMs)}  (${result.sequentialRatio.toFixed(2)}×)`,
    `  target ≤ 2× the floor: ${verdict}`,
    "",
  ].join("\n"),
);
