import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { startBuiltServer } from "./support/concordServer.ts";

// Opened straight in a browser, Concord must say where it runs, at once, rather than wait on a
// Teams host that will never answer.
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  server = await startBuiltServer();
  chromium = await launchChromium({ viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe("Concord outside Microsoft Teams", () => {
  it("explains that it runs inside Teams and links to the simulator in development", async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('[data-surface="outsideTeams"]').waitFor({ timeout: 3_000 });
    await expect(page.getByTestId("simulator-link").getAttribute("href")).resolves.toBe("/dev/meeting/");
    await page.close();
  });

  it("serves the privacy statement and terms the app package links to", async () => {
    const page = await chromium.context.newPage();
    for (const surface of ["privacy", "terms"]) {
      await page.goto(`${server.origin}/${surface}`);
      await page.locator(`[data-surface="${surface}"]`).waitFor({ timeout: 3_000 });
      expect((await page.locator("h1").innerText()).length).toBeGreaterThan(3);
    }
    await page.close();
  });
});
