import express, { type Router } from "express";
import { Limits } from "../../src/protocol/limits.ts";
import type { RoleResolver, TokenVerifier } from "../auth/identity.ts";
import type { Logger } from "../logger.ts";
import type { MeetingService } from "../meetings/meetingService.ts";
import { errorHandler, HttpError, sendError } from "./errors.ts";
import { healthRoutes } from "./health/healthRoutes.ts";
import { meetingRoutes } from "./meetings/meetingRoutes.ts";
import { plannerRoutes, type PlannerServices } from "./planner/plannerRoutes.ts";
import { staticTab } from "./staticTab.ts";

export interface HttpAppOptions {
  mode: "development" | "production";
  clientDir: string;
  verifier: TokenVerifier;
  roleResolver: RoleResolver;
  meetings: MeetingService;
  logger: Logger;
  /** Where each space's commitments go in Planner; without it the Planner routes are not mounted. */
  planner?: PlannerServices;
  /** Development-only routers (simulator, dev identity provider, emulators); main.ts passes none in production. */
  devRouters: { path: string; router: Router }[];
}

/** The HTTP side of the one port: health, the REST API, development tools and the tab itself. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // dev tools parse their own bodies (a 1,000-person roster is larger than any API body)
  app.use("/api", express.json({ limit: Limits.maxMessageBytes }));
  app.use(healthRoutes(options.mode));
  app.use(meetingRoutes(options));
  if (options.planner) app.use(plannerRoutes({ ...options, ...options.planner }));
  for (const { path, router } of options.devRouters) app.use(path, router);
  app.use("/api", (_request, response) => sendError(response, new HttpError(404, "notFound", "No such API route.")));
  app.use(staticTab(options.clientDir));
  app.use(errorHandler(options.logger));
  return app;
}
