import { Router } from "express";

/**
 * `GET /dev/diagnostics`: the server process's memory after a full garbage collection when the
 * process runs with --expose-gc (the benchmarks do), so memory per connection can be measured
 * without the noise of garbage not yet collected. Development only, like everything in server/dev.
 */
export function diagnosticsRoutes(): Router {
  const router = Router();
  router.get("/diagnostics", (_request, response) => {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    response.json({ isCollected: collect !== undefined, rss, heapUsed, external, arrayBuffers });
  });
  return router;
}
