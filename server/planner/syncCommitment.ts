import { MAX_BATCH_STEPS, NEW_ASSIGNMENT, PlannerDetailsSchema, PlannerTaskSchema, describeAnswer, parseAnswer, plannerSteps } from "./plannerApi.ts";
import type { DetailsPatch, PlannerAnswer, PlannerApi, PlannerDetails, PlannerStep, PlannerTask, TaskPatch } from "./plannerApi.ts";
import {
  REFERENCE_ALIAS,
  calendarDateOf,
  cancelledTitle,
  dueDateTimeOf,
  referenceKey,
  taskDescription,
  urlOfReferenceKey,
} from "./taskContent.ts";
import type { DescriptionContent } from "./taskContent.ts";

/** The fields of a commitment that become the task's own fields. */
export interface CommitmentVersion {
  title: string;
  /** Entra object ids. */
  ownerIds: readonly string[];
  /** `YYYY-MM-DD` */
  dueDate: string;
}

/**
 * One revision of one commitment to write to Planner, with what the worker knows of its past.
 * `taskId` is the task it is bound to, if known. Without one, `mayExist` says whether an earlier
 * attempt may have created the task anyway (its answer lost, or the worker stopped before it
 * recorded the task): the bucket is then read and matched before anything is created.
 */
export interface SyncJob {
  /** Unique within one call (the outbox row). */
  key: string;
  commitmentId: string;
  revision: number;
  isCancelled: boolean;
  version: CommitmentVersion;
  description: DescriptionContent;
  /** The link back to the commitment in Concord: the task's reference, and proof of whose task it is. */
  link: string;
  taskId: string | null;
  mayExist: boolean;
  /** No task of this commitment can have been created before this (ms since the epoch): when it was captured. */
  createdAfter: number;
  /** Every version Planner may hold a task of, for matching one whose creation went unrecorded. */
  pastVersions: readonly CommitmentVersion[];
  /** What Planner was last given (the last synced revision), for telling Planner's own changes from Concord's; null before the first sync. */
  base: CommitmentVersion | null;
  /** Someone asked, after a conflict, for Concord's values to be written over Planner's. */
  force: boolean;
}

/** Where tasks go. */
export interface SyncTarget {
  planId: string;
  bucketId: string;
}

/**
 * How one job ended. `retry`: nothing went wrong that time will not fix (throttling, a lost answer,
 * Planner's lag) — try again after `afterMs`. `failed`: Planner refused (a 4xx, with its reason)
 * or the task was changed in Planner in a way that conflicts; not retried until someone asks.
 * `taskDeleted`: the bound task is gone from Planner. `taskId` is the task when one is known.
 */
export type SyncOutcome =
  | { kind: "synced"; taskId: string | null }
  | { kind: "retry"; afterMs: number; reason: string; taskId: string | null }
  | { kind: "failed"; reason: string; taskId: string | null }
  | { kind: "taskDeleted"; taskId: string };

type Unsynced = Exclude<SyncOutcome, { kind: "synced" }>;

/** How a conflict's failure reason starts; the worker recognises a retry of one as "write Concord's values". */
export const CONFLICT_REASON_PREFIX = "Changed in Planner and in Concord:";

export interface CommitmentSyncOptions {
  /** Whether a URL is a link to some Concord commitment (see commitmentLinks.ts). */
  isConcordLink: (url: string) => boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Below this many creates in one call, each goes as its own request rather than in a `$batch`. */
  batchThreshold?: number;
  /** How many `$batch` requests of one call may be in flight at once. */
  concurrency?: number;
  /** The longest `Retry-After` waited out in-process; a longer one hands the job back to be rescheduled. */
  maxInlineWaitMs?: number;
  /** How often a task's details are read again while Planner still answers 404 just after the create. */
  detailsLagRetries?: number;
  /** The first wait for the details after a 404; doubles each time. */
  detailsLagMs?: number;
  /** After a create whose answer was lost, how long to give Planner's listing before the bucket is read. */
  ambiguousSettleMs?: number;
  /** Clock difference allowed between Concord and Planner when comparing a task's `createdDateTime`. */
  clockSkewMs?: number;
  /** The wait before sending a safe request again when Planner gave no `Retry-After`. */
  retryDelayMs?: number;
}

