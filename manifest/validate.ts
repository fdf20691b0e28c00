import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { decodePng, PngError, readPngHeader, pngHasAlpha } from "./png.ts";

/** One thing wrong with a package: `path` is a JSON pointer into the manifest (e.g. `/bots/0/botId`) or an icon file name. */
export interface Problem {
  path: string;
  message: string;
}

const require = createRequire(import.meta.url);
const APP_MANIFEST_BUILD = dirname(require.resolve("@microsoft/app-manifest"));
const OFFICE_ADDIN_MANIFEST_CLI = require.resolve("office-addin-manifest/cli.js");
const GUID_PATTERN = "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$";
const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json)$/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Reads the value at a JSON pointer, or undefined when there is none. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/** The Teams schema versions bundled with @microsoft/app-manifest, e.g. `["v1.0", …, "v1.30"]`. */
export function bundledTeamsSchemaVersions(): string[] {
  const dir = join(APP_MANIFEST_BUILD, "json-schemas", "teams");
  const toNumbers = (v: string) => v.slice(1).split(".").map(Number);
  return readdirSync(dir)
    .filter((name) => /^v\d+\.\d+$/.test(name) && existsSync(join(dir, name, "MicrosoftTeams.schema.json")))
    .sort((a, b) => {
      const [a1 = 0, a2 = 0] = toNumbers(a);
      const [b1 = 0, b2 = 0] = toNumbers(b);
      return a1 - b1 || a2 - b2;
    });
}

/**
 * Checks that `$schema` names a Teams schema bundled with @microsoft/app-manifest. Any other URL
 * would make the validator download it, which fails offline and is not reproducible.
 */
export function checkBundledSchema(manifest: unknown): Problem[] {
  const url = isRecord(manifest) ? manifest.$schema : undefined;
  if (typeof url !== "string") return [{ path: "/$schema", message: "is required (a Teams schema URL bundled with @microsoft/app-manifest)" }];
  const match = TEAMS_SCHEMA_URL.exec(url);
  if (match && existsSync(join(APP_MANIFEST_BUILD, match[1]!))) return [];
  const versions = bundledTeamsSchemaVersions();
  return [{
    path: "/$schema",
    message: `"${url}" is not a Teams schema bundled with @microsoft/app-manifest, so validating needs the network; bundled: ${versions.join(", ")}`,
  }];
}

interface SchemaErrorParams {
  missingProperty?: string;
  additionalProperty?: string;
  allowedValues?: unknown[];
  pattern?: string;
}

const got = (value: unknown) => (value === undefined ? "" : ` (got ${JSON.stringify(value)})`);

