import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildAppPackage, PackageError, REPO_ROOT } from "./buildPackage.ts";
import { encodePng } from "./png.ts";

const APP_PACKAGE = join(REPO_ROOT, "appPackage");

const created: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `concord-${prefix}-`));
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const VALID_ENV = [
  "TEAMS_APP_ID=11111111-2222-4333-8444-555555555555",
  `APP_NAME_SUFFIX=' "β" build'`,
  "TAB_DOMAIN=concord.contoso.com",
  "TAB_ENDPOINT=https://concord.contoso.com",
  "AAD_APP_CLIENT_ID=66666666-7777-4888-9999-aaaaaaaaaaaa",
  "BOT_ID=bbbbbbbb-cccc-4ddd-8eee-ffffffffffff",
].join("\n");

const envDirWith = (name: string, text: string) => {
  const dir = tempDir("env");
  writeFileSync(join(dir, `.env.${name}`), text);
  return dir;
};

/** A copy of appPackage/ whose manifest or icons a test can break. */
const appPackageCopy = () => {
  const dir = tempDir("app");
  for (const file of ["manifest.json", "color.png", "outline.png"]) cpSync(join(APP_PACKAGE, file), join(dir, file));
  return dir;
};

async function problemsOf(build: Promise<unknown>): Promise<readonly string[]> {
  try {
    await build;
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error("expected the build to fail");
}

describe("buildAppPackage", () => {
  it("renders, validates and zips exactly manifest.json and the two icons", async () => {
    const outDir = tempDir("out");
    const built = await buildAppPackage({ envName: "test", envDir: envDirWith("test", VALID_ENV), outDir });

    expect(built.manifestPath).toBe(join(outDir, "manifest.test.json"));
    expect(built.zipPath).toBe(join(outDir, "appPackage.test.zip"));
    const entries = unzipSync(readFileSync(built.zipPath));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(Buffer.from(entries["color.png"]!).equals(readFileSync(join(APP_PACKAGE, "color.png")))).toBe(true);
    expect(Buffer.from(entries["outline.png"]!).equals(readFileSync(join(APP_PACKAGE, "outline.png")))).toBe(true);

    const zipped = new TextDecoder().decode(entries["manifest.json"]);
    expect(zipped).toBe(readFileSync(built.manifestPath, "utf8"));
    const manifest = JSON.parse(zipped) as Record<string, unknown> & { staticTabs: { contentUrl: string }[]; bots: { botId: string }[] };
    expect(manifest.id).toBe("11111111-2222-4333-8444-555555555555");
    expect(manifest.name).toEqual({ short: 'Concord "β" build', full: 'Concord "β" build — strategy meetings that commit' });
    expect(manifest.developer).toMatchObject({ privacyUrl: "https://concord.contoso.com/privacy", termsOfUseUrl: "https://concord.contoso.com/terms" });
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: "https://concord.contoso.com/config", canUpdateConfiguration: true })]);
    expect(manifest.staticTabs[0]?.contentUrl).toBe("https://concord.contoso.com/?surface=personal");
    expect(manifest.bots[0]?.botId).toBe("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff");
    expect(manifest.validDomains).toEqual(["concord.contoso.com"]);
    expect(manifest.webApplicationInfo).toEqual({
      id: "66666666-7777-4888-9999-aaaaaaaaaaaa",
      resource: "api://concord.contoso.com/66666666-7777-4888-9999-aaaaaaaaaaaa",
    });
    expect(zipped).not.toContain("${{");
  });

  it("names every missing variable and the env file, and writes nothing", async () => {
    const outDir = join(tempDir("out"), "build");
    const envText = VALID_ENV.split("\n").filter((line) => !/^(BOT_ID|TAB_DOMAIN)=/.test(line)).join("\n");
    const problems = await problemsOf(buildAppPackage({ envName: "partial", envDir: envDirWith("partial", envText), outDir }));
    expect(problems).toEqual([expect.stringMatching(/^missing variables: BOT_ID, TAB_DOMAIN\. Set them in .*\.env\.partial or in the environment\.$/)]);
    expect(existsSync(outDir)).toBe(false);
  });

  it("fails schema validation with the field path of a broken configurable tab", async () => {
    const appPackageDir = appPackageCopy();
    const template = JSON.parse(readFileSync(join(appPackageDir, "manifest.json"), "utf8")) as { configurableTabs: { context: string[] }[] };
    template.configurableTabs[0]!.context = ["meetingSidePanel", "sidePanel"];
    writeFileSync(join(appPackageDir, "manifest.json"), JSON.stringify(template));
    const problems = await problemsOf(buildAppPackage({ envName: "test", envDir: envDirWith("test", VALID_ENV), appPackageDir, outDir: tempDir("out") }));
    expect(problems).toEqual([expect.stringMatching(/^\/configurableTabs\/0\/context\/1 must be one of .* \(got "sidePanel"\)$/)]);
  });

  it("reports a wrong-size icon by file name", async () => {
    const appPackageDir = appPackageCopy();
    writeFileSync(join(appPackageDir, "color.png"), encodePng({ width: 96, height: 96, rgba: new Uint8Array(96 * 96 * 4).fill(200) }));
    const problems = await problemsOf(buildAppPackage({ envName: "test", envDir: envDirWith("test", VALID_ENV), appPackageDir, outDir: tempDir("out") }));
    expect(problems).toEqual(["color.png is 96×96; Teams needs 192×192"]);
  });

  it("says which variable, and from where, produced a bad field", async () => {
    const problems = await problemsOf(
      buildAppPackage({ envName: "test", envDir: envDirWith("test", VALID_ENV), outDir: tempDir("out"), overrides: { BOT_ID: "concord-bot" } }),
    );
    expect(problems).toEqual(['/bots/0/botId must be a GUID (8-4-4-4-12 hex digits) (got "concord-bot") [from BOT_ID in the environment]']);
  });
});