/** How often a write is re-read and re-applied after a 412 (or 409) before it is handed back. */
export const MAX_STALE_RETRIES = 5;
/** Bounds the reads and writes of one step (details, or the task's fields), short waits included. */
const MAX_REQUESTS_PER_STEP = 20;
/** Rounds of one chunk's pipeline (create → read details → write details, with inline waits). */
const MAX_ROUNDS = 12;
/** The wait before a retry when Planner gave no `Retry-After`. */
const DEFAULT_RETRY_MS = 2_000;
/** A rejected token (401) is not worth retrying at once. */
const UNAUTHORIZED_RETRY_MS = 30_000;

type Verdict =
  | { kind: "ok" }
  | { kind: "wait"; afterMs: number; reason: string }
  | { kind: "ambiguous"; reason: string }
  | { kind: "stale" }
  | { kind: "notFound" }
  | { kind: "refused"; reason: string };

/**
 * What an answer means for the request it answers. Only a 429 proves a request was not carried
 * out (throttling happens before Planner acts); a lost answer or a 5xx on a create may hide a
 * task that exists, so it is `ambiguous`. A GET or an If-Match PATCH is safe to send again:
 * a PATCH that did land makes the repeat a 412, which re-reads.
 */
export function verdictOf(answer: PlannerAnswer, isCreate: boolean, retryDelayMs = DEFAULT_RETRY_MS): Verdict {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: "ok" };
  if (status === 429) return { kind: "wait", afterMs: answer.retryAfterMs ?? retryDelayMs, reason: describeAnswer(answer) };
  if (status === 0 || status >= 500) {
    if (isCreate) return { kind: "ambiguous", reason: describeAnswer(answer) };
    return { kind: "wait", afterMs: answer.retryAfterMs ?? retryDelayMs, reason: describeAnswer(answer) };
  }
  if (status === 412 || status === 409) return { kind: "stale" };
  if (status === 404) return { kind: "notFound" };
  if (status === 401) return { kind: "wait", afterMs: UNAUTHORIZED_RETRY_MS, reason: describeAnswer(answer) };
  return { kind: "refused", reason: describeAnswer(answer) };
}

/**
 * Writes commitments to one plan and bucket: creates each task (title, owners as assignments,
 * due date, bucket) and then writes its details (description and the reference back to Concord)
 * with the details' own ETag; patches bound tasks after edits and cancellations. Many creates go
 * as `$batch` requests of up to 20: creates, then details read, then details written.
 */
