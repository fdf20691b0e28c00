import { BackgroundLoop } from "./backgroundLoop.ts";
import { commitmentOf, type MeetingState, type ServerCommand } from "../../src/domain/index.ts";
import { utcCalendarDate } from "../../src/protocol/commitmentDates.ts";
import type { Commitment } from "../../src/protocol/commitmentSnapshot.ts";
import { Limits } from "../../src/protocol/limits.ts";
import type { ExecuteResult, MeetingView } from "../meetings/meetingService.ts";
import type { Logger } from "../logger.ts";
import type { ClaimedOutboxRow, EventStore, MeetingKey, OutboxRow } from "../store/eventStore.ts";
import type { PlannerTargetStore } from "../store/plannerTargetStore.ts";
import { readCommitmentHistories } from "./commitmentHistory.ts";
import type { CommitmentHistory } from "./commitmentHistory.ts";
import type { CommitmentLinks } from "./commitmentLinks.ts";
import { CommitmentSyncPayloadSchema, PLANNER_COMMITMENT_TOPIC } from "./outboxRows.ts";
import type { CommitmentSyncPayload } from "./outboxRows.ts";
import type { PlannerApi } from "./plannerApi.ts";
import { CommitmentSync } from "./syncCommitment.ts";
import type { CommitmentSyncOptions, CommitmentVersion, SyncJob, SyncOutcome, SyncTarget } from "./syncCommitment.ts";
import { plannerTaskUrl } from "./taskContent.ts";
import type { GraphTokenRequest } from "./tokens.ts";
import type { TrackedTasks } from "./trackedTasks.ts";

/** What the worker needs of the meeting service: state to read, and the path for its reports. */
export interface MeetingReports {
  view(key: MeetingKey): Promise<MeetingView>;
  executeSystem(key: MeetingKey, command: ServerCommand): Promise<ExecuteResult>;
}

export interface PlannerSyncWorkerOptions {
  store: EventStore;
  meetings: MeetingReports;
  targets: PlannerTargetStore;
  /** Planner acting as the caller (application permission ignores the user). */
  plannerFor: (caller: GraphTokenRequest) => PlannerApi;
  links: CommitmentLinks;
  logger: Logger;
  /** Where synced tasks are registered for the progress poller. */
  tracked?: TrackedTasks;
  /** Real time: leases and Retry-After are real seconds, whatever clock the meetings run on. */
  now?: () => number;
  /**
   * The real instant of a meeting-time reading (see `realTimeOf` in server/clock.ts): a commitment's
   * capture is compared with Planner's real `createdDateTime`. The identity when meetings run on real time.
   */
  realTimeOf?: (meetingMs: number) => number;
  sync?: Omit<CommitmentSyncOptions, "isConcordLink">;
  /** How long a claimed row is the worker's; longer than one cycle can take. */
  leaseMs?: number;
  /** Rows claimed per cycle: enough for several full `$batch` requests. */
  claimLimit?: number;
  /** The first and the longest wait between claims while there is nothing to send. */
  idleMs?: number;
  maxIdleMs?: number;
  /** How long a commitment waits before its space's plan is looked up again, when none is chosen. */
  noTargetRetryMs?: number;
}

/** After this many attempts at one revision, a retryable failure is shown to the room (earlier ones pass unseen). */
export const SHOW_RETRYABLE_FAILURE_AFTER_ATTEMPTS = 3;
/** Shown to the room while a space has no Planner plan. */
export const NO_TARGET_REASON = "No Planner plan is chosen for this meeting's space yet; choose one in the tab's Planner settings.";

interface Work {
  row: ClaimedOutboxRow;
  payload: CommitmentSyncPayload;
  key: MeetingKey;
  job: SyncJob;
  commitment: Commitment;
}

/**
 * Sends commitments to Planner from the outbox. Each cycle it claims due rows with a lease, reads
 * each commitment's meeting (its task id, its history when needed), groups the rows by plan and
 * caller, syncs each group (many creates go as `$batch`), reports every result through the meeting
 * service as an event, and only then settles the row — so a worker stopped at any point leaves rows
 * that another claims once the lease runs out, and the repeat finds what the first one did.
 * Throttling and lost answers reschedule the row after `Retry-After`; Planner's refusals and
 * conflicts fail it until someone asks for a retry (which writes a new row).
 */
