import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The three build outputs, each with the sources it is made from. */
export const targets = [
  { name: "tab", output: "dist/client/index.html", sources: ["src/app", "src/teams", "src/domain", "src/protocol", "vite.config.ts"], command: ["vite", "build"] },
  { name: "simulator", output: "dist/dev/index.html", sources: ["server/dev/simulator/client", "vite.config.ts"], command: ["vite", "build", "--mode", "simulator"] },
  { name: "server", output: "dist/node/server/main.js", sources: ["server", "src/domain", "src/protocol", "tsconfig.server.json", "tsconfig.base.json"], command: ["tsc", "-p", "tsconfig.server.json"] },
];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds each target whose output is missing or older than its sources; returns the names built. */
export function buildStale({ force = false } = {}) {
  const built = [];
  for (const target of targets) {
    const outputTime = fs.existsSync(target.output) ? fs.statSync(target.output).mtimeMs : 0;
    const sourceTime = Math.max(...target.sources.map(newestMtime));
    if (!force && outputTime > sourceTime) continue;
    process.stdout.write(`Building the ${target.name}…\n`);
    execFileSync("npx", target.command, { stdio: ["ignore", "ignore", "inherit"] });
    // a build that wrote nothing new (tsc skips unchanged files) still counts as fresh
    fs.utimesSync(target.output, new Date(), new Date());
    built.push(target.name);
  }
  return built;
}

// `npm run build` (node scripts/build.mjs --force) rebuilds all three; start/test/bench only what is stale.
if (import.meta.url === `file://${process.argv[1]}`) {
  const built = buildStale({ force: process.argv.includes("--force") });
  process.stdout.write(built.length > 0 ? `Built: ${built.join(", ")}\n` : "Everything is up to date.\n");
}
