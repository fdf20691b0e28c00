import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EnvFileError, loadEnv, parseEnv } from "./envFile.ts";

const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const envDirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "concord-env-"));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe("parseEnv", () => {
  it("reads KEY=VALUE lines, skipping blanks and comments, with quotes and inline comments", () => {
    const text = [
      "# a comment",
      "",
      "PLAIN=https://example.com/x#y  # trailing comment",
      "export EXPORTED = spaced value ",
      'DOUBLE=" (local) \\"quoted\\"\\n" # comment after quotes',
      "SINGLE='kept \\n literally # too'",
      "EMPTY=",
    ].join("\r\n");
    expect(parseEnv(text, "env/.env.test")).toEqual({
      PLAIN: "https://example.com/x#y",
      EXPORTED: "spaced value",
      DOUBLE: ' (local) "quoted"\n',
      SINGLE: "kept \\n literally # too",
      EMPTY: "",
    });
  });

  it("names the file and line of a malformed line", () => {
    expect(() => parseEnv("A=1\nnot a pair\n", "env/.env.x")).toThrow('env/.env.x:2: expected KEY=VALUE, got "not a pair"');
  });

  it("rejects an unterminated quote and a key set twice", () => {
    expect(() => parseEnv('A="open', "f")).toThrow("f:1: unterminated double-quoted value");
    expect(() => parseEnv("A=1\nA=2", "f")).toThrow("f:2: A is already set on line 1");
  });
});

describe("loadEnv", () => {
  it("gives a clear message with the path when the env file is missing", () => {
    const envDir = envDirWith({});
    expect(() => loadEnv("staging", { envDir, displayRoot: envDir })).toThrow(EnvFileError);
    expect(() => loadEnv("staging", { envDir, displayRoot: envDir })).toThrow(/env file \.env\.staging does not exist/);
  });

  it("rejects env names that could leave the env folder", () => {
    expect(() => loadEnv("../secrets", { envDir: envDirWith({}) })).toThrow(/env name "..\/secrets" is not valid/);
  });

  it("lets the .user file override the env file, and the environment override both", () => {
    const envDir = envDirWith({
      ".env.dev": "A=file\nB=file\nC=file\n",
      ".env.dev.user": "B=user\nC=user\n",
    });
    const env = loadEnv("dev", { envDir, displayRoot: envDir, overrides: { C: "process", D: undefined } });
    expect(env.values).toEqual({ A: "file", B: "user", C: "process" });
    expect(env.origins).toEqual({ A: ".env.dev", B: ".env.dev.user", C: "the environment" });
    expect(env.files).toEqual([".env.dev", ".env.dev.user"]);
  });
});
