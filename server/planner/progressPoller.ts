import { BackgroundLoop } from "./backgroundLoop.ts";
import type { Logger } from "../logger.ts";
import type { ServerCommand } from "../../src/domain/index.ts";
import type { ExecuteResult } from "../meetings/meetingService.ts";
import type { MeetingKey } from "../store/eventStore.ts";
import type { PlannerApi } from "./plannerApi.ts";
import { calendarDateOf } from "./taskContent.ts";
import type { GraphTokenRequest } from "./tokens.ts";
import { planKey } from "./trackedTasks.ts";
import type { TrackedPlan, TrackedTasks } from "./trackedTasks.ts";

export interface ProgressPollerOptions {
  meetings: { executeSystem(key: MeetingKey, command: ServerCommand): Promise<ExecuteResult> };
  plannerFor: (caller: GraphTokenRequest) => PlannerApi;
  tracked: TrackedTasks;
  logger: Logger;
  now?: () => number;
  /** How soon a plan whose tasks just changed is read again. */
  minIntervalMs?: number;
  /** The longest a quiet or throttled plan waits between reads. */
  maxIntervalMs?: number;
  /** How often the poller looks for plans that are due. */
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
 * least its `Retry-After` and also backs off. A task missing from the listing, and gone when
 * asked for directly, was deleted in Planner: its commitment is reported cancelled there.
 */
export class ProgressPoller {
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly tickMs: number;
  private readonly schedule = new Map<string, { intervalMs: number; nextAt: number }>();
  private readonly loop = new BackgroundLoop(() => this.cycle());

  constructor(private readonly options: ProgressPollerOptions) {
    this.now = options.now ?? Date.now;
    this.minIntervalMs = options.minIntervalMs ?? 30_000;
    this.maxIntervalMs = options.maxIntervalMs ?? 15 * 60_000;
    this.tickMs = options.tickMs ?? 1_000;
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

  /** Reads every plan that is due; returns how many it read. */
  async pollDue(): Promise<number> {
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
      const task = byId.get(tracked.taskId);
      if (!task) {
        // a listing can lag; only a 404 for the task itself means it was deleted
        const direct = await api.getTask(tracked.taskId).catch(() => null);
        if (direct === null || direct.ok || direct.answer.status !== 404) continue;
        this.options.tracked.untrack(tracked.tenantId, tracked.taskId);
        const result = await this.options.meetings.executeSystem(key, { type: "commitment.recordCancelledInPlanner", commitmentId: tracked.commitmentId, taskId: tracked.taskId });
        isChanged ||= result.kind === "accepted" && result.events.length > 0;
        continue;
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
