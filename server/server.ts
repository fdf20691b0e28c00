import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Router } from "express";
import type { RoleResolver, TokenVerifier } from "./auth/identity.ts";
import type { Bus } from "./bus/bus.ts";
import { realTimeOf, type Clock } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { EventStore } from "./store/eventStore.ts";
import { createHttpApp } from "./http/app.ts";
import { MeetingService } from "./meetings/meetingService.ts";
import { RealtimeGateway } from "./realtime/gateway.ts";
import type { Timers } from "./realtime/floorGrace.ts";
import type { PlannerServices } from "./http/planner/plannerRoutes.ts";
import { startPlannerSync, type PlannerSyncChoice, type RunningPlannerSync } from "./planner/plannerSync.ts";

export interface ServerDependencies {
  mode: "development" | "production";
  host: string;
  port: number;
  clientDir: string;
  heartbeatIntervalMs: number;
  store: EventStore;
  bus: Bus;
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  clock: Clock;
  /** Real time for token expiry when `clock` runs fast (development); defaults to `clock`. */
  tokenClock?: Clock;
  logger: Logger;
  devRouters?: { path: string; router: Router }[];
  /** Planner targets and pickers (see http/planner); main.ts chooses the Graph access behind them. */
  planner?: PlannerServices;
  /** Sends commitments to the space's Planner target and reads progress back; needs `planner` for the targets. Off when absent. */
  plannerSync?: PlannerSyncChoice | null;
  /** Overrides of the disconnected speaker's grace period and its scheduling (tests). */
  floorGraceMs?: number;
  timers?: Timers;
}

export interface RunningServer {
  /** `http://host:port` the server listens on. */
  url: string;
  port: number;
  gateway: RealtimeGateway;
  meetings: MeetingService;
  /** The Planner worker and progress poller, when running. */
  plannerSync: RunningPlannerSync | null;
  /** Stops accepting, closes sockets, then the bus and the store. */
  close(): Promise<void>;
}

/**
 * Wires the parts behind one port: REST, WebSocket, the built tab and (in development) the local
 * tools. Adapters arrive ready-made so tests and main.ts choose them, never this function.
 */
export async function startServer(deps: ServerDependencies): Promise<RunningServer> {
  const meetings = new MeetingService(deps.store, deps.bus, deps.clock, deps.logger);
  const gateway = new RealtimeGateway({ ...deps, meetings });
  // state first, then fan-out: projection needs the state the events produced
  const unsubscribe = await deps.bus.subscribe((message) => {
    meetings.handleBusMessage(message);
    gateway.fanOut(message);
  });
  const app = createHttpApp({ ...deps, meetings, devRouters: deps.devRouters ?? [] });
  const server = http.createServer(app);
  gateway.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = deps.host === "0.0.0.0" ? "localhost" : deps.host.includes(":") ? `[${deps.host}]` : deps.host;
  const plannerSync =
    deps.plannerSync && deps.planner ? startPlannerSync({ store: deps.store, meetings, targets: deps.planner.targets, logger: deps.logger }, { ...deps.plannerSync, worker: { ...deps.plannerSync.worker, realTimeOf: (ms) => realTimeOf(deps.clock, ms) } }) : null;

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    gateway,
    meetings,
    plannerSync,
    async close() {
      // the worker's cycle in progress finishes (and records what it did) before the store closes
      await plannerSync?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
      server.closeAllConnections();
      await closed;
      await unsubscribe();
      await deps.bus.close();
      await deps.store.close();
    },
  };
}
