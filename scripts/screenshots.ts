import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { startBuiltServer } from "../test/e2e/support/concordServer.ts";
import { SimulatorPage } from "../test/e2e/pages/simulatorPage.ts";
import { SidePanelPage } from "../test/e2e/pages/sidePanelPage.ts";

// Renders the README's screenshot and a review set (themes × languages) from a real meeting in the
// simulator: `npx tsx scripts/screenshots.ts [outDir]` after `npm run build`.
const outDir = path.resolve(process.argv[2] ?? "test-results/review");
fs.mkdirSync(outDir, { recursive: true });
const server = await startBuiltServer();
const chromium = await launchChromium({ viewport: { width: 1600, height: 1000 } });
try {
  const page = await chromium.context.newPage();
  const simulator = new SimulatorPage(page);
  const people = ["Avery Chen", "Blake Okafor", "Casey Nguyen", "Devon Tremblay"];
  await simulator.open(server.origin, { meetingId: `review-${Date.now()}` });
  const panels = people.map((name) => new SidePanelPage(simulator.sidePanel(name)));
  for (const panel of panels) await panel.join();
  await panels[2]!.raiseHand("Are our churn numbers current?");
  await panels[3]!.raiseHand();
  await panels[1]!.raiseHand("Option C: phase the launch");
  await panels[0]!.grantFloorButton.click();
  await panels[0]!.frame.getByText("Speaking for").first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, "simulator.png") });

  for (const locale of ["en-US", "fr-CA"] as const) {
    await simulator.setLocale(locale);
    for (const panel of panels) await panel.waitUntilLive();
    for (const theme of ["default", "dark", "contrast"] as const) {
      await simulator.setTheme(theme);
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('[data-testid="side-panel-frame"][data-participant="Avery Chen"]').screenshot({ path: path.join(outDir, `panel-facilitator-${theme}-${locale}.png`) });
      await page.locator('[data-testid="side-panel-frame"][data-participant="Blake Okafor"]').screenshot({ path: path.join(outDir, `panel-attendee-${theme}-${locale}.png`) });
    }
  }
  // the stage as a room screen shows it: widen the simulator's stage to exactly 1280×720
  await page.setViewportSize({ width: 1800, height: 1100 });
  await page.addStyleTag({ content: "header{position:static!important} .stage-row{display:block!important} .stage-viewport{width:1280px!important;height:720px!important;aspect-ratio:auto!important}" });
  for (const locale of ["en-US", "fr-CA"] as const) {
    await simulator.setLocale(locale);
    await page.addStyleTag({ content: "header{position:static!important} .stage-row{display:block!important} .stage-viewport{width:1280px!important;height:720px!important;aspect-ratio:auto!important}" });
    for (const theme of ["default", "dark", "contrast"] as const) {
      await simulator.setTheme(theme);
      await simulator.stage().getByTestId("stage-current-speaker").waitFor();
      await page.waitForTimeout(300);
      await page.locator('[data-testid="stage-frame"]').screenshot({ path: path.join(outDir, `stage-${theme}-${locale}.png`) });
    }
  }
  process.stdout.write(`screenshots in ${outDir}\n`);
} finally {
  await chromium.close();
  await server.stop();
}
