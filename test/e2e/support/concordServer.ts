import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { freePort, startNodeProcess, stopProcess } from "../../fixtures/processes.ts";

/**
 * The built Concord server, started exactly as `npm start` starts it, on a free port with an empty
 * database; the Planner progress poller reads a changed plan again after 1 s instead of 30 s.
 */
export async function startBuiltServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ origin: string; process: ChildProcess; stop: () => Promise<void> }> {
  for (const output of ["dist/client/index.html", "dist/dev/index.html", "dist/node/server/main.js"]) {
    if (!fs.existsSync(output)) throw new Error(`${output} is missing: run \`npm run build\` (npm test builds it for you).`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-e2e-"));
  const child = await startNodeProcess(
    ["--enable-source-maps", "dist/node/server/main.js"],
    // progress is read back from the Planner emulator within a second of a change, not 30 s
    { PORT: String(port), HOST: "127.0.0.1", PUBLIC_ORIGIN: origin, DATA_DIR: dataDir, LOG_LEVEL: "warn", PLANNER_POLL_MIN_SECONDS: "1", ...extraEnv },
    `${origin}/healthz`,
  );
  return {
    origin,
    process: child,
    async stop() {
      await stopProcess(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
