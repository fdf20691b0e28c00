import { describe, expect, it } from "vitest";
import { RenderError, renderManifest } from "./render.ts";

const template = JSON.stringify({
  id: "${{APP_ID}}",
  name: { short: "Concord${{SUFFIX}}" },
  urls: ["${{ENDPOINT}}/config", "${{ ENDPOINT }}/x"],
  count: 3,
  flag: true,
});

describe("renderManifest", () => {
  it("replaces every placeholder and records which variables fed which field", () => {
    const { json, manifest, sources } = renderManifest(template, { APP_ID: "abc", SUFFIX: "", ENDPOINT: "https://h" });
    expect(manifest).toEqual({ id: "abc", name: { short: "Concord" }, urls: ["https://h/config", "https://h/x"], count: 3, flag: true });
    expect(JSON.parse(json)).toEqual(manifest);
    expect(sources.get("/id")).toEqual(["APP_ID"]);
    expect(sources.get("/urls/1")).toEqual(["ENDPOINT"]);
    expect(sources.has("/count")).toBe(false);
  });

  it("fails naming the missing variable and the env file", () => {
    expect(() => renderManifest(template, { APP_ID: "a", SUFFIX: "" }, { envFile: "env/.env.local" })).toThrow(
      "missing variable: ENDPOINT. Set it in env/.env.local or in the environment.",
    );
  });

  it("names every missing variable at once", () => {
    try {
      renderManifest(template, { SUFFIX: "" }, { envFile: "env/.env.dev" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).missing).toEqual(["APP_ID", "ENDPOINT"]);
      expect((error as RenderError).message).toBe("missing variables: APP_ID, ENDPOINT. Set them in env/.env.dev or in the environment.");
    }
  });

  it("escapes quotes, backslashes and newlines so a value cannot change the JSON's shape", () => {
    const hostile = 'x", "id": "hijacked\\ \n }';
    const { json, manifest } = renderManifest(template, { APP_ID: hostile, SUFFIX: ' "beta"', ENDPOINT: "https://h" });
    const reparsed = JSON.parse(json) as { id: string; name: { short: string } };
    expect(reparsed.id).toBe(hostile);
    expect(reparsed.name.short).toBe('Concord "beta"');
    expect(Object.keys(reparsed)).toEqual(Object.keys(manifest as object));
  });

  it("does not re-expand placeholders that appear inside values", () => {
    const { manifest } = renderManifest(template, { APP_ID: "${{SUFFIX}}", SUFFIX: "", ENDPOINT: "https://h" });
    expect((manifest as { id: string }).id).toBe("${{SUFFIX}}");
  });

  it("rejects a template that is not JSON and placeholders it cannot read", () => {
    expect(() => renderManifest('{"a": ${{X}}}', { X: "1" })).toThrow(/not valid JSON \(placeholders belong inside strings\)/);
    expect(() => renderManifest('{"a": "${{X-Y}}"}', {})).toThrow(/malformed placeholders[\s\S]*\/a: "\$\{\{X-Y\}\}"/);
  });
});
