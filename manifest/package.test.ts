import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./buildPackage.ts";

const runCli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(REPO_ROOT, "manifest", "package.ts"), ...args], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });

describe("npm run package", () => {
  it("exits 1 naming the env file when the env does not exist", async () => {
    const { code, stdout, stderr } = await runCli(["nosuchenv"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('cannot package env "nosuchenv"');
    expect(stderr).toContain("env/.env.nosuchenv does not exist");
  });
});
