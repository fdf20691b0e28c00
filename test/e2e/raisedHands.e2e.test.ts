import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type SimulatorPage, userIdFor } from "./pages/simulatorPage.ts";
import { SidePanelPage, StagePage } from "./pages/sidePanelPage.ts";
import { seriousViolations } from "./support/axe.ts";
import { SCREENSHOT_DIR } from "./support/browser.ts";
import { sidePanelFrame, STAGE_FRAME } from "./support/frames.ts";
import { startSimulatedMeeting, type SimulatedMeeting } from "./support/simulatedMeeting.ts";

// Three people in a simulated Teams meeting, driven through real Chromium: the organizer
// facilitates, two attendees raise hands. Every surface must agree at each step.
const PEOPLE = { avery: "Avery Chen", blake: "Blake Okafor", casey: "Casey Nguyen" };
const CONVERGE_MS = 1_000;

let meeting: SimulatedMeeting;
let page: Page;
let simulator: SimulatorPage;
const panels = {} as Record<keyof typeof PEOPLE, SidePanelPage>;
let stage: StagePage;

beforeAll(async () => {
  meeting = await startSimulatedMeeting({
    viewport: { width: 1600, height: 1000 },
    meetingId: `e2e-hands-${Date.now()}`,
    organizer: PEOPLE.avery,
    attendees: [PEOPLE.blake, PEOPLE.casey],
  });
  ({ page, simulator } = meeting);
  for (const key of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]) panels[key] = new SidePanelPage(simulator.sidePanel(PEOPLE[key]));
  stage = new StagePage(simulator.stage());
});

afterAll(async () => {
  await meeting?.stop();
});

/** Every side panel and the stage show this order (by entry) and this speaker, within a second. */
async function expectEverySurface(expected: { queue: string[]; speaker: string }): Promise<void> {
  const surfaces = [...Object.values(panels), stage];
  for (const surface of surfaces) {
    await expect.poll(() => surface.queueEntryIds(), { timeout: CONVERGE_MS }).toEqual(expected.queue);
    await expect.poll(() => surface.speakerId(), { timeout: CONVERGE_MS }).toBe(expected.speaker);
  }
}

async function shoot(name: string, target: "page" | { frame: string }): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // the simulator's header is sticky: start from the top so it never covers a frame
  await page.evaluate(() => window.scrollTo(0, 0));
  if (target === "page") await page.screenshot({ path: file });
  else await page.locator(target.frame).screenshot({ path: file });
  return file;
}

describe("raised hands in a simulated Teams meeting", () => {
  it("joins three participants and shows everyone the same first-in-first-out queue", async () => {
    for (const panel of Object.values(panels)) await panel.join();
    await panels.blake.raiseHand("Pricing assumption");
    await panels.casey.raiseHand();
    const order = await panels.casey.queueEntryIds();
    expect(order).toHaveLength(2);
    await expectEverySurface({ queue: order, speaker: "" });
    expect((await panels.avery.queueText())[0]).toContain(PEOPLE.blake);
    expect(await panels.casey.myPlace()).toBe("2");
  });

  it("updates every surface when a participant lowers their hand", async () => {
    const [, caseyEntry] = await panels.avery.queueEntryIds();
    await panels.blake.lowerHand();
    await expectEverySurface({ queue: [caseyEntry!], speaker: "" });
    expect(await panels.casey.myPlace()).toBe("1");
  });

  it("lets the facilitator give the floor, and only the facilitator", async () => {
    expect(await panels.blake.grantFloorButton.count()).toBe(0);
    expect(await panels.casey.grantFloorButton.count()).toBe(0);
    await expect.poll(() => panels.avery.grantFloorButton.innerText()).toContain(PEOPLE.casey);
    await panels.avery.grantFloorButton.click();
    await expectEverySurface({ queue: [], speaker: userIdFor(PEOPLE.casey) });
  });

  it("restores a participant's view after a reload", async () => {
    await panels.blake.raiseHand();
    const order = await panels.avery.queueEntryIds();
    await simulator.reloadParticipant(PEOPLE.casey);
    await panels.casey.waitUntilLive();
    await expect.poll(() => panels.casey.speakerId()).toBe(userIdFor(PEOPLE.casey));
    expect(await panels.casey.queueEntryIds()).toEqual(order);
    await expect(panels.casey.frame.getByTestId("yield-button").isVisible()).resolves.toBe(true);
  });

  it("passes axe-core on the side panel and the stage with no serious or critical violations", async () => {
    for (const frameSelector of ['[data-testid="side-panel-frame"]', STAGE_FRAME]) {
      const handle = await page.locator(frameSelector).first().elementHandle();
      const frame = await handle?.contentFrame();
      expect(await seriousViolations(frame!)).toEqual([]);
    }
  });

  it("saves screenshots of the side panel and stage in light and dark themes", async () => {
    const files: string[] = [];
    for (const theme of ["default", "dark"] as const) {
      await simulator.setTheme(theme);
      await expect.poll(() => panels.avery.frame.locator("[data-theme]").first().getAttribute("data-theme")).toBe(theme);
      files.push(await shoot(`simulator-${theme}`, "page"));
      files.push(await shoot(`side-panel-facilitator-${theme}`, { frame: sidePanelFrame(PEOPLE.avery) }));
      files.push(await shoot(`side-panel-attendee-${theme}`, { frame: sidePanelFrame(PEOPLE.blake) }));
      files.push(await shoot(`stage-${theme}`, { frame: STAGE_FRAME }));
    }
    for (const file of files) expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  });
});
