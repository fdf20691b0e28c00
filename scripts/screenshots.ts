import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { startBuiltServer } from "../test/e2e/support/concordServer.ts";
import { frameOf, ROOM_SCREEN_CSS, sidePanelFrame, STAGE_FRAME } from "../test/e2e/support/frames.ts";
import { meetingAs } from "../test/e2e/support/meetingAs.ts";
import { QueuePanel } from "../test/e2e/pages/queuePanel.ts";
import { SimulatorPage, userIdFor } from "../test/e2e/pages/simulatorPage.ts";
import { SidePanelPage } from "../test/e2e/pages/sidePanelPage.ts";

// Renders the README's screenshot and a review set (themes × languages) from a real meeting in the
// simulator: `npx tsx scripts/screenshots.ts [outDir]` after `npm run build`. The meeting runs on the
// development fast clock so floor time adds up in seconds: one person has spoken at length, another
// not at all, someone speaks under a turn limit, and the queue holds every kind of entry, so the
// side panels show the typed queue, the facilitator's dominance alert, quiet voices and equity view,
// and the shared summary an attendee sees.
const outDir = path.resolve(process.argv[2] ?? "test-results/review");
fs.mkdirSync(outDir, { recursive: true });
// tall enough for a whole side panel in one picture, still 320 px wide as in Teams
const TALL_PANELS_CSS = "header{position:static!important} .panel-frame{height:2100px!important}";
const people = ["Avery Chen", "Blake Okafor", "Casey Nguyen", "Devon Tremblay"] as const;
const [avery, blake, casey, devon] = people;
const server = await startBuiltServer({ DEV_CLOCK_RATE: "60" });
const chromium = await launchChromium({ viewport: { width: 1600, height: 1000 } });
try {
  const page = await chromium.context.newPage();
  const simulator = new SimulatorPage(page);
  // a meeting per language: changing the language reloads every frame, and a speaker whose frame
  // reloads loses the floor after the grace period, which the fast clock makes a blink
  for (const locale of ["en-US", "fr-CA"] as const) {
    await page.setViewportSize({ width: 1600, height: 1000 });
    const meetingId = `review-${locale}-${Date.now()}`;
    await simulator.open(server.origin, {
      participants: [
        { displayName: avery, meetingRole: "organizer" },
        { displayName: blake, meetingRole: "attendee" },
        { displayName: casey, meetingRole: "attendee" },
        { displayName: devon, meetingRole: "attendee" },
      ],
      meetingId,
      locale,
    });
    const panels = people.map((name) => new SidePanelPage(simulator.sidePanel(name)));
    const [facilitator, blakeQueue, caseyQueue, devonQueue] = people.map((name) => new QueuePanel(simulator.sidePanel(name))) as [QueuePanel, QueuePanel, QueuePanel, QueuePanel];
    for (const panel of panels) await panel.join();

    // Blake speaks at length; then Casey has the floor under a limit long enough to outlast the shots
    await blakeQueue.raise("newPoint", "Option C: phase the launch");
    await facilitator.grantNext();
    while ((await facilitator.speakingMinutes()) < 6) await page.waitForTimeout(250);
    await facilitator.endTurn();
    const organizer = await meetingAs(server.origin, meetingId, avery);
    await organizer.run({ type: "floor.setTurnLimit", payload: { seconds: 1_800 } });
    organizer.close();
    await caseyQueue.raise("newPoint", "Are our churn numbers current?");
    await facilitator.grantNext();
    await devonQueue.raise("pointOfOrder", "We skipped the pricing item");
    await devonQueue.raise("clarifyingQuestion", "Which segment?");
    await blakeQueue.raise("reply", "The churn data is from Q2");
    await blakeQueue.raise("newPoint", "Option C: phase the launch");
    await facilitator.openEquity();
    await facilitator.shareSummary();
    await page.mouse.move(0, 0);
    if (locale === "en-US") {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(outDir, "simulator.png") });
    }

    const tallPanels = await page.addStyleTag({ content: TALL_PANELS_CSS });
    for (const theme of ["default", "dark", "contrast"] as const) {
      await simulator.setTheme(theme);
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const name of [avery, blake]) await (await frameOf(page, sidePanelFrame(name))).evaluate(() => window.scrollTo(0, 0));
      await page.locator(sidePanelFrame(avery)).screenshot({ path: path.join(outDir, `panel-facilitator-${theme}-${locale}.png`) });
      await page.locator(sidePanelFrame(blake)).screenshot({ path: path.join(outDir, `panel-attendee-${theme}-${locale}.png`) });
    }
    await tallPanels.evaluate((element) => (element as ChildNode).remove());

    // the stage as a room screen shows it: widen the simulator's stage to exactly 1280×720
    await page.setViewportSize({ width: 1800, height: 1100 });
    const roomScreen = await page.addStyleTag({ content: ROOM_SCREEN_CSS });
    for (const theme of ["default", "dark", "contrast"] as const) {
      await simulator.setTheme(theme);
      await simulator.stage().locator(`[data-testid="stage-current-speaker"][data-speaker="${userIdFor(casey)}"]`).waitFor();
      await page.waitForTimeout(300);
      await page.locator(STAGE_FRAME).screenshot({ path: path.join(outDir, `stage-${theme}-${locale}.png`) });
    }
    await roomScreen.evaluate((element) => (element as ChildNode).remove());
    await simulator.setTheme("default");
  }
  process.stdout.write(`screenshots in ${outDir}\n`);
} finally {
  await chromium.close();
  await server.stop();
}
