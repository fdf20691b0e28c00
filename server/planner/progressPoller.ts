import { BackgroundLoop } from "./backgroundLoop.ts";
import type { Logger } from "../logger.ts";
import type { ServerCommand } from "../../src/domain/index.ts";
import type { ExecuteResult } from "../meetings/meetingService.ts";
import type { MeetingKey } from "../store/eventStore.ts";
import type { PlannerApi, PlannerTaskProgress } from "./plannerApi.ts";
import { calendarDateOf } from "./taskContent.ts";
import type { GraphTokenRequest } from "./tokens.ts";
import { planKey } from "./trackedTasks.ts";
import type { TrackedPlan, TrackedTask, TrackedTasks } from "./trackedTasks.ts";

// main.ts passes PLANNER_POLL_MIN_SECONDS (config.ts, same default); this is for pollers built elsewhere
const DEFAULT_MIN_INTERVAL_MS = 30_000;

export interface ProgressPollerOptions {
  meetings: { executeSystem(key: MeetingKey, command: ServerCommand): Promise<ExecuteResult> };
  plannerFor: (caller: GraphTokenRequest) => PlannerApi;
  tracked: TrackedTasks;
  /**
   * Reads the tasks synced before this process started (see `readTrackedTasks`): learned once,
   * before the first read of any plan; after a failure, asked again `minIntervalMs` later.
   */
  knownTasks?: () => Promise<readonly TrackedTask[]>;
  logger: Logger;
  now?: () => number;
  /** How soon a plan whose tasks just changed is read again. */
  minIntervalMs?: number;
  /** The longest a quiet or throttled plan waits between reads. */
  maxIntervalMs?: number;
  /** How often the poller looks for plans that are due; at most `minIntervalMs`. */
  tickMs?: number;
}

/** How one read of a plan went. */
export type PlanPoll = { kind: "changed" } | { kind: "unchanged" } | { kind: "throttled"; retryAfterMs: number } | { kind: "failed"; reason: string };

/**
 * Reads progress back from Planner, which has no delta query or change notifications in v1.0: per
 * plan with tracked tasks, one listing of the plan's tasks (only id, percentComplete,
 * completedDateTime and dueDateTime), then a report for each commitment whose figures changed (the
 * domain drops a report that changes nothing). A plan where nothing changed is read half as often
 * each time, down to `maxIntervalMs`; one that changed goes back to `minIntervalMs`; a 429 waits at
 * least its `Retry-After` and also backs off. A task missing from the listing is asked for
 * directly: gone (404), it was deleted in Planner and its commitment is reported cancelled there;
 * found in another plan (moved, or made before the space's target changed), its progress is
 * reported and it is read with that plan from then on.
 */
export class ProgressPoller {
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly tickMs: number;
  private readonly schedule = new Map<string, { intervalMs: number; nextAt: number }>();
  private readonly loop = new BackgroundLoop(() => this.cycle());
  private hasLearned: boolean;
  private nextLearnAt = 0;