export class PlannerSyncWorker {
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly claimLimit: number;
  private readonly idleMs: number;
  private readonly maxIdleMs: number;
  private readonly noTargetRetryMs: number;
  /** Tasks created whose result could not yet be recorded (details still to write); a restart falls back to matching. */
  private readonly knownTasks = new Map<string, string>();
  private readonly loop = new BackgroundLoop(() => this.cycle());
  private idle: number;

  constructor(private readonly options: PlannerSyncWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.claimLimit = options.claimLimit ?? 100;
    this.idleMs = options.idleMs ?? 500;
    this.maxIdleMs = options.maxIdleMs ?? 10_000;
    this.noTargetRetryMs = options.noTargetRetryMs ?? 60_000;
    this.idle = this.idleMs;
  }

  /** Starts claiming and sending until {@link stop}. */
  start(): void {
    this.loop.start();
  }

  /** Finishes the cycle in progress, then stops. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Cuts an idle wait short, e.g. right after commitments were captured. */
  wake(): void {
    this.loop.wake();
  }

  /** One cycle: claims due rows and sends them. Returns how many rows it settled or rescheduled. */
  async runOnce(): Promise<number> {
    const rows = await this.options.store.claimOutbox({ topic: PLANNER_COMMITMENT_TOPIC, now: this.now(), leaseMs: this.leaseMs, limit: this.claimLimit });
    if (rows.length === 0) return 0;
    const byMeeting = new Map<string, ClaimedOutboxRow[]>();
    for (const row of rows) {
      const id = `${row.tenantId}\n${row.meetingId}`;
      byMeeting.set(id, [...(byMeeting.get(id) ?? []), row]);
    }
    const work: Work[] = [];
    for (const meetingRows of byMeeting.values()) {
      try {
        work.push(...(await this.prepare(meetingRows)));
      } catch (error) {
        // the rows stay leased and come back when the lease runs out
        this.options.logger.error("planner worker could not read a meeting", { meetingId: meetingRows[0]?.meetingId, error: String(error) });
      }
    }
    await this.send(work);
    return rows.length;
  }

  /** One claim-and-send cycle; waits longer each time in a row there was nothing to do. */
  private async cycle(): Promise<number> {
    let handled = 0;
    try {
      handled = await this.runOnce();
    } catch (error) {
      this.options.logger.error("planner worker cycle failed", { error: String(error) });
    }
    if (handled > 0) {
      this.idle = this.idleMs;
      return 0;
    }
    const wait = this.idle;
    this.idle = Math.min(this.maxIdleMs, this.idle * 2);
    return wait;
  }


  /** Turns one meeting's rows into jobs, settling at once the rows that need no request. */
  private async prepare(rows: readonly ClaimedOutboxRow[]): Promise<Work[]> {
    const { store, logger } = this.options;
    const key = { tenantId: rows[0]!.tenantId, meetingId: rows[0]!.meetingId };
    const { state } = await this.options.meetings.view(key);
    const outbox = await store.listOutbox(key);
    let histories: Map<string, CommitmentHistory> | null = null;
    const work: Work[] = [];
    for (const row of rows) {
      const parsed = CommitmentSyncPayloadSchema.safeParse(row.payload);
      if (!parsed.success) {
        const error = `payload: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`;
        logger.error("planner outbox row unreadable", { outboxId: row.outboxId, error });
        await store.failOutbox(row.lease, { now: this.now(), error });
        continue;
      }
      const payload = parsed.data;
      const commitment = commitmentOf(state, payload.commitmentId);
      if (!commitment) {
        await store.failOutbox(row.lease, { now: this.now(), error: `commitmentId: no commitment ${payload.commitmentId} in meeting ${key.meetingId}` });
        continue;
      }
      if (isSettledAlready(commitment, payload.revision)) {
        // a newer revision has its own row, or this one reached Planner before a stop left the row unsettled
        await store.completeOutbox(row.lease, this.now());
        continue;
      }
      const taskId = commitment.sync.taskId ?? this.knownTasks.get(memoryKey(key, payload.commitmentId)) ?? null;
      const attempts = outbox.filter((each) => each.subject === row.subject && each.topic === row.topic).reduce((sum, each: OutboxRow) => sum + each.attempts, 0);
      // any claim before this one may have sent a create whose answer was lost
      const mayExist = taskId === null && attempts > 1;
      const isEdit = taskId !== null && commitment.sync.syncedRevision > 0;
      if ((mayExist || isEdit) && histories === null) histories = await readCommitmentHistories(store, key);
      const history = histories?.get(payload.commitmentId);
      work.push({ row, payload, key, commitment, job: this.jobOf(key, state, commitment, payload, taskId, mayExist, history) });
    }
    return work;
  }

