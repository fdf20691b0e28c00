import type { Logger } from "../logger.ts";
import type { EventStore } from "../store/eventStore.ts";
import type { PlannerTargetStore } from "../store/plannerTargetStore.ts";
import type { CommitmentLinks } from "./commitmentLinks.ts";
import type { PlannerApi } from "./plannerApi.ts";
import { ProgressPoller } from "./progressPoller.ts";
import type { ProgressPollerOptions } from "./progressPoller.ts";
import { PlannerSyncWorker } from "./syncWorker.ts";
import type { MeetingReports, PlannerSyncWorkerOptions } from "./syncWorker.ts";
import type { GraphTokenRequest } from "./tokens.ts";
import { TrackedTasks, readTrackedTasks } from "./trackedTasks.ts";

/** What main.ts chooses for background Planner work: whose permission writes, and where links point. */
export interface PlannerSyncChoice {
  /** Planner as the worker acts: application permission, or the commitment's creator on-behalf-of. */
  plannerFor: (caller: GraphTokenRequest) => PlannerApi;
  links: CommitmentLinks;
  worker?: Partial<Omit<PlannerSyncWorkerOptions, "store" | "meetings" | "targets" | "plannerFor" | "links" | "logger" | "tracked">>;
  poller?: Partial<Omit<ProgressPollerOptions, "meetings" | "plannerFor" | "tracked" | "knownTasks" | "logger">>;
}

/** The running worker and poller. */
export interface RunningPlannerSync {
  worker: PlannerSyncWorker;
  poller: ProgressPoller;
  tracked: TrackedTasks;
  /** Lets the cycles in progress finish; call before the store closes. */
  stop(): Promise<void>;
}

/**
 * Starts the outbox worker and the progress poller on one server. The poller first learns, from the
 * store, every open commitment synced before this process started, so a restart loses no progress.
 */
export function startPlannerSync(
  deps: { store: EventStore; meetings: MeetingReports; targets: PlannerTargetStore; logger: Logger },
  choice: PlannerSyncChoice,
): RunningPlannerSync {
  const tracked = new TrackedTasks();
  const worker = new PlannerSyncWorker({ ...choice.worker, ...deps, plannerFor: choice.plannerFor, links: choice.links, tracked });
  const poller = new ProgressPoller({
    ...choice.poller,
    meetings: deps.meetings,
    plannerFor: choice.plannerFor,
    tracked,
    knownTasks: () => readTrackedTasks(deps.store, deps.targets),
    logger: deps.logger,
  });
  worker.start();
  poller.start();
  return {
    worker,
    poller,
    tracked,
    async stop() {
      await Promise.all([worker.stop(), poller.stop()]);
    },
  };
}
