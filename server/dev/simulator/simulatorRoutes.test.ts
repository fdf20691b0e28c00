import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulatorRouter, SIMULATOR_PATH } from "./simulatorRoutes.ts";

const builtDir = fs.mkdtempSync(path.join(os.tmpdir(), "simulator-dist-"));
const missingDir = path.join(builtDir, "does-not-exist");
fs.mkdirSync(path.join(builtDir, "assets"));
fs.writeFileSync(path.join(builtDir, "index.html"), "<!doctype html><title>simulator</title>");
fs.writeFileSync(path.join(builtDir, "assets", "index-abc123.js"), "console.log('simulator')");
fs.writeFileSync(path.join(builtDir, ".secret"), "hidden");
const outsideFile = path.join(path.dirname(builtDir), "outside-simulator.txt");
fs.writeFileSync(outsideFile, "outside");

const servers: http.Server[] = [];

async function serve(mount: (app: express.Express) => void): Promise<string> {
  const app = express();
  mount(app);
  app.use((_request, response) => {
    response.status(404).type("text").send("fell through");
  });
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let atRoot: string;
let atOwnPath: string;
let unbuilt: string;

beforeAll(async () => {
  atRoot = await serve((app) => app.use(createSimulatorRouter({ distDir: builtDir })));
  atOwnPath = await serve((app) => app.use(SIMULATOR_PATH, createSimulatorRouter({ distDir: builtDir })));
  unbuilt = await serve((app) => app.use(createSimulatorRouter({ distDir: missingDir })));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  fs.rmSync(builtDir, { recursive: true, force: true });
  fs.rmSync(outsideFile, { force: true });
});

describe("createSimulatorRouter", () => {
  for (const [mounting, base] of [["at the root", () => atRoot], ["at /dev/meeting", () => atOwnPath]] as const) {
    describe(`mounted ${mounting}`, () => {
      it("serves the page at /dev/meeting/, never cached stale", async () => {
        const response = await fetch(`${base()}/dev/meeting/?participants=Ana:organizer`);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain("text/html");
        expect(response.headers.get("cache-control")).toBe("no-cache");
        expect(await response.text()).toContain("<title>simulator</title>");
      });

      it("redirects /dev/meeting to /dev/meeting/, keeping the query", async () => {
        const response = await fetch(`${base()}/dev/meeting?theme=dark`, { redirect: "manual" });
        expect(response.status).toBe(308);
        expect(response.headers.get("location")).toBe("/dev/meeting/?theme=dark");
      });

      it("serves hashed assets as immutable", async () => {
        const response = await fetch(`${base()}/dev/meeting/assets/index-abc123.js`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe("console.log('simulator')");
        expect(response.headers.get("cache-control")).toContain("immutable");
      });

      it("answers 404 for missing files, dotfiles and paths that climb out", async () => {
        for (const url of ["/dev/meeting/assets/nope.js", "/dev/meeting/.secret", "/dev/meeting/%2e%2e/%2e%2e/outside-simulator.txt", "/dev/meeting/..%2f..%2foutside-simulator.txt"]) {
          const response = await fetch(`${base()}${url}`);
          expect(response.status, url).toBe(404);
          expect(await response.text(), url).not.toContain("outside");
        }
      });
    });
  }

  it("leaves other paths and methods to the rest of the app", async () => {
    expect(await (await fetch(`${atRoot}/`)).text()).toBe("fell through");
    expect(await (await fetch(`${atRoot}/dev/meetings/x/roster`)).text()).toBe("fell through");
    expect(await (await fetch(`${atRoot}/dev/meeting/`, { method: "POST" })).text()).toBe("fell through");
  });

  it("explains how to build the simulator when the build is missing", async () => {
    const response = await fetch(`${unbuilt}/dev/meeting/`);
    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain("npm run build");
    expect(page).toContain("npx vite build --mode simulator");
  });
});