  private jobOf(
    key: MeetingKey,
    state: MeetingState,
    commitment: Commitment,
    payload: CommitmentSyncPayload,
    taskId: string | null,
    mayExist: boolean,
    history: CommitmentHistory | undefined,
  ): SyncJob {
    const versions = history ? [...history.versions.entries()].sort(([a], [b]) => a - b) : [];
    const syncedRevision = commitment.sync.syncedRevision;
    const base: CommitmentVersion | null = syncedRevision > 0 ? (history?.versions.get(syncedRevision) ?? null) : null;
    const cancellation = commitment.cancellation;
    return {
      // rows of one plan may come from several meetings, whose commitment ids can repeat
      key: `${key.tenantId}/${key.meetingId}/${payload.commitmentId}`,
      commitmentId: payload.commitmentId,
      revision: payload.revision,
      isCancelled: payload.status === "cancelled",
      version: { title: payload.title, ownerIds: payload.ownerIds, dueDate: payload.dueDate },
      description: {
        notes: payload.notes,
        itemTitle: payload.itemTitle,
        // Concord does not learn the Teams meeting's subject; the description names the day
        meetingName: null,
        meetingDate: utcCalendarDate(state.facilitation.startedAt ?? commitment.createdAt),
        cancelledOn: payload.status === "cancelled" && cancellation ? utcCalendarDate(cancellation.at) : null,
      },
      link: this.options.links.linkTo({ meetingId: key.meetingId, commitmentId: payload.commitmentId }),
      taskId,
      mayExist,
      createdAfter: (this.options.realTimeOf ?? ((ms: number) => ms))(commitment.createdAt),
      pastVersions: versions.map(([, version]) => version),
      base,
      force: history?.forced.has(payload.revision) ?? false,
    };
  }

  /** Syncs the prepared rows, one group per plan, bucket and caller, and reports each result. */
  private async send(work: readonly Work[]): Promise<void> {
    const groups = new Map<string, { target: SyncTarget; caller: GraphTokenRequest; items: Work[] }>();
    const targets = new Map<string, Awaited<ReturnType<PlannerTargetStore["get"]>>>();
    for (const item of work) {
      const { tenantId } = item.key;
      const spaceKey = `${tenantId}\n${item.payload.spaceId}`;
      if (!targets.has(spaceKey)) targets.set(spaceKey, await this.options.targets.get({ tenantId, spaceId: item.payload.spaceId }));
      const target = targets.get(spaceKey) ?? null;
      const needsNoRequest = item.job.isCancelled && item.job.taskId === null && !item.job.mayExist;
      if (target === null && !needsNoRequest) {
        await this.report(item, { kind: "retry", afterMs: this.noTargetRetryMs, reason: NO_TARGET_REASON, taskId: null }, null, true);
        continue;
      }
      const syncTarget = target ? { planId: target.planId, bucketId: target.bucketId } : { planId: "", bucketId: "" };
      // delegated writes act as whoever captured the commitment; application writes ignore the user
      const caller = { tenantId, userId: item.payload.createdBy };
      const groupKey = [tenantId, syncTarget.planId, syncTarget.bucketId, caller.userId].join("\n");
      const group = groups.get(groupKey) ?? { target: syncTarget, caller, items: [] };
      group.items.push(item);
      groups.set(groupKey, group);
    }

    for (const { target, caller, items } of groups.values()) {
      for (const item of items) await this.execute(item, { type: "commitment.recordSyncStarted", commitmentId: item.payload.commitmentId, revision: item.payload.revision });
      const sync = new CommitmentSync(this.options.plannerFor(caller), target, {
        ...this.options.sync,
        isConcordLink: (url) => this.options.links.commitmentOf(url) !== null,
      });
      let outcomes: Map<string, SyncOutcome>;
      try {
        outcomes = await sync.syncAll(items.map((item) => item.job));
      } catch (error) {
        this.options.logger.error("planner sync failed", { planId: target.planId, error: String(error) });
        continue;
      }
      for (const item of items) {
        const outcome = outcomes.get(item.job.key) ?? { kind: "retry", afterMs: 1_000, reason: "not sent", taskId: null };
        await this.report(item, outcome, target, false);
      }
    }
  }