export class CommitmentSync {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly batchThreshold: number;
  private readonly concurrency: number;
  private readonly maxInlineWaitMs: number;
  private readonly detailsLagRetries: number;
  private readonly detailsLagMs: number;
  private readonly ambiguousSettleMs: number;
  private readonly clockSkewMs: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly api: PlannerApi,
    private readonly target: SyncTarget,
    private readonly options: CommitmentSyncOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.batchThreshold = options.batchThreshold ?? 2;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 10_000;
    this.detailsLagRetries = options.detailsLagRetries ?? 5;
    this.detailsLagMs = options.detailsLagMs ?? 250;
    this.ambiguousSettleMs = options.ambiguousSettleMs ?? 1_000;
    this.clockSkewMs = options.clockSkewMs ?? 10 * 60_000;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_MS;
  }

  private verdict(answer: PlannerAnswer, isCreate: boolean): Verdict {
    return verdictOf(answer, isCreate, this.retryDelayMs);
  }

  /** Syncs one job. */
  async syncOne(job: SyncJob): Promise<SyncOutcome> {
    return (await this.syncAll([job])).get(job.key) ?? { kind: "retry", afterMs: this.retryDelayMs, reason: "not attempted", taskId: job.taskId };
  }

  /** Syncs every job, and says how each ended. A token that cannot be had ends every job it blocks as `retry`. */
  async syncAll(jobs: readonly SyncJob[]): Promise<Map<string, SyncOutcome>> {
    const outcomes = new Map<string, SyncOutcome>();
    const toReconcile: SyncJob[] = [];
    const toCreate: SyncJob[] = [];
    for (const job of jobs) {
      if (job.taskId !== null) continue;
      if (job.mayExist) toReconcile.push(job);
      // cancelled before any task was made: there is nothing in Planner to mark
      else if (job.isCancelled) outcomes.set(job.key, { kind: "synced", taskId: null });
      else toCreate.push(job);
    }
    for (const job of jobs) {
      if (job.taskId === null) continue;
      outcomes.set(job.key, await this.guarded(job, () => this.updateBound(job, job.taskId!)));
    }
    if (toReconcile.length > 0) {
      const unmatched = await this.reconcile(toReconcile, outcomes);
      for (const job of unmatched) {
        if (job.isCancelled) outcomes.set(job.key, { kind: "synced", taskId: null });
        else toCreate.push(job);
      }
    }
    await this.createAll(toCreate, outcomes, true);
    return outcomes;
  }

  private async guarded<T>(job: SyncJob, work: () => Promise<T>): Promise<T | Unsynced> {
    try {
      return await work();
    } catch (error) {
      return { kind: "retry", afterMs: UNAUTHORIZED_RETRY_MS, reason: error instanceof Error ? error.message : String(error), taskId: job.taskId };
    }
  }

  private async updateBound(job: SyncJob, taskId: string): Promise<SyncOutcome> {
    const outcome = await this.updateTask(job, taskId, false);
    return outcome.kind === "notOurs" ? { kind: "failed", reason: "The Planner task now belongs to another commitment.", taskId } : outcome;
  }

  /**
   * Brings an existing task to the job's revision: details first (the reference is what claims a
   * task for this commitment), then the task's own fields with If-Match. A candidate whose details
   * carry another commitment's reference is `notOurs`.
   */
  private async updateTask(job: SyncJob, taskId: string, isCandidate: boolean): Promise<SyncOutcome | { kind: "notOurs" }> {
    const details = await this.writeDetails(job, taskId, isCandidate);
    if (details.kind !== "done") return details;
    return this.writeTaskFields(job, taskId);
  }

  private async writeDetails(
    job: SyncJob,
    taskId: string,
    isCandidate: boolean,
  ): Promise<{ kind: "done" } | { kind: "notOurs" } | Unsynced> {
    let lagTries = 0;
    for (let stale = 0, sent = 0; stale <= MAX_STALE_RETRIES && sent < MAX_REQUESTS_PER_STEP; sent++) {
      const read = await this.api.send(plannerSteps.getDetails("details", taskId));
      const readVerdict = this.verdict(read, false);
      if (readVerdict.kind === "notFound") {
        const lag = await this.detailsLag(job, taskId, isCandidate, ++lagTries);
        if (lag !== null) return lag;
        continue;
      }
      const waited = await this.waitOrGiveUp(readVerdict, taskId);
      if (waited === "again") continue;
      if (waited !== null) return waited;
      const parsed = parseAnswer(read, PlannerDetailsSchema);
      if (!parsed.ok) return { kind: "retry", afterMs: this.retryDelayMs, reason: describeAnswer(parsed.answer), taskId };
      const details = parsed.value;
      if (isCandidate && this.isOtherCommitments(details, job)) return { kind: "notOurs" };
      const patch = this.detailsPatch(job, details);
      if (patch === null) return { kind: "done" };

      const written = await this.api.send(plannerSteps.patchDetails("details", taskId, details["@odata.etag"], patch));
      const verdict = this.verdict(written, false);
      if (verdict.kind === "ok") return { kind: "done" };
      if (verdict.kind === "stale") {
        stale++;
        continue;
      }
      if (verdict.kind === "notFound") {
        const lag = await this.detailsLag(job, taskId, isCandidate, ++lagTries);
        if (lag !== null) return lag;
        continue;
      }
      const gaveUp = await this.waitOrGiveUp(verdict, taskId);
      if (gaveUp !== "again" && gaveUp !== null) return gaveUp;
    }
    return { kind: "retry", afterMs: this.retryDelayMs, reason: "The task's details kept changing in Planner while Concord wrote them.", taskId };
  }

  /**
   * Details answered 404: either Planner has not made a new task's details readable yet (it lags a
   * create now and then), or the task is gone. Null means "read again".
   */
  private async detailsLag(job: SyncJob, taskId: string, isCandidate: boolean, tries: number): Promise<{ kind: "notOurs" } | Unsynced | null> {
    const task = await this.api.send(plannerSteps.getTask("task", taskId));
    if (task.status === 404) return isCandidate ? { kind: "notOurs" } : { kind: "taskDeleted", taskId };
    if (tries > this.detailsLagRetries) {
      return { kind: "retry", afterMs: this.retryDelayMs, reason: "Planner has not made the new task's details readable yet.", taskId };
    }
    await this.sleep(this.detailsLagMs * 2 ** (tries - 1));
    return null;
  }

  private async writeTaskFields(job: SyncJob, taskId: string): Promise<SyncOutcome> {
    for (let stale = 0, sent = 0; stale <= MAX_STALE_RETRIES && sent < MAX_REQUESTS_PER_STEP; sent++) {
      const read = await this.api.send(plannerSteps.getTask("task", taskId));
      const readVerdict = this.verdict(read, false);
      if (readVerdict.kind === "notFound") return { kind: "taskDeleted", taskId };
      const waited = await this.waitOrGiveUp(readVerdict, taskId);
      if (waited === "again") continue;
      if (waited !== null) return waited;
      const parsed = parseAnswer(read, PlannerTaskSchema);
      if (!parsed.ok) return { kind: "retry", afterMs: this.retryDelayMs, reason: describeAnswer(parsed.answer), taskId };
      const { patch, conflicts } = taskPatchFor(parsed.value, job);
      if (conflicts.length > 0) return { kind: "failed", reason: `${CONFLICT_REASON_PREFIX} ${conflicts.join(" ")} Retry to write Concord's values over Planner's, or edit the commitment to match Planner.`, taskId };
      if (Object.keys(patch).length === 0) return { kind: "synced", taskId };

      const written = await this.api.send(plannerSteps.patchTask("task", taskId, parsed.value["@odata.etag"], patch));
      const verdict = this.verdict(written, false);
      if (verdict.kind === "ok") return { kind: "synced", taskId };
      if (verdict.kind === "stale") {
        // someone changed the task between our read and write: read theirs and apply ours on top
        stale++;
        continue;
      }
      if (verdict.kind === "notFound") return { kind: "taskDeleted", taskId };
      const gaveUp = await this.waitOrGiveUp(verdict, taskId);
      if (gaveUp !== "again" && gaveUp !== null) return gaveUp;
    }
    return { kind: "retry", afterMs: this.retryDelayMs, reason: "The task kept changing in Planner while Concord wrote it.", taskId };
  }

  /** null: the answer was fine; "again": waited out a short Retry-After, send again; otherwise the job's outcome. */
  private async waitOrGiveUp(verdict: Verdict, taskId: string | null): Promise<Unsynced | "again" | null> {
    switch (verdict.kind) {
      case "ok":
        return null;
      case "wait":
        if (verdict.afterMs > this.maxInlineWaitMs) return { kind: "retry", afterMs: verdict.afterMs, reason: verdict.reason, taskId };
        await this.sleep(verdict.afterMs);
        return "again";
      case "ambiguous":
        return { kind: "retry", afterMs: this.retryDelayMs, reason: verdict.reason, taskId };
      case "refused":
        return { kind: "failed", reason: verdict.reason, taskId };
      case "stale":
      case "notFound":
        return { kind: "retry", afterMs: this.retryDelayMs, reason: "Planner changed the task meanwhile.", taskId };
    }
  }

  private detailsPatch(job: SyncJob, details: PlannerDetails): DetailsPatch | null {
    const key = referenceKey(job.link);
    const description = taskDescription(job.description);
    const patch: DetailsPatch = {};
    if (details.description !== description) patch.description = description;
    if (!(key in details.references)) {
      patch.references = { [key]: { "@odata.type": "#microsoft.graph.plannerExternalReference", alias: REFERENCE_ALIAS, type: "Other", previewPriority: " !" } };
    }
    return Object.keys(patch).length === 0 ? null : patch;
  }

  private isOtherCommitments(details: PlannerDetails, job: SyncJob): boolean {
    const ours = referenceKey(job.link);
    if (ours in details.references) return false;
    return Object.keys(details.references).some((key) => {
      const url = urlOfReferenceKey(key);
      return url !== null && this.options.isConcordLink(url);
    });
  }

  /**
   * Finds the tasks of jobs whose creation may have gone unrecorded: one read of the bucket, then
   * for each job the candidates oldest first — same title, due date and owners as one of its
   * versions, created after the commitment, not claimed by another job — and claims the first
   * whose details carry no other commitment's reference by writing this job's details with
   * If-Match. Two workers racing for one task cannot both win: the loser's write is a 412, and on
   * re-reading it sees the winner's reference. Returns the jobs with no task found.
   *
   * Residual risk: a task whose create answer was lost and which Planner does not yet list is not
   * found, and a second one is created. Waiting {@link CommitmentSyncOptions.ambiguousSettleMs}
   * before the read narrows that window; it cannot close it, as v1.0 has no idempotency key.
   */
  private async reconcile(jobs: readonly SyncJob[], outcomes: Map<string, SyncOutcome>): Promise<SyncJob[]> {
    let listed: PlannerTask[] | null = null;
    let failure: SyncOutcome | null = null;
    for (let tries = 0; listed === null && failure === null; tries++) {
      let result: Awaited<ReturnType<PlannerApi["listBucketTasks"]>>;
      try {
        result = await this.api.listBucketTasks(this.target.bucketId);
      } catch (error) {
        failure = { kind: "retry", afterMs: UNAUTHORIZED_RETRY_MS, reason: error instanceof Error ? error.message : String(error), taskId: null };
        break;
      }
      if (result.ok) {
        listed = result.value;
        break;
      }
      const verdict = this.verdict(result.answer, false);
      if (verdict.kind === "notFound") {
        failure = { kind: "failed", reason: `${describeAnswer(result.answer)} The bucket no longer exists: choose another in the tab's settings.`, taskId: null };
      } else if (tries >= MAX_STALE_RETRIES) {
        failure = { kind: "retry", afterMs: this.retryDelayMs, reason: describeAnswer(result.answer), taskId: null };
      } else {
        const waited = await this.waitOrGiveUp(verdict, null);
        if (waited !== "again" && waited !== null) failure = waited;
      }
    }
    if (listed === null) {
      for (const job of jobs) outcomes.set(job.key, failure ?? { kind: "retry", afterMs: this.retryDelayMs, reason: "The bucket could not be read.", taskId: null });
      return [];
    }
    const claimed = new Set<string>();
    const unmatched: SyncJob[] = [];
    for (const job of jobs) {
      const candidates = listed
        .filter((task) => !claimed.has(task.id) && this.isCandidate(task, job))
        .sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime));
      let outcome: SyncOutcome | null = null;
      for (const candidate of candidates) {
        const result = await this.guarded(job, () => this.updateTask(job, candidate.id, true));
        if (result.kind === "notOurs" || result.kind === "taskDeleted") continue;
        claimed.add(candidate.id);
        outcome = result;
        break;
      }
      if (outcome === null) unmatched.push(job);
      else outcomes.set(job.key, outcome);
    }
    return unmatched;
  }

  private isCandidate(task: PlannerTask, job: SyncJob): boolean {
    if (Date.parse(task.createdDateTime) < job.createdAfter - this.clockSkewMs) return false;
    if (task.bucketId !== this.target.bucketId) return false;
    const owners = ownerKey(Object.keys(task.assignments));
    const versions = [job.version, ...job.pastVersions];
    return versions.some(
      (version) => version.title === task.title && sameInstant(task.dueDateTime, dueDateTimeOf(version.dueDate)) && ownerKey(version.ownerIds) === owners,
    );
  }

  /**
   * Creates the jobs' tasks and writes their details, in chunks of {@link MAX_BATCH_STEPS} with
   * up to `concurrency` chunks in flight. Jobs whose create got no clear answer are reconciled
   * against the bucket once; the ones still not found are created again (only on the first pass).
   */
  private async createAll(jobs: readonly SyncJob[], outcomes: Map<string, SyncOutcome>, mayCreateAgain: boolean): Promise<void> {
    if (jobs.length === 0) return;
    const chunks: SyncJob[][] = [];
    for (let start = 0; start < jobs.length; start += MAX_BATCH_STEPS) chunks.push(jobs.slice(start, start + MAX_BATCH_STEPS));
    const useBatch = jobs.length >= this.batchThreshold;
    const ambiguous: SyncJob[] = [];
    let next = 0;
    const lane = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        ambiguous.push(...(await this.createChunk(chunk, useBatch, outcomes)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, chunks.length) }, lane));
    if (ambiguous.length === 0) return;

    await this.sleep(this.ambiguousSettleMs);
    const unmatched = await this.reconcile(ambiguous, outcomes);
    if (mayCreateAgain) await this.createAll(unmatched, outcomes, false);
    else for (const job of unmatched) outcomes.set(job.key, { kind: "retry", afterMs: this.retryDelayMs, reason: "Planner lost the answer to the task's creation twice.", taskId: null });
  }

  /** One chunk's pipeline; returns the jobs whose create may or may not have happened. */
  private async createChunk(jobs: readonly SyncJob[], useBatch: boolean, outcomes: Map<string, SyncOutcome>): Promise<SyncJob[]> {
    interface Progress {
      job: SyncJob;
      stage: "create" | "readDetails" | "writeDetails";
      taskId: string | null;
      details: PlannerDetails | null;
      lagTries: number;
    }
    const active = new Map<string, Progress>(jobs.map((job) => [job.key, { job, stage: "create", taskId: null, details: null, lagTries: 0 }]));
    const ambiguous: SyncJob[] = [];
    const settle = (progress: Progress, outcome: SyncOutcome) => {
      outcomes.set(progress.job.key, outcome);
      active.delete(progress.job.key);
    };

    for (let round = 0; round < MAX_ROUNDS && active.size > 0; round++) {
      const steps = [...active.values()].map((progress) => this.stepFor(progress));
      let answers: Map<string, PlannerAnswer>;
      try {
        answers = await this.sendAll(steps, useBatch);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const progress of [...active.values()]) settle(progress, { kind: "retry", afterMs: UNAUTHORIZED_RETRY_MS, reason, taskId: progress.taskId });
        break;
      }
      let waitMs = 0;
      const waitFor = (progress: Progress, afterMs: number, reason: string) => {
        if (afterMs > this.maxInlineWaitMs) settle(progress, { kind: "retry", afterMs, reason, taskId: progress.taskId });
        else waitMs = Math.max(waitMs, afterMs);
      };
      for (const progress of [...active.values()]) {
        const answer = answers.get(progress.job.key);
        if (!answer) continue;
        const isCreate = progress.stage === "create";
        const verdict = this.verdict(answer, isCreate);
        if (verdict.kind === "wait") {
          waitFor(progress, verdict.afterMs, verdict.reason);
          continue;
        }
        if (verdict.kind === "refused") {
          settle(progress, { kind: "failed", reason: verdict.reason, taskId: progress.taskId });
          continue;
        }
        if (verdict.kind === "ambiguous") {
          ambiguous.push(progress.job);
          active.delete(progress.job.key);
          continue;
        }
        if (progress.stage === "create") {
          const task = parseAnswer(answer, PlannerTaskSchema);
          // a 2xx we cannot read may still have created the task
          if (!task.ok) {
            ambiguous.push(progress.job);
            active.delete(progress.job.key);
            continue;
          }
          progress.taskId = task.value.id;
          progress.stage = "readDetails";
        } else if (verdict.kind === "notFound") {
          // Planner's lag after a create: the details appear a moment later
          progress.lagTries += 1;
          progress.stage = "readDetails";
          if (progress.lagTries > this.detailsLagRetries) {
            settle(progress, { kind: "retry", afterMs: this.retryDelayMs, reason: "Planner has not made the new task's details readable yet.", taskId: progress.taskId });
          } else waitMs = Math.max(waitMs, this.detailsLagMs * 2 ** (progress.lagTries - 1));
        } else if (verdict.kind === "stale") {
          progress.stage = "readDetails";
        } else if (progress.stage === "readDetails") {
          const details = parseAnswer(answer, PlannerDetailsSchema);
          if (!details.ok) {
            settle(progress, { kind: "retry", afterMs: this.retryDelayMs, reason: describeAnswer(details.answer), taskId: progress.taskId });
            continue;
          }
          progress.details = details.value;
          if (this.detailsPatch(progress.job, details.value) === null) settle(progress, { kind: "synced", taskId: progress.taskId });
          else progress.stage = "writeDetails";
        } else {
          settle(progress, { kind: "synced", taskId: progress.taskId });
        }
      }
      if (waitMs > 0 && active.size > 0) await this.sleep(waitMs);
    }
    for (const progress of active.values()) {
      outcomes.set(progress.job.key, { kind: "retry", afterMs: this.retryDelayMs, reason: "Planner kept Concord waiting; it tries again shortly.", taskId: progress.taskId });
    }
    return ambiguous;
  }

  private stepFor(progress: { job: SyncJob; stage: "create" | "readDetails" | "writeDetails"; taskId: string | null; details: PlannerDetails | null }): PlannerStep {
    const { job } = progress;
    if (progress.stage === "create") {
      return plannerSteps.createTask(job.key, {
        planId: this.target.planId,
        bucketId: this.target.bucketId,
        title: job.version.title,
        ownerIds: job.version.ownerIds,
        dueDateTime: dueDateTimeOf(job.version.dueDate),
      });
    }
    if (progress.stage === "readDetails" || progress.details === null) return plannerSteps.getDetails(job.key, progress.taskId!);
    return plannerSteps.patchDetails(job.key, progress.taskId!, progress.details["@odata.etag"], this.detailsPatch(job, progress.details) ?? {});
  }

  private async sendAll(steps: readonly PlannerStep[], useBatch: boolean): Promise<Map<string, PlannerAnswer>> {
    if (useBatch) return this.api.batch(steps);
    const answers = new Map<string, PlannerAnswer>();
    for (const step of steps) answers.set(step.id, await this.api.send(step));
    return answers;
  }
}

