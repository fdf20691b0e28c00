import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./buildPackage.ts";
import { loadEnv } from "./envFile.ts";
import { encodePng } from "./png.ts";
import { buildPng } from "./pngFixtures.ts";
import { renderManifest } from "./render.ts";
import { bundledTeamsSchemaVersions, checkIcon, checkTabUrls, validateSchema, validateWithOfficeAddinManifest } from "./validate.ts";

/** The parts of the manifest these tests change, loosely typed so they can break it. */
interface Json {
  $schema: string;
  developer: Record<string, string | undefined>;
  configurableTabs: { context: string[]; configurationUrl: string }[];
  staticTabs: { contentUrl: string }[];
  bots: Record<string, unknown>[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

/** A fresh copy of the real template rendered with env/.env.local. */
const localManifest = (): Json => {
  const template = readFileSync(join(REPO_ROOT, "appPackage", "manifest.json"), "utf8");
  const env = loadEnv("local", { envDir: join(REPO_ROOT, "env") });
  return renderManifest(template, env.values).manifest as Json;
};

const solid = (size: number, rgba: [number, number, number, number]) =>
  encodePng({ width: size, height: size, rgba: Uint8Array.from({ length: size * size * 4 }, (_, i) => rgba[i % 4]!) });

describe("validateSchema", () => {
  it("accepts the real template rendered with the local env, on the newest bundled schema", async () => {
    const manifest = localManifest();
    expect(await validateSchema(manifest)).toEqual([]);
    expect(manifest.$schema).toContain(`/${bundledTeamsSchemaVersions().at(-1)}/`);
  });

  it("reports an invalid configurable tab context at its field path", async () => {
    const manifest = localManifest();
    manifest.configurableTabs[0]!.context.push("meetingLobby");
    const problems = await validateSchema(manifest);
    expect(problems).toEqual([
      { path: "/configurableTabs/0/context/6", message: expect.stringMatching(/^must be one of .*"meetingStage".* \(got "meetingLobby"\)$/) as unknown },
    ]);
  });

  it("reports a missing required field and a field the schema does not allow", async () => {
    const manifest = localManifest();
    delete manifest.developer.privacyUrl;
    manifest.bots[0]!.botName = "Concord";
    expect(await validateSchema(manifest)).toEqual([
      { path: "/developer/privacyUrl", message: "is required" },
      { path: "/bots/0/botName", message: "is not allowed by the schema" },
    ]);
  });

  it("says when an id the schema needs as a GUID is not one", async () => {
    const manifest = localManifest();
    manifest.webApplicationInfo.id = "concord-sso";
    expect(await validateSchema(manifest)).toEqual([
      { path: "/webApplicationInfo/id", message: 'must be a GUID (8-4-4-4-12 hex digits) (got "concord-sso")' },
    ]);
  });

  it("refuses a $schema that is not bundled instead of fetching it", async () => {
    const manifest = localManifest();
    manifest.$schema = "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json";
    const [problem, ...rest] = await validateSchema(manifest);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("/$schema");
    expect(problem?.message).toMatch(/is not a Teams schema bundled with @microsoft\/app-manifest.*bundled: v1\.0, v1\.1, .*v1\.30/);
  });
});

describe("checkTabUrls", () => {
  it("accepts the local manifest", () => {
    expect(checkTabUrls(localManifest())).toEqual([]);
  });

  it("requires https tab URLs on a valid domain and an SSO resource for the client id", () => {
    const manifest = localManifest();
    manifest.staticTabs[0]!.contentUrl = "http://localhost:3000/?surface=personal";
    manifest.configurableTabs[0]!.configurationUrl = "https://elsewhere.example.com/config";
    manifest.webApplicationInfo.resource = "api://localhost:3000/another-id";
    expect(checkTabUrls(manifest).map((p) => p.path)).toEqual([
      "/configurableTabs/0/configurationUrl",
      "/staticTabs/0/contentUrl",
      "/webApplicationInfo/resource",
    ]);
    expect(checkTabUrls(manifest)[0]?.message).toBe("is on elsewhere.example.com, which is not in /validDomains (localhost:3000)");
  });

  it("honours wildcard valid domains", () => {
    const manifest = localManifest();
    manifest.validDomains = ["*.contoso.com"];
    manifest.configurableTabs[0]!.configurationUrl = "https://concord.contoso.com/config";
    manifest.staticTabs[0]!.contentUrl = "https://contoso.com/";
    manifest.webApplicationInfo.resource = `api://concord.contoso.com/${manifest.webApplicationInfo.id}`;
    expect(checkTabUrls(manifest).map((p) => p.path)).toEqual(["/staticTabs/0/contentUrl"]);
  });
});

describe("checkIcon", () => {
  const color = { file: "color.png", width: 192, height: 192, isOutline: false };
  const outline = { file: "outline.png", width: 32, height: 32, isOutline: true };

  it("accepts the committed icons", () => {
    expect(checkIcon(readFileSync(join(REPO_ROOT, "appPackage", "color.png")), color)).toEqual([]);
    expect(checkIcon(readFileSync(join(REPO_ROOT, "appPackage", "outline.png")), outline)).toEqual([]);
  });

  it("reports a wrong-size icon", () => {
    expect(checkIcon(solid(64, [10, 20, 30, 255]), color)).toEqual([{ path: "color.png", message: "is 64×64; Teams needs 192×192" }]);
  });

  it("reports outline pixels that are neither white nor transparent", () => {
    const rgba = new Uint8Array(32 * 32 * 4);
    rgba.fill(255, 0, 4 * 40);
    rgba.set([255, 0, 0, 200], 4 * 33);
    expect(checkIcon(encodePng({ width: 32, height: 32, rgba }), outline)).toEqual([
      { path: "outline.png", message: "has 1 pixel(s) that are neither white nor fully transparent (first at x=1, y=1: rgba(255, 0, 0, 200))" },
    ]);
  });

  it("reports an outline without transparency, a blank outline and a file that is not a PNG", () => {
    const rgbRows = Array.from({ length: 32 }, () => [0, ...new Array<number>(32 * 3).fill(255)]).flat();
    expect(checkIcon(buildPng({ width: 32, height: 32, colorType: 2 }, rgbRows), outline)).toEqual([
      { path: "outline.png", message: "has no transparency; the outline icon must be white on a transparent background" },
    ]);
    expect(checkIcon(solid(32, [255, 255, 255, 0]), outline)[0]?.message).toBe("is fully transparent; the outline icon needs a white mark");
    expect(checkIcon(Buffer.from("not a png"), outline)[0]?.message).toMatch(/^is not a readable PNG/);
  });
});

describe("validateWithOfficeAddinManifest", () => {
  const created: string[] = [];
  afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const writeManifest = (manifest: Json) => {
    const dir = mkdtempSync(join(tmpdir(), "concord-office-"));
    created.push(dir);
    const path = join(dir, "manifest.json");
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    return path;
  };

  it("passes the rendered local manifest silently and rejects a broken one", async () => {
    const valid = await validateWithOfficeAddinManifest(writeManifest(localManifest()));
    expect(valid).toEqual({ isValid: true, output: "" });

    const broken = localManifest();
    delete broken.developer.privacyUrl;
    const invalid = await validateWithOfficeAddinManifest(writeManifest(broken));
    expect(invalid.isValid).toBe(false);
    expect(invalid.output).toContain("privacyUrl");
  });
});