  /** Records the outcome as an event, then settles the row; a report the domain refuses fails the row. */
  private async report(item: Work, outcome: SyncOutcome, target: SyncTarget | null, isWaitingForTarget: boolean): Promise<void> {
    const { store, logger, tracked } = this.options;
    const { row, payload, key } = item;
    const { commitmentId, revision } = payload;
    const memory = memoryKey(key, commitmentId);
    const now = this.now();
    try {
      switch (outcome.kind) {
        case "synced": {
          const taskId = outcome.taskId;
          const result = await this.execute(item, {
            type: "commitment.recordSyncSucceeded",
            commitmentId,
            revision,
            taskId,
            taskUrl: taskId === null ? null : plannerTaskUrl(key.tenantId, taskId),
          });
          if (result.kind === "rejected") {
            await store.failOutbox(row.lease, { now, error: result.rejection.message });
            return;
          }
          this.knownTasks.delete(memory);
          if (taskId !== null && target !== null && !item.job.isCancelled) {
            tracked?.track({ tenantId: key.tenantId, meetingId: key.meetingId, commitmentId, taskId, planId: target.planId, userId: payload.createdBy });
          } else if (taskId !== null) tracked?.untrack(key.tenantId, taskId);
          await this.settle(store.completeOutbox(row.lease, now), row);
          return;
        }
        case "taskDeleted": {
          this.knownTasks.delete(memory);
          tracked?.untrack(key.tenantId, outcome.taskId);
          const command: ServerCommand = item.job.isCancelled
            ? { type: "commitment.recordSyncSucceeded", commitmentId, revision, taskId: null, taskUrl: null }
            : { type: "commitment.recordCancelledInPlanner", commitmentId, taskId: outcome.taskId };
          await this.execute(item, command);
          await this.settle(store.completeOutbox(row.lease, now), row);
          return;
        }
        case "retry": {
          if (outcome.taskId !== null) this.knownTasks.set(memory, outcome.taskId);
          if (isWaitingForTarget || row.attempts >= SHOW_RETRYABLE_FAILURE_AFTER_ATTEMPTS) {
            await this.execute(item, { type: "commitment.recordSyncFailed", commitmentId, revision, reason: clip(outcome.reason), isRetryable: true });
          }
          await this.settle(store.rescheduleOutbox(row.lease, { now, notBefore: now + outcome.afterMs, error: outcome.reason }), row);
          return;
        }
        case "failed": {
          if (outcome.taskId !== null) this.knownTasks.set(memory, outcome.taskId);
          await this.execute(item, { type: "commitment.recordSyncFailed", commitmentId, revision, reason: clip(outcome.reason), isRetryable: false });
          await this.settle(store.failOutbox(row.lease, { now, error: outcome.reason }), row);
          return;
        }
      }
    } catch (error) {
      // the row stays leased; once the lease runs out it is claimed again and the repeat finds the task
      logger.error("planner worker could not record a result", { commitmentId, error: String(error) });
    }
  }

  private async execute(item: Work, command: ServerCommand): Promise<ExecuteResult> {
    const result = await this.options.meetings.executeSystem(item.key, command);
    if (result.kind === "rejected") {
      this.options.logger.error("planner worker report refused", { commitmentId: item.payload.commitmentId, command: command.type, reason: result.rejection.message });
    }
    return result;
  }

  private async settle(settled: Promise<boolean>, row: ClaimedOutboxRow): Promise<void> {
    if (!(await settled)) this.options.logger.warn("planner outbox lease ran out before the row was settled", { outboxId: row.outboxId });
  }
}

/** The row asks for nothing: a newer revision is on its way, or this revision already reached Planner. */
function isSettledAlready(commitment: Commitment, revision: number): boolean {
  if (commitment.revision > revision) return true;
  if (commitment.sync.syncedRevision < revision) return false;
  return commitment.sync.taskId !== null || commitment.status === "cancelled";
}

function memoryKey(key: MeetingKey, commitmentId: string): string {
  return `${key.tenantId}\n${key.meetingId}\n${commitmentId}`;
}

/** Failure reasons the room sees are bounded. */
function clip(reason: string): string {
  const trimmed = reason.trim() === "" ? "Planner did not say why." : reason.trim();
  const max = Limits.maxSyncFailureReasonLength;
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
