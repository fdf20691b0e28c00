import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { dayFromNow } from "../test/e2e/support/calendar.ts";
import { startBuiltServer } from "../test/e2e/support/concordServer.ts";
import { CONFIG_FRAME, ROOM_SCREEN_CSS, sidePanelFrame, STAGE_FRAME, TAB_FRAME } from "../test/e2e/support/frames.ts";
import { meetingAs } from "../test/e2e/support/meetingAs.ts";
import { CommitmentsOverviewPage, CommitmentsPanel } from "../test/e2e/pages/commitmentsPanel.ts";
import { MeetingTabPage } from "../test/e2e/pages/meetingTabPage.ts";
import { SettingsPage } from "../test/e2e/pages/settingsPage.ts";
import { SimulatorPage, userIdFor } from "../test/e2e/pages/simulatorPage.ts";
import { SidePanelPage } from "../test/e2e/pages/sidePanelPage.ts";

// A review set of the commitments UI (themes × languages): the side panel at Teams' 320 px before
// and after a plan is chosen, the settings page, the stage at 1280×720 and the meeting tab's
// progress. `npx tsx scripts/commitmentScreenshots.ts [outDir]` after `npm run build`.
const outDir = path.resolve(process.argv[2] ?? "test-results/review");
fs.mkdirSync(outDir, { recursive: true });
const TALL_PANELS_CSS = "header{position:static!important} .panel-frame{height:1500px!important}";
const THEMES = ["default", "dark", "contrast"] as const;
const [avery, blake] = ["Avery Chen", "Blake Okafor"] as const;

const server = await startBuiltServer();
const chromium = await launchChromium({ viewport: { width: 1600, height: 1000 } });
try {
  const page = await chromium.context.newPage();
  const simulator = new SimulatorPage(page);
  const shoot = async (selector: string, name: string, locale: string) => {
    for (const theme of THEMES) {
      await simulator.setTheme(theme);
      await page.waitForTimeout(400);
      await page.mouse.move(0, 0);
      await page.locator(selector).screenshot({ path: path.join(outDir, `commitments-${name}-${theme}-${locale}.png`) });
    }
    await simulator.setTheme("default");
  };

  for (const locale of ["en-US", "fr-CA"] as const) {
    await page.setViewportSize({ width: 1600, height: 1000 });
    const meetingId = `review-commitments-${locale}-${Date.now()}`;
    await simulator.open(server.origin, {
      participants: [
        { displayName: avery, meetingRole: "organizer" },
        { displayName: blake, meetingRole: "attendee" },
      ],
      meetingId,
      locale,
    });
    for (const name of [avery, blake]) await new SidePanelPage(simulator.sidePanel(name)).join();
    const organizer = await meetingAs(server.origin, meetingId, avery);
    await organizer.run({ type: "agenda.addItem", payload: { title: locale === "en-US" ? "Mid-market pricing" : "Prix du marché intermédiaire", phases: [{ phase: "commit", minutes: 30 }] } });
    organizer.close();
    await new SidePanelPage(simulator.sidePanel(avery)).startMeeting();
    const averyCommitments = new CommitmentsPanel(simulator.sidePanel(avery));
    const blakeCommitments = new CommitmentsPanel(simulator.sidePanel(blake));

    // before a plan is chosen: kept in Concord, and the panel says where tasks will go
    await averyCommitments.capture({ title: locale === "en-US" ? "Publish the mid-market price bands" : "Publier les fourchettes de prix", ownerIds: [userIdFor(avery), userIdFor(blake)], dueDate: dayFromNow(14) });
    const tall = await page.addStyleTag({ content: TALL_PANELS_CSS });
    await shoot(sidePanelFrame(avery), "panel-no-plan", locale);

    const settings = await SettingsPage.open(page);
    await settings.pickPlan("Strategy 2027");
    await settings.pickBucket("Commitments");
    await shoot(CONFIG_FRAME, "settings", locale);
    await settings.save();
    await simulator.showMeeting();

    await blakeCommitments.capture({ title: locale === "en-US" ? "Interview five churned accounts" : "Interroger cinq clients perdus", ownerIds: [userIdFor(blake)], dueDate: dayFromNow(21), notes: locale === "en-US" ? "Ask about the price bands" : "Demander l’avis sur les prix" });
    while (Object.values(await blakeCommitments.syncStates()).some((state) => state !== "synced")) await page.waitForTimeout(250);
    const state = (await (await fetch(`${server.origin}/dev/graph-control/state`)).json()) as { tasks: { id: string }[] };
    const firstTask = state.tasks.at(-2);
    if (!firstTask) throw new Error("the Planner emulator holds no task");
    await fetch(`${server.origin}/dev/graph-control/tasks/${firstTask.id}/percent-complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ percentComplete: 50, userId: userIdFor(avery) }),
    });
    while (!(await blakeCommitments.listed()).some((commitment) => commitment.percent === "50")) await page.waitForTimeout(250);
    await shoot(sidePanelFrame(avery), "panel-facilitator", locale);
    await shoot(sidePanelFrame(blake), "panel-owner", locale);
    await tall.evaluate((element) => (element as ChildNode).remove());

    await page.setViewportSize({ width: 1800, height: 1100 });
    const roomScreen = await page.addStyleTag({ content: ROOM_SCREEN_CSS });
    await shoot(STAGE_FRAME, "stage", locale);
    await roomScreen.evaluate((element) => (element as ChildNode).remove());

    const tab = await MeetingTabPage.openAs(page, blake, userIdFor(blake));
    await new CommitmentsOverviewPage(tab.frame).open();
    await shoot(TAB_FRAME, "meeting-tab", locale);
  }
  process.stdout.write(`screenshots in ${outDir}\n`);
} finally {
  await chromium.close();
  await server.stop();
}