/**
 * The patch that brings a task to the job's version, and any conflicts. Each field is merged three
 * ways against `base` (what Planner was last given): a field only Concord changed is written, one
 * only Planner changed is kept, one both changed to different values is a conflict. Owners merge
 * as sets (added and removed on each side). Without a base, or when forced, Concord's values win.
 * A cancelled commitment marks Planner's current title rather than replacing it.
 */
export function taskPatchFor(task: PlannerTask, job: SyncJob): { patch: TaskPatch; conflicts: string[] } {
  const base = job.force ? null : job.base;
  const patch: TaskPatch = {};
  const conflicts: string[] = [];

  if (job.isCancelled) {
    const marked = cancelledTitle(task.title);
    if (marked !== task.title) patch.title = marked;
  } else {
    const plannerTitle = task.title;
    const title = mergeField(base?.title, job.version.title, plannerTitle);
    if (title.kind === "write") patch.title = job.version.title;
    if (title.kind === "conflict") conflicts.push(`the title is "${plannerTitle}" in Planner and "${job.version.title}" in Concord.`);
  }

  const plannerDue = calendarDateOf(task.dueDateTime);
  const due = mergeField(base?.dueDate, job.version.dueDate, plannerDue);
  if (due.kind === "write") patch.dueDateTime = dueDateTimeOf(job.version.dueDate);
  if (due.kind === "conflict") conflicts.push(`the due date is ${plannerDue ?? "cleared"} in Planner and ${job.version.dueDate} in Concord.`);

  const inPlanner = new Set(Object.keys(task.assignments));
  const wanted = new Set(job.version.ownerIds);
  const assignments: Record<string, typeof NEW_ASSIGNMENT | null> = {};
  if (base === null) {
    for (const ownerId of wanted) if (!inPlanner.has(ownerId)) assignments[ownerId] = NEW_ASSIGNMENT;
    for (const ownerId of inPlanner) if (!wanted.has(ownerId)) assignments[ownerId] = null;
  } else {
    const before = new Set(base.ownerIds);
    for (const ownerId of wanted) if (!before.has(ownerId) && !inPlanner.has(ownerId)) assignments[ownerId] = NEW_ASSIGNMENT;
    for (const ownerId of before) if (!wanted.has(ownerId) && inPlanner.has(ownerId)) assignments[ownerId] = null;
  }
  if (Object.keys(assignments).length > 0) patch.assignments = assignments;
  return { patch, conflicts };
}

function mergeField<T>(base: T | undefined, concord: T, planner: T | null): { kind: "keep" | "write" | "conflict" } {
  if (planner === concord) return { kind: "keep" };
  if (base === undefined || planner === base) return { kind: "write" };
  if (concord === base) return { kind: "keep" };
  return { kind: "conflict" };
}

function ownerKey(ownerIds: readonly string[]): string {
  return [...ownerIds].sort().join(",");
}

function sameInstant(a: string | null, b: string): boolean {
  return a !== null && Date.parse(a) === Date.parse(b);
}
