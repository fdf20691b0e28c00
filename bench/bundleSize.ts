import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";

// The side panel's initial JavaScript (gzip) against a minimal Fluent UI v9 + teams-js page built
// the same way. "Initial" is what loads before the side panel can draw: the entry chunk, the side
// panel's lazy chunk (requested at once inside a meeting's side panel) and their static imports.
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}
type ViteManifest = Record<string, ManifestChunk>;

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Files reached from `keys` through static imports only. */
function staticClosure(manifest: ViteManifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

function initialJsBytes(outDir: string, extraEntryPattern?: RegExp): { bytes: number; files: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8")) as ViteManifest;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const lazy = extraEntryPattern ? Object.keys(manifest).filter((key) => extraEntryPattern.test(key)) : [];
  const files = [...staticClosure(manifest, [...entries, ...lazy])].filter((file) => file.endsWith(".js"));
  return { bytes: files.reduce((sum, file) => sum + gzipSize(path.join(outDir, file)), 0), files };
}

const baselineOut = fs.mkdtempSync(path.join(os.tmpdir(), "concord-baseline-"));
await build({
  configFile: false,
  logLevel: "warn",
  plugins: [react()],
  root: path.resolve("bench/support/bundleBaseline"),
  build: { outDir: baselineOut, emptyOutDir: true, manifest: true },
});
const baseline = initialJsBytes(baselineOut);
const sidePanel = initialJsBytes(path.resolve("dist/client"), /surfaces\/sidePanel\/[^/]+\.tsx$/);
fs.rmSync(baselineOut, { recursive: true, force: true });

const ratio = sidePanel.bytes / baseline.bytes;
const result = { sidePanelGzipBytes: sidePanel.bytes, baselineGzipBytes: baseline.bytes, ratio, sidePanelFiles: sidePanel.files };
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/bundleSize.json", JSON.stringify(result, null, 2));
process.stdout.write(
  [
    "Side panel initial JavaScript (gzip -9)",
    `  Concord side panel                 ${(sidePanel.bytes / 1024).toFixed(1)} kB  (${sidePanel.files.length} files)`,
    `  minimal Fluent UI v9 + teams-js    ${(baseline.bytes / 1024).toFixed(1)} kB`,
    `  ratio ${ratio.toFixed(2)}× (target ≤ 1.4×) — ${ratio <= 1.4 ? "met" : "NOT met"}`,
    "",
  ].join("\n"),
);