/** Turns one of AppManifestUtils' "<path> <message>. Details: <params>" strings into a problem at the field it is about. */
function toProblem(error: string, manifest: unknown): Problem {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(error);
  if (!match) return { path: "/", message: error };
  const [, at = "", message = "", details = ""] = match;
  let params: SchemaErrorParams = {};
  try {
    params = JSON.parse(details) as SchemaErrorParams;
  } catch {
    // Details that are not JSON are left out; the message still says what is wrong.
  }
  if (params.missingProperty) return { path: `${at}/${params.missingProperty}`, message: "is required" };
  if (params.additionalProperty) return { path: `${at}/${params.additionalProperty}`, message: "is not allowed by the schema" };
  const value = valueAt(manifest, at);
  const path = at || "/";
  if (params.allowedValues) {
    return { path, message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}${got(value)}` };
  }
  if (params.pattern === GUID_PATTERN) return { path, message: `must be a GUID (8-4-4-4-12 hex digits)${got(value)}` };
  return { path, message: `${message}${got(typeof value === "object" ? undefined : value)}` };
}

/**
 * Validates the manifest against the JSON schema its `$schema` names, offline, with
 * `AppManifestUtils.validateAgainstSchema`. Returns one problem per failing field (empty when valid).
 */
export async function validateSchema(manifest: unknown): Promise<Problem[]> {
  const unbundled = checkBundledSchema(manifest);
  if (unbundled.length > 0) return unbundled;
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest);
  const seen = new Set<string>();
  return errors.map((e) => toProblem(e, manifest)).filter((p) => {
    const key = `${p.path} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TAB_URL_FIELDS: readonly (readonly [string, string])[] = [
  ["configurableTabs", "configurationUrl"],
  ["staticTabs", "contentUrl"],
  ["staticTabs", "websiteUrl"],
  ["staticTabs", "searchUrl"],
];

function domainAllowed(host: string, validDomains: readonly string[]): boolean {
  return validDomains.some((domain) =>
    domain.startsWith("*.") ? host.endsWith(domain.slice(1)) && host.length > domain.length - 1 : host === domain.toLowerCase(),
  );
}

/**
 * Checks what the schema cannot: every tab URL is https on a host listed in `validDomains`, and the
 * SSO resource is `api://<valid domain>/<webApplicationInfo.id>` as Teams SSO expects.
 */
export function checkTabUrls(manifest: unknown): Problem[] {
  if (!isRecord(manifest)) return [];
  const problems: Problem[] = [];
  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d): d is string => typeof d === "string").map((d) => d.toLowerCase())
    : [];
  for (const [list, field] of TAB_URL_FIELDS) {
    const tabs = manifest[list];
    if (!Array.isArray(tabs)) continue;
    tabs.forEach((tab: unknown, index) => {
      const url = isRecord(tab) ? tab[field] : undefined;
      if (typeof url !== "string") return;
      const path = `/${list}/${index}/${field}`;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        problems.push({ path, message: `is not a URL (got ${JSON.stringify(url)})` });
        return;
      }
      if (parsed.protocol !== "https:") problems.push({ path, message: `must use https, Teams loads tabs only over TLS (got ${JSON.stringify(url)})` });
      if (!domainAllowed(parsed.host.toLowerCase(), validDomains)) {
        problems.push({ path, message: `is on ${parsed.host}, which is not in /validDomains (${validDomains.join(", ") || "empty"})` });
      }
    });
  }
  const sso = manifest.webApplicationInfo;
  if (isRecord(sso) && typeof sso.resource === "string" && typeof sso.id === "string") {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!match || match[2] !== sso.id || !domainAllowed(match[1]!.toLowerCase(), validDomains)) {
      problems.push({
        path: "/webApplicationInfo/resource",
        message: `must be api://<a domain in /validDomains>/${sso.id} for Teams SSO (got ${JSON.stringify(sso.resource)})`,
      });
    }
  }
  return problems;
}

/** What an icon must be. */
export interface IconSpec {
  /** File name shown in problems, e.g. `outline.png`. */
  file: string;
  width: number;
  height: number;
  /** Outline icons must be white on a transparent background. */
  isOutline: boolean;
}

/** Checks an icon's size from its PNG header and, for the outline icon, that every pixel is white or fully transparent. */
export function checkIcon(bytes: Buffer, spec: IconSpec): Problem[] {
  const { file, width, height } = spec;
  try {
    const header = readPngHeader(bytes);
    if (header.width !== width || header.height !== height) {
      return [{ path: file, message: `is ${header.width}×${header.height}; Teams needs ${width}×${height}` }];
    }
    if (!spec.isOutline) return [];
    if (!pngHasAlpha(bytes)) return [{ path: file, message: "has no transparency; the outline icon must be white on a transparent background" }];
    const { rgba } = decodePng(bytes);
    let offending = 0;
    let first = "";
    let visible = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]];
      if (a === 0) continue;
      visible++;
      if (r === 255 && g === 255 && b === 255) continue;
      if (offending++ === 0) first = ` (first at x=${(i / 4) % width}, y=${Math.floor(i / 4 / width)}: rgba(${r}, ${g}, ${b}, ${a}))`;
    }
    if (visible === 0) return [{ path: file, message: "is fully transparent; the outline icon needs a white mark" }];
    if (offending > 0) {
      return [{ path: file, message: `has ${offending} pixel(s) that are neither white nor fully transparent${first}` }];
    }
    return [];
  } catch (error) {
    if (error instanceof PngError) return [{ path: file, message: `is not a readable PNG: ${error.message}` }];
    throw error;
  }
}

/** What the office-addin-manifest CLI said about a manifest file. */
export interface CliValidation {
  isValid: boolean;
  /** Everything it printed, trimmed; empty when valid. */
  output: string;
}

/**
 * Runs `office-addin-manifest validate <file>` from node_modules. For a JSON manifest it validates
 * locally (it also type-checks the manifest the way Microsoft's tooling reads it); it prints nothing
 * and exits 0 when the manifest is valid.
 */
export function validateWithOfficeAddinManifest(manifestPath: string): Promise<CliValidation> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [OFFICE_ADDIN_MANIFEST_CLI, "validate", manifestPath],
      { cwd: dirname(manifestPath), timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`.trim();
        if (error && typeof error.code !== "number") {
          reject(new Error(`could not run office-addin-manifest: ${error.message}`));
          return;
        }
        resolve({ isValid: !error, output });
      },
    );
  });
}
