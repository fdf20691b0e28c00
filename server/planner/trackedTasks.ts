import type { EventStore } from "../store/eventStore.ts";
import type { PlannerTargetStore } from "../store/plannerTargetStore.ts";

/** A commitment's task the progress poller reads back, and whose permission reads it. */
export interface TrackedTask {
  tenantId: string;
  meetingId: string;
  commitmentId: string;
  taskId: string;
  planId: string;
  /** Whose delegated permission reads the plan (ignored with application permission). */
  userId: string;
}

/** The tasks of one plan the poller watches. */
export interface TrackedPlan {
  tenantId: string;
  planId: string;
  userId: string;
  tasks: TrackedTask[];
}

/**
 * Which Planner tasks belong to open commitments, grouped by plan and keyed by tenant: the worker
 * adds each task it syncs and drops one whose commitment was cancelled; {@link learn} adds those
 * synced before this process started, read from the store.
 */
export class TrackedTasks {
  private readonly byPlan = new Map<string, Map<string, TrackedTask>>();
  /** While the store is being read: the tasks tracked or dropped meanwhile, whose news is fresher than the read's. */
  private changedWhileLearning: Set<string> | null = null;

  track(task: TrackedTask): void {
    this.untrack(task.tenantId, task.taskId);
    const key = planKey(task.tenantId, task.planId);
    let tasks = this.byPlan.get(key);
    if (!tasks) {
      tasks = new Map();
      this.byPlan.set(key, tasks);
    }
    tasks.set(task.taskId, task);
  }

  untrack(tenantId: string, taskId: string): void {
    this.changedWhileLearning?.add(taskKey(tenantId, taskId));
    for (const [key, tasks] of this.byPlan) {
      if (!key.startsWith(`${tenantId}/`) || !tasks.delete(taskId)) continue;
      if (tasks.size === 0) this.byPlan.delete(key);
    }
  }

  /**
   * Adds the tasks `read` returns (oldest first), except any the worker or the poller tracked or
   * dropped while the read ran: the read may have started before that change was stored. Returns
   * how many it added.
   */
  async learn(read: () => Promise<readonly TrackedTask[]>): Promise<number> {
    if (this.changedWhileLearning) throw new Error("TrackedTasks.learn is already running");
    const changed = new Set<string>();
    this.changedWhileLearning = changed;
    try {
      const tasks = await read();
      let added = 0;
      for (const task of tasks) {
        if (changed.has(taskKey(task.tenantId, task.taskId))) continue;
        this.track(task);
        added++;
      }
      return added;
    } finally {
      this.changedWhileLearning = null;
    }
  }

  /** Every plan with at least one tracked task; the newest tracked task names whose permission reads it. */
  plans(): TrackedPlan[] {
    return [...this.byPlan.values()].map((tasks) => {
      const all = [...tasks.values()];
      const last = all[all.length - 1]!;
      return { tenantId: last.tenantId, planId: last.planId, userId: last.userId, tasks: all };
    });
  }
}

/**
 * Every open commitment's task the store knows of, with the plan its space now sends to: what a
 * server that has just started tracks. The event log does not record which plan a task was created
 * in; the space's current target is where the worker writes, and the poller finds a task that has
 * moved (or was made before the target changed) by reading it directly. A task whose space has no
 * target any more is left out. Each task keeps its own tenant; targets are looked up in that tenant.
 */
export async function readTrackedTasks(store: Pick<EventStore, "listCommitmentTasks">, targets: Pick<PlannerTargetStore, "get">): Promise<TrackedTask[]> {
  const plans = new Map<string, string | null>();
  const tasks: TrackedTask[] = [];
  for (const row of await store.listCommitmentTasks()) {
    const space = `${row.tenantId}\n${row.spaceId}`;
    if (!plans.has(space)) plans.set(space, (await targets.get({ tenantId: row.tenantId, spaceId: row.spaceId }))?.planId ?? null);
    const planId = plans.get(space) ?? null;
    if (planId === null) continue;
    tasks.push({ tenantId: row.tenantId, meetingId: row.meetingId, commitmentId: row.commitmentId, taskId: row.taskId, planId, userId: row.createdBy });
  }
  return tasks;
}

/** One plan's key across tenants. */
export function planKey(tenantId: string, planId: string): string {
  return `${tenantId}/${planId}`;
}

function taskKey(tenantId: string, taskId: string): string {
  return `${tenantId}\n${taskId}`;
}
