import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { FaultRuleInput } from "../../server/dev/planner/faults.ts";
import { createPlannerApi } from "../../server/planner/plannerApi.ts";
import { referenceKey } from "../../server/planner/taskContent.ts";
import { AVERY, BLAKE, CASEY, FAULT_RUN_WORKER, TARGET, links, referencesOf, startPlannerHarness, startWorkerRig } from "./plannerHarness.ts";
import type { PlannerHarness, WorkerRig } from "./plannerHarness.ts";

const COMMITMENTS = 200;
/** The share of Graph requests (direct, and each step of a $batch) that meet a fault. */
const FAULT_RATE = 0.3;
/** Kill the first worker once this many tasks exist: midway, with creates and details in flight. */
const KILL_AT_TASKS = 70;

// one rule per kind; a request draws the rules in order and the first that fires applies, so
// each kind's probability p solves 1 − (1 − p)^6 = 30%
const perKind = 1 - (1 - FAULT_RATE) ** (1 / 6);
const FAULTS: FaultRuleInput[] = [
  { kind: "throttle429", probability: perKind, retryAfterSeconds: 0 },
  { kind: "unavailable503", probability: perKind },
  { kind: "gatewayTimeout504", probability: perKind },
  { kind: "timeout", probability: perKind },
  { kind: "createdButResponseLost", probability: perKind, lostAs: "reset" },
  { kind: "createdButResponseLost", probability: perKind, lostAs: "gatewayTimeout" },
  { kind: "detailsNotFoundAfterCreate", probability: FAULT_RATE, windowMs: 150 },
];

let harness: PlannerHarness | undefined;
let rig: WorkerRig | undefined;

afterAll(async () => {
  await rig?.close();
  await harness?.close();
});

describe("fault run", () => {
  it(
    `${COMMITMENTS} commitments, ${FAULT_RATE * 100}% faults of every kind, the worker killed midway and restarted: one complete task each`,
    async () => {
      harness = await startPlannerHarness({ faultSeed: 20_261_126 });
      rig = await startWorkerRig(harness);
      const owners = [[AVERY], [BLAKE], [CASEY], [AVERY, BLAKE], [BLAKE, CASEY]];
      const ids: string[] = [];
      for (let index = 0; index < COMMITMENTS; index++) {
        // the last ten repeat the first ten exactly (title, owners, due date): only the reference tells their tasks apart
        const like = index >= COMMITMENTS - 10 ? index - (COMMITMENTS - 10) : index;
        const day = String(1 + (like % 28)).padStart(2, "0");
        ids.push(await rig.capture(`Action ${like + 1}: follow up on the pricing decision`, { ownerIds: owners[like % owners.length]!, dueDate: `2027-05-${day}` }));
      }
      harness.running.emulator.faults.replace(FAULTS, 42);

      const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./plannerFaultRunWorker.ts", import.meta.url)), rig.filename, harness.running.origin], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe("started");
      while (harness.tasks().length < KILL_AT_TASKS && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const atKill = harness.tasks().length;
      expect(atKill).toBeGreaterThanOrEqual(KILL_AT_TASKS);
      expect(atKill).toBeLessThan(COMMITMENTS);
      // requests the dead worker left open end now, as its connections would
      harness.running.emulator.releaseHeldRequests();

      // a restarted server: same file, a new worker; its clock is past the dead worker's leases
      await rig.close();
      rig = await startWorkerRig(harness, {
        filename: rig.filename,
        worker: {
          ...FAULT_RUN_WORKER.options,
          plannerFor: (caller) => createPlannerApi({ baseUrl: harness!.running.graphBaseUrl, token: () => harness!.tokens.getToken(caller), timeoutMs: FAULT_RUN_WORKER.timeoutMs }),
          now: () => Date.now() + FAULT_RUN_WORKER.options.leaseMs,
        },
      });
      await rig.drain(40_000);

      const applied = harness.running.emulator.faults.list();
      for (const rule of applied) expect(rule.appliedCount, `${rule.kind} fired`).toBeGreaterThan(0);

      const tasks = harness.tasks();
      expect(tasks).toHaveLength(COMMITMENTS);
      const taskIds = new Set<string>();
      for (const commitmentId of ids) {
        const commitment = await rig.commitment(commitmentId);
        expect(commitment.sync, commitmentId).toMatchObject({ state: "synced", syncedRevision: 1, failure: null });
        const taskId = commitment.sync.taskId!;
        taskIds.add(taskId);
        const task = tasks.find((each) => each["id"] === taskId);
        expect(task, commitmentId).toMatchObject({ title: commitment.title, bucketId: TARGET.bucketId, dueDateTime: `${commitment.dueDate}T12:00:00.000Z` });
        expect(Object.keys(task!["assignments"] as object).sort()).toEqual([...commitment.ownerIds].sort());
        const details = harness.details(taskId);
        expect(details?.["description"]).toContain("Committed in a Concord meeting");
        const references = Object.keys(referencesOf(details));
        expect(references).toEqual([referenceKey(links.linkTo({ meetingId: rig.key.meetingId, commitmentId }))]);
      }
      expect(taskIds.size).toBe(COMMITMENTS);
      expect((await rig.store.listOutbox(rig.key)).every((row) => row.status === "done")).toBe(true);
    },
    90_000,
  );
});
