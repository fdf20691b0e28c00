import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/** Hosts allowed to frame the tab: Teams on the web and desktop, Outlook and the Microsoft 365 app. */
const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.teams.microsoft.us",
  "https://local.teams.office.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
];

/** Paths that render the tab shell; the surface itself is chosen in the browser from Teams' frameContext. */
const TAB_ROUTES = ["/", "/config", "/privacy", "/terms"];

/** Serves the built tab with headers Teams needs, or a clear page saying how to build it. */
export function staticTab(clientDir: string): Router {
  const router = Router();
  router.use((_request, response, next) => {
    response.setHeader("Content-Security-Policy", `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    next();
  });
  const indexFile = path.join(clientDir, "index.html");
  router.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  router.get(TAB_ROUTES, (_request, response) => {
    if (!fs.existsSync(indexFile)) {
      response.status(503).type("text/plain").send("Concord's tab is not built yet. Run `npm run build` (or `npm start`, which builds what is missing).");
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(indexFile);
  });
  router.use(express.static(clientDir, { index: false }));
  return router;
}
