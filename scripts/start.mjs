import { spawn } from "node:child_process";
import { buildStale } from "./build.mjs";

// `npm start`: build whatever is missing or stale, then serve everything on one port.
buildStale();
const server = spawn(process.execPath, ["--enable-source-maps", "dist/node/server/main.js"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 1));
