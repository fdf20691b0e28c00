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
 * Which Planner tasks belong to open commitments, grouped by plan: the worker adds each task it
 * syncs, and drops one whose commitment was cancelled. In memory: after a restart it fills again
 * as commitments are synced.
 */
export class TrackedTasks {
  private readonly byPlan = new Map<string, Map<string, TrackedTask>>();

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
    for (const [key, tasks] of this.byPlan) {
      if (!key.startsWith(`${tenantId}/`) || !tasks.delete(taskId)) continue;
      if (tasks.size === 0) this.byPlan.delete(key);
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

/** One plan's key across tenants. */
export function planKey(tenantId: string, planId: string): string {
  return `${tenantId}/${planId}`;
}
