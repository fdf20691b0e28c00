import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { EnvFileError, loadEnv } from "./envFile.ts";
import { RenderError, renderManifest } from "./render.ts";
import { checkIcon, checkTabUrls, validateSchema, validateWithOfficeAddinManifest, valueAt, type Problem } from "./validate.ts";

/** Thrown when no package can be built; `problems` are ready-to-print lines, each naming a field, file or variable. */
export class PackageError extends Error {
  override name = "PackageError";
  constructor(
    readonly envName: string,
    readonly problems: readonly string[],
  ) {
    super(`cannot package env "${envName}":\n  - ${problems.join("\n  - ")}`);
  }
}

/** Where to read from and write to; everything but `envName` defaults to this repository's layout. */
export interface BuildOptions {
  envName: string;
  /** Holds manifest.json and the icons; default `appPackage/`. */
  appPackageDir?: string;
  /** Holds `.env.<name>`; default `env/`. */
  envDir?: string;
  /** Where manifest.<env>.json and appPackage.<env>.zip go; default `appPackage/build/`. */
  outDir?: string;
  /** Values that override the env file, normally `process.env`; default none. */
  overrides?: Record<string, string | undefined>;
}

/** What {@link buildAppPackage} wrote. */
export interface BuiltPackage {
  envName: string;
  manifestPath: string;
  zipPath: string;
  /** The rendered manifest.json text, exactly as zipped. */
  manifestJson: string;
  /** Names of the files inside the zip. */
  entries: string[];
}

/** The repository root (this file lives in `<root>/manifest/`). */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

// A fixed timestamp makes the zip byte-for-byte reproducible from the same inputs.
const ZIP_MTIME = new Date(2020, 0, 1);

const ICONS = [
  { field: "color", width: 192, height: 192, isOutline: false },
  { field: "outline", width: 32, height: 32, isOutline: true },
] as const;

function loadAndRender(options: BuildOptions, appPackageDir: string) {
  try {
    const env = loadEnv(options.envName, {
      envDir: options.envDir ?? join(REPO_ROOT, "env"),
      overrides: options.overrides ?? {},
      displayRoot: REPO_ROOT,
    });
    const templatePath = join(appPackageDir, "manifest.json");
    if (!existsSync(templatePath)) throw new PackageError(options.envName, [`manifest template ${relative(REPO_ROOT, templatePath)} does not exist`]);
    const template = readFileSync(templatePath, "utf8");
    return { env, rendered: renderManifest(template, env.values, { envFile: env.path }) };
  } catch (error) {
    if (error instanceof EnvFileError || error instanceof RenderError) throw new PackageError(options.envName, [error.message]);
    throw error;
  }
}

/** Reads the icons the manifest names from `appPackageDir`, adding a problem for each that is missing or wrong. */
function readIcons(manifest: unknown, appPackageDir: string, problems: Problem[]): Map<string, Buffer> {
  const shownDir = `${relative(REPO_ROOT, appPackageDir) || appPackageDir}/`;
  const icons = new Map<string, Buffer>();
  for (const icon of ICONS) {
    const path = `/icons/${icon.field}`;
    const file = valueAt(manifest, path);
    if (typeof file !== "string") continue;
    if (basename(file) !== file) {
      problems.push({ path, message: `must be a file name in ${shownDir} (got ${JSON.stringify(file)})` });
      continue;
    }
    const iconPath = join(appPackageDir, file);
    if (!existsSync(iconPath)) {
      problems.push({ path, message: `names ${file}, which does not exist in ${shownDir} (run npx tsx scripts/makeIcons.ts)` });
      continue;
    }
    const bytes = readFileSync(iconPath);
    icons.set(file, bytes);
    problems.push(...checkIcon(bytes, { file, width: icon.width, height: icon.height, isOutline: icon.isOutline }));
  }
  return icons;
}

/**
 * Renders `manifest.json` for an env, validates it (JSON schema, tab URLs, icons, then the
 * office-addin-manifest CLI) and writes `manifest.<env>.json` and `appPackage.<env>.zip` holding
 * exactly manifest.json and the two icons. Nothing is written unless every check passes.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const { envName } = options;
  const appPackageDir = options.appPackageDir ?? join(REPO_ROOT, "appPackage");
  const outDir = options.outDir ?? join(appPackageDir, "build");

  const { env, rendered } = loadAndRender(options, appPackageDir);
  const explain = ({ path, message }: Problem): string => {
    const names = rendered.sources.get(path);
    if (!names) return `${path} ${message}`;
    return `${path} ${message} [from ${names.map((name) => `${name} in ${env.origins[name] ?? env.path}`).join(", ")}]`;
  };

  const problems = [...(await validateSchema(rendered.manifest)), ...checkTabUrls(rendered.manifest)];
  const icons = readIcons(rendered.manifest, appPackageDir, problems);
  if (problems.length > 0) throw new PackageError(envName, problems.map(explain));

  const scratch = mkdtempSync(join(tmpdir(), "concord-manifest-"));
  try {
    writeFileSync(join(scratch, "manifest.json"), rendered.json);
    for (const [file, bytes] of icons) writeFileSync(join(scratch, file), bytes);
    const office = await validateWithOfficeAddinManifest(join(scratch, "manifest.json"));
    if (!office.isValid) {
      throw new PackageError(envName, [`office-addin-manifest validate rejected the manifest:\n    ${office.output.split("\n").join("\n    ")}`]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const files: Record<string, Uint8Array> = { "manifest.json": Buffer.from(rendered.json, "utf8") };
  for (const [file, bytes] of icons) files[file] = bytes;
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${envName}.json`);
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(manifestPath, rendered.json);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: ZIP_MTIME }));
  return { envName, manifestPath, zipPath, manifestJson: rendered.json, entries: Object.keys(files) };
}
