/**
 * `npm run package -- [env]` (default `local`): renders appPackage/manifest.json with env/.env.<env>
 * (process env wins), validates it offline, and writes appPackage/build/manifest.<env>.json and
 * appPackage/build/appPackage.<env>.zip. Exits 1 with every problem listed when it cannot.
 */
import { relative } from "node:path";
import { buildAppPackage, PackageError, REPO_ROOT } from "./buildPackage.ts";

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("usage: npm run package -- [env]   (env defaults to local; reads env/.env.<env>)");
  process.exit(1);
}
const envName = args[0] ?? "local";

try {
  const built = await buildAppPackage({ envName, overrides: process.env });
  const show = (path: string) => relative(REPO_ROOT, path);
  console.log(`manifest for env "${envName}" passed the Teams JSON schema, URL and icon checks and office-addin-manifest validate`);
  console.log(`wrote ${show(built.manifestPath)}`);
  console.log(`wrote ${show(built.zipPath)} (${built.entries.join(", ")})`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
