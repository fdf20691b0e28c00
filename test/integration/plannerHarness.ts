import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "../../src/domain/index.ts";
import type { Command } from "../../src/protocol/commands.ts";
import type { Commitment } from "../../src/protocol/commitmentSnapshot.ts";
import { createInProcessBus } from "../../server/bus/inProcessBus.ts";
import { realTimeOf, systemClock, type Clock } from "../../server/clock.ts";
import { silentLogger } from "../../server/logger.ts";
import { MeetingService } from "../../server/meetings/meetingService.ts";
import { spaceOfMeeting } from "../../server/meetings/space.ts";
import { PlannerSyncWorker } from "../../server/planner/syncWorker.ts";
import type { PlannerSyncWorkerOptions } from "../../server/planner/syncWorker.ts";
import { TrackedTasks } from "../../server/planner/trackedTasks.ts";
import type { EventStore, MeetingKey } from "../../server/store/eventStore.ts";
import type { PlannerTargetStore } from "../../server/store/plannerTargetStore.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { createSqlitePlannerTargetStore } from "../../server/store/sqlite/sqlitePlannerTargetStore.ts";
import { startPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import type { PlannerEmulatorOptions, RunningPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";
import { DEV_TOKEN_LIFETIME_SECONDS } from "../../server/dev/identityProvider.ts";
import { tabCommitmentLinks } from "../../server/planner/commitmentLinks.ts";
import { createPlannerApi } from "../../server/planner/plannerApi.ts";
import type { PlannerApi } from "../../server/planner/plannerApi.ts";
import { CommitmentSync } from "../../server/planner/syncCommitment.ts";
import type { CommitmentSyncOptions, SyncJob } from "../../server/planner/syncCommitment.ts";
import { createDevelopmentTokenSource } from "../../server/planner/tokens.ts";
import type { DevGraphTokenIssuer, PlannerAuthMode, TokenSource } from "../../server/planner/tokens.ts";

/** A person of the development tenant, as Planner assignments name them. */
export const AVERY = "9d2c7c1e-4b5a-4f6e-8a7b-1c2d3e4f5a60";
export const BLAKE = "4f0e1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
export const CASEY = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

/** Links as development makes them, and whether a URL is one. */
export const links = tabCommitmentLinks("https://concord.example");
export const TARGET = { planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId };

/** The emulator on loopback, and the Graph token source development uses for it. */
export interface PlannerHarness {
  running: RunningPlannerEmulator;
  tokens: TokenSource;
  issue: DevGraphTokenIssuer;
  /** A PlannerApi acting as `userId` (delegated) or as Concord (application). */
  api(options?: { timeoutMs?: number; userId?: string }): PlannerApi;
  sync(options?: Partial<CommitmentSyncOptions> & { api?: PlannerApi }): CommitmentSync;
  tasks(): Record<string, unknown>[];
  details(taskId: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

/** Starts an emulator; `faultSeed` makes its chance faults replayable. */
export async function startPlannerHarness(options: Partial<Omit<PlannerEmulatorOptions, "verifier">> & { mode?: PlannerAuthMode } = {}): Promise<PlannerHarness> {
  const { mode, ...emulatorOptions } = options;
  const running = await startPlannerEmulator({ port: 0, ...emulatorOptions });
  const issue: DevGraphTokenIssuer = async (request) => ({
    token: await running.issueToken(request),
    expiresAt: Date.now() + DEV_TOKEN_LIFETIME_SECONDS * 1000,
  });
  const tokens = createDevelopmentTokenSource({ mode: mode ?? "application", issue });
  const api = (apiOptions: { timeoutMs?: number; userId?: string } = {}) =>
    createPlannerApi({
      baseUrl: running.graphBaseUrl,
      token: () => tokens.getToken({ tenantId: DEV_PLANNER_IDS.tenantId, userId: apiOptions.userId ?? AVERY }),
      timeoutMs: apiOptions.timeoutMs ?? 400,
    });
  return {
    running,
    tokens,
    issue,
    api,
    sync: ({ api: given, ...syncOptions } = {}) =>
      new CommitmentSync(given ?? api(), TARGET, {
        isConcordLink: (url) => links.commitmentOf(url) !== null,
        detailsLagMs: 20,
        retryDelayMs: 20,
        ambiguousSettleMs: 20,
        ...syncOptions,
      }),
    tasks: () => running.emulator.snapshot().tasks,
    details: (taskId) => running.emulator.snapshot().details.find((details) => details["id"] === taskId),
    async close() {
      await running.close();
      for (const folder of rigFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
    },
  };
}

let nextJob = 0;
// the rigs' database folders, removed when the harness closes (a restarted rig reopens its file)
const rigFolders: string[] = [];

/** A job for a new commitment; override what a test is about. */
export function newJob(overrides: Partial<SyncJob> = {}): SyncJob {
  const commitmentId = overrides.commitmentId ?? `c${++nextJob}`;
  const version = overrides.version ?? { title: `Commitment ${commitmentId}`, ownerIds: [AVERY], dueDate: "2027-03-31" };
  return {
    key: commitmentId,
    commitmentId,
    revision: 1,
    isCancelled: false,
    version,
    description: { notes: "Tiered pricing, for the margin target.", itemTitle: "Pricing", meetingName: null, meetingDate: "2026-11-26", cancelledOn: null },
    link: links.linkTo({ meetingId: "meeting-1", commitmentId }),
    taskId: null,
    mayExist: false,
    createdAfter: Date.now() - 1_000,
    pastVersions: [],
    base: null,
    force: false,
    ...overrides,
  };
}

/** Entries of a task's references, keyed as stored (percent-encoded). */
export function referencesOf(details: Record<string, unknown> | undefined): Record<string, { alias?: string }> {
  return (details?.["references"] ?? {}) as Record<string, { alias?: string }>;
}

/** A Concord server's planner side on a real SQLite file: store, meetings, targets, the worker. */
export interface WorkerRig {
  store: EventStore;
  meetings: MeetingService;
  targets: PlannerTargetStore;
  tracked: TrackedTasks;
  worker: PlannerSyncWorker;
  key: MeetingKey;
  filename: string;
  /** Runs a participant's command in the rig's meeting; throws when it is refused. */
  run(actor: Actor, command: Command): Promise<void>;
  /** Captures a commitment owned by `ownerIds` and returns its id. */
  capture(title: string, more?: Partial<{ ownerIds: string[]; dueDate: string; notes: string }>): Promise<string>;
  commitment(commitmentId: string): Promise<Commitment>;
  /** Runs worker cycles until no outbox row is pending (waiting out reschedules), at most `limitMs`. */
  drain(limitMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const ORGANIZER: Actor = { userId: AVERY, displayName: "Avery Chen", meetingRole: "organizer" };
export const ATTENDEES: Actor[] = [
  { userId: BLAKE, displayName: "Blake Diaz", meetingRole: "attendee" },
  { userId: CASEY, displayName: "Casey Ng", meetingRole: "attendee" },
];

/** Opens (or reopens) the rig's SQLite file and joins the meeting's participants when it is new. */
export async function startWorkerRig(
  harness: PlannerHarness,
  options: { filename?: string; meetingId?: string; worker?: Partial<PlannerSyncWorkerOptions>; withTarget?: boolean; clock?: Clock } = {},
): Promise<WorkerRig> {
  let filename = options.filename;
  if (filename === undefined) {
    const folder = mkdtempSync(path.join(tmpdir(), "concord-planner-"));
    rigFolders.push(folder);
    filename = path.join(folder, "concord.sqlite");
  }
  const store = await createSqliteEventStore({ filename });
  const targets = await createSqlitePlannerTargetStore({ filename });
  const clock = options.clock ?? systemClock;
  const meetings = new MeetingService(store, createInProcessBus(), clock, silentLogger);
  const key = { tenantId: DEV_PLANNER_IDS.tenantId, meetingId: options.meetingId ?? "meeting-1" };
  const tracked = new TrackedTasks();
  const worker = new PlannerSyncWorker({
    store,
    meetings,
    targets,
    plannerFor: (caller) => harness.api({ userId: caller.userId }),
    links,
    logger: silentLogger,
    tracked,
    idleMs: 10,
    maxIdleMs: 50,
    leaseMs: 5_000,
    sync: { detailsLagMs: 20, ambiguousSettleMs: 20, retryDelayMs: 20 },
    realTimeOf: (ms) => realTimeOf(clock, ms),
    ...options.worker,
  });
  let commands = 0;
  const run = async (actor: Actor, command: Command) => {
    const result = await meetings.execute(key, actor, `${actor.userId}-${Date.now()}-${++commands}`, command);
    if (result.kind === "rejected") throw new Error(`${command.type} refused: ${result.rejection.message}`);
  };
  if ((await store.currentSeq(key)) === 0) {
    for (const actor of [ORGANIZER, ...ATTENDEES]) await run(actor, { type: "meeting.join", payload: {} });
  }
  if (options.withTarget !== false) {
    await targets.set(
      { tenantId: key.tenantId, spaceId: spaceOfMeeting(key.meetingId) },
      { planId: TARGET.planId, planName: "Strategy 2027", bucketId: TARGET.bucketId, bucketName: "Commitments", setBy: AVERY, setAt: Date.now() },
    );
  }
  return {
    store,
    meetings,
    targets,
    tracked,
    worker,
    key,
    filename,
    run,
    async capture(title, more = {}) {
      await run(ORGANIZER, { type: "commitment.capture", payload: { title, ownerIds: more.ownerIds ?? [AVERY], dueDate: more.dueDate ?? "2027-06-30", notes: more.notes ?? "" } });
      const { state } = await meetings.view(key);
      return Object.values(state.commitments).sort((a, b) => b.sequence - a.sequence)[0]!.commitmentId;
    },
    async commitment(commitmentId) {
      const { state } = await meetings.view(key);
      const commitment = state.commitments[commitmentId];
      if (!commitment) throw new Error(`no commitment ${commitmentId}`);
      return commitment;
    },
    async drain(limitMs = 20_000) {
      const until = Date.now() + limitMs;
      while (Date.now() < until) {
        if ((await worker.runOnce()) > 0) continue;
        const pending = (await store.listOutbox(key)).filter((row) => row.status === "pending");
        if (pending.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("the outbox did not drain in time");
    },
    async close() {
      await worker.stop();
      await targets.close();
      await store.close();
    },
  };
}

/** How the fault run's workers (the killed child and its successor) are configured: quick, short leases. */
export const FAULT_RUN_WORKER = {
  timeoutMs: 300,
  options: {
    leaseMs: 3_000,
    claimLimit: 40,
    idleMs: 10,
    maxIdleMs: 50,
    sync: { detailsLagMs: 20, ambiguousSettleMs: 20, retryDelayMs: 20 },
  } satisfies Partial<PlannerSyncWorkerOptions>,
};
