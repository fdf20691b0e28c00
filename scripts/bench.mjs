import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { buildStale } from "./build.mjs";

// `npm run bench`: builds what is stale, then runs each benchmark in bench/ in its own process so
// one's memory and JIT state cannot skew the next. `npm run bench -- fanout` runs just one.
buildStale();
const only = process.argv.slice(2);
const benches = fs
  .readdirSync("bench")
  .filter((file) => file.endsWith(".ts"))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.ts$/, "")));
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== bench/${file} ===\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `bench/${file}`], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
