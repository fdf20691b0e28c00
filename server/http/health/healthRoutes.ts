import { Router } from "express";
import type { Health } from "../../../src/protocol/rest.ts";
import { PROTOCOL_VERSION } from "../../../src/protocol/version.ts";

/** `GET /healthz`: liveness for load balancers, and the mode the tab uses to offer the simulator link. */
export function healthRoutes(mode: Health["mode"]): Router {
  const router = Router();
  router.get("/healthz", (_request, response) => {
    const body: Health = { status: "ok", mode, protocolVersion: PROTOCOL_VERSION };
    response.json(body);
  });
  return router;
}