  constructor(private readonly options: ProgressPollerOptions) {
    this.now = options.now ?? Date.now;
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.maxIntervalMs = Math.max(this.minIntervalMs, options.maxIntervalMs ?? 15 * 60_000);
    this.tickMs = Math.min(options.tickMs ?? 1_000, this.minIntervalMs);
    this.hasLearned = options.knownTasks === undefined;
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** When a plan is next due, in ms since the epoch (undefined: due now, never read yet). */
  nextReadOf(tenantId: string, planId: string): number | undefined {
    return this.schedule.get(planKey(tenantId, planId))?.nextAt;
  }

  /** Reads every plan that is due, having first learned the tasks synced before this process started; returns how many plans it read. */
  async pollDue(): Promise<number> {
    if (!this.hasLearned && this.nextLearnAt <= this.now()) await this.learnKnownTasks();
    let polled = 0;
    const active = new Set<string>();
    for (const plan of this.options.tracked.plans()) {
      const key = planKey(plan.tenantId, plan.planId);
      active.add(key);
      const slot = this.schedule.get(key) ?? { intervalMs: this.minIntervalMs, nextAt: 0 };
      if (slot.nextAt > this.now()) continue;
      const result = await this.pollPlan(plan);
      polled++;
      const intervalMs =
        result.kind === "changed"
          ? this.minIntervalMs
          : result.kind === "throttled"
            ? Math.min(this.maxIntervalMs, Math.max(slot.intervalMs * 2, result.retryAfterMs))
            : Math.min(this.maxIntervalMs, slot.intervalMs * 2);
      this.schedule.set(key, { intervalMs, nextAt: this.now() + (result.kind === "throttled" ? Math.max(intervalMs, result.retryAfterMs) : intervalMs) });
    }
    // plans with nothing left to watch lose their slot
    for (const key of this.schedule.keys()) if (!active.has(key)) this.schedule.delete(key);
    return polled;
  }

  /** Reads one plan now and reports what changed. */
  async pollPlan(plan: TrackedPlan): Promise<PlanPoll> {
    const api = this.options.plannerFor({ tenantId: plan.tenantId, userId: plan.userId });
    let listed: Awaited<ReturnType<PlannerApi["listPlanProgress"]>>;
    try {
      listed = await api.listPlanProgress(plan.planId);
    } catch (error) {
      return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
    if (!listed.ok) {
      if (listed.answer.status === 429) return { kind: "throttled", retryAfterMs: listed.answer.retryAfterMs ?? this.minIntervalMs };
      this.options.logger.warn("planner progress read failed", { planId: plan.planId, status: listed.answer.status, message: listed.answer.message });
      return { kind: "failed", reason: listed.answer.message };
    }
    const byId = new Map(listed.value.map((task) => [task.id, task]));
    let isChanged = false;
    for (const tracked of plan.tasks) {
      const key = { tenantId: tracked.tenantId, meetingId: tracked.meetingId };
      let task: PlannerTaskProgress | undefined = byId.get(tracked.taskId);
      if (!task) {
        // a listing can lag; only a 404 for the task itself means it was deleted
        const direct = await api.getTask(tracked.taskId).catch(() => null);
        if (direct === null) continue;
        if (!direct.ok) {
          if (direct.answer.status !== 404) continue;
          this.options.tracked.untrack(tracked.tenantId, tracked.taskId);
          const result = await this.options.meetings.executeSystem(key, { type: "commitment.recordCancelledInPlanner", commitmentId: tracked.commitmentId, taskId: tracked.taskId });
          isChanged ||= result.kind === "accepted" && result.events.length > 0;
          continue;
        }
        task = direct.value;
        // read in the plan that holds it from now on; same tenant, same commitment
        if (direct.value.planId !== "" && direct.value.planId !== tracked.planId) this.options.tracked.track({ ...tracked, planId: direct.value.planId });
      }
      const result = await this.options.meetings.executeSystem(key, {
        type: "commitment.recordProgress",
        commitmentId: tracked.commitmentId,
        percentComplete: task.percentComplete,
        completedAt: completedAtOf(task.completedDateTime),
        plannerDueDate: calendarDateOf(task.dueDateTime),
      });
      if (result.kind === "rejected") {
        // the commitment is gone from its meeting: nothing left to report to
        if (result.rejection.code === "notFound") this.options.tracked.untrack(tracked.tenantId, tracked.taskId);
        continue;
      }
      isChanged ||= result.events.length > 0;
    }
    return isChanged ? { kind: "changed" } : { kind: "unchanged" };
  }

  private async learnKnownTasks(): Promise<void> {
    const read = this.options.knownTasks;
    if (!read) return;
    try {
      const added = await this.options.tracked.learn(read);
      this.hasLearned = true;
      this.options.logger.info("planner progress poller learned the tasks synced earlier", { tasks: added });
    } catch (error) {
      // the tasks synced since the start are still read meanwhile
      this.nextLearnAt = this.now() + this.minIntervalMs;
      this.options.logger.error("planner progress poller could not read the synced tasks", { error: String(error) });
    }
  }

  private async cycle(): Promise<number> {
    try {
      await this.pollDue();
    } catch (error) {
      this.options.logger.error("planner progress poll failed", { error: String(error) });
    }
    return this.tickMs;
  }

}

function completedAtOf(completedDateTime: string | null): number | null {
  const instant = completedDateTime === null ? Number.NaN : Date.parse(completedDateTime);
  return Number.isNaN(instant) ? null : instant;
}
