import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { buildStale } from "./build.mjs";
import { ensureChromium } from "./ensureChromium.mjs";

// `npm test`: everything CI runs. Prepares what the suites need (Chromium, fresh builds), runs all
// vitest projects, and ends with one plain summary line.
process.env.CHROMIUM_PATH = ensureChromium();
buildStale();
fs.mkdirSync("test-results", { recursive: true });
const result = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json", ...process.argv.slice(2)],
  { stdio: "inherit", env: process.env },
);
try {
  const report = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
  const skipped = report.numPendingTests + report.numTodoTests;
  process.stdout.write(`\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped\n`);
} catch {
  process.stdout.write("\nTests: the vitest report could not be read\n");
}
process.exit(result.status ?? 1);
