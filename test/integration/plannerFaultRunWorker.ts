// Run as its own process by plannerFaultRun.integration.test.ts: a Concord server's Planner worker on
// the test's SQLite file, writing to the test's Planner emulator, until the test kills it (SIGKILL,
// mid-request, leases held). Graph tokens come from the emulator's dev identity provider over HTTP,
// as a separate development server would get them.
import { createInProcessBus } from "../../server/bus/inProcessBus.ts";
import { systemClock } from "../../server/clock.ts";
import { silentLogger } from "../../server/logger.ts";
import { MeetingService } from "../../server/meetings/meetingService.ts";
import { createPlannerApi } from "../../server/planner/plannerApi.ts";
import { PlannerSyncWorker } from "../../server/planner/syncWorker.ts";
import { createDevelopmentTokenSource } from "../../server/planner/tokens.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { createSqlitePlannerTargetStore } from "../../server/store/sqlite/sqlitePlannerTargetStore.ts";
import { FAULT_RUN_WORKER, links } from "./plannerHarness.ts";

const [filename, origin] = process.argv.slice(2);
if (filename === undefined || origin === undefined) throw new Error("usage: plannerFaultRunWorker.ts <database file> <emulator origin>");

const store = await createSqliteEventStore({ filename, busyTimeoutMs: 30_000 });
const targets = await createSqlitePlannerTargetStore({ filename, busyTimeoutMs: 30_000 });
const tokens = createDevelopmentTokenSource({
  mode: "application",
  issue: async (request) => {
    const response = await fetch(`${origin}/dev/idp/graph-token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    if (!response.ok) throw new Error(`the dev identity provider answered ${response.status}`);
    return (await response.json()) as { token: string; expiresAt: number };
  },
});
const worker = new PlannerSyncWorker({
  store,
  meetings: new MeetingService(store, createInProcessBus(), systemClock, silentLogger),
  targets,
  plannerFor: (caller) => createPlannerApi({ baseUrl: `${origin}/dev/graph`, token: () => tokens.getToken(caller), timeoutMs: FAULT_RUN_WORKER.timeoutMs }),
  links,
  logger: silentLogger,
  ...FAULT_RUN_WORKER.options,
});
worker.start();
process.stdout.write("started\n");
