import fs from "node:fs";
import path from "node:path";
import { Router } from "express";

/** Where the simulator page lives; the Vite build's `base` is the same path. */
export const SIMULATOR_PATH = "/dev/meeting";

/** Options for {@link createSimulatorRouter}. */
export interface SimulatorRouterOptions {
  /** The simulator's build output (`dist/dev`), holding `index.html` and `assets/`. */
  distDir: string;
}

/**
 * Serves the built meeting simulator at `/dev/meeting/`, in development only. It reads the full
 * request path, so it works mounted at the root (`app.use(router)`) or at the simulator's own path
 * (`app.use("/dev/meeting", router)`). A missing build gets a 503 page that says how to build it.
 */
export function createSimulatorRouter({ distDir }: SimulatorRouterOptions): Router {
  const router = Router();
  const root = path.resolve(distDir);
  const indexFile = path.join(root, "index.html");

  router.use((request, response, next) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const { pathname, search } = new URL(request.originalUrl, "http://simulator.invalid");
    if (pathname === SIMULATOR_PATH) return response.redirect(308, `${SIMULATOR_PATH}/${search}`);
    if (!pathname.startsWith(`${SIMULATOR_PATH}/`)) return next();

    if (!fs.existsSync(indexFile)) {
      response.status(503).type("html").setHeader("Cache-Control", "no-store").send(NOT_BUILT_PAGE);
      return;
    }
    const relative = pathname.slice(SIMULATOR_PATH.length + 1);
    if (relative === "" || relative === "index.html") {
      response.setHeader("Cache-Control", "no-cache");
      response.sendFile(indexFile);
      return;
    }
    // hashed file names: a changed file gets a new name, so these never need revalidating
    const isAsset = relative.startsWith("assets/");
    response.sendFile(relative, { root, dotfiles: "deny", immutable: isAsset, maxAge: isAsset ? "365d" : 0 }, (error: Error | undefined) => {
      if (!error || response.headersSent) return;
      const status = (error as { status?: number }).status ?? 500;
      response.status(status === 403 || status === 400 ? 404 : status).type("text").send("Not found in the meeting simulator.");
    });
  });

  return router;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Meeting simulator not built</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1.5rem;color:#242424;line-height:1.5}code{background:#f0f0f0;padding:.1em .35em;border-radius:4px}</style></head>
<body>
<h1>The meeting simulator is not built yet</h1>
<p>Concord's local Teams meeting simulator is served from <code>dist/dev</code>, which does not exist.</p>
<p>Run <code>npm run build</code> (or just the simulator: <code>npx vite build --mode simulator</code>), then reload this page.</p>
</body>
</html>
`;
