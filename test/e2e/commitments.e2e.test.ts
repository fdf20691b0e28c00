import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { DEV_PLANNER_IDS } from "../../server/dev/planner/seed.ts";
import { CommitmentsOverviewPage, CommitmentsPanel, StageCommitmentsPage } from "./pages/commitmentsPanel.ts";
import { MeetingTabPage } from "./pages/meetingTabPage.ts";
import { SettingsPage } from "./pages/settingsPage.ts";
import { SidePanelPage } from "./pages/sidePanelPage.ts";
import { createMeetingId, type SimulatorPage, userIdFor } from "./pages/simulatorPage.ts";
import { seriousViolations, withoutKnownDefects } from "./support/axe.ts";
import { SCREENSHOT_DIR } from "./support/browser.ts";
import { dayFromNow } from "./support/calendar.ts";
import { CONFIG_FRAME, frameOf, ROOM_SCREEN_CSS, sidePanelFrame, STAGE_FRAME, TAB_FRAME } from "./support/frames.ts";
import { meetingAs } from "./support/meetingAs.ts";
import { startSimulatedMeeting, type SimulatedMeeting } from "./support/simulatedMeeting.ts";
import { inEachTheme } from "./support/themes.ts";

// Issue 5's flow, in real Chromium through the simulated Teams meeting and the Planner emulator: the
// organizer chooses the plan and bucket on the settings page and presses Teams' one Save (the side
// panels, already open, show the plan at once), the meeting reaches its commit phase,
// the organizer captures a commitment for themself and an attendee captures one of their own, both
// turn "In Planner" (as tasks assigned to their owners in the chosen bucket), the stage names them,
// one is completed in Planner and the meeting tab shows it done once the progress poller has read it.
const PEOPLE = { avery: "Avery Chen", blake: "Blake Okafor" } as const;
type Person = keyof typeof PEOPLE;
const ITEM = "Mid-market pricing";
const AVERY_COMMITMENT = "Publish the mid-market price bands";
const BLAKE_COMMITMENT = "Interview five churned mid-market accounts";
const SYNC_MS = 15_000;
// the e2e server polls Planner at least every second (PLANNER_POLL_MIN_SECONDS=1)
const PROGRESS_MS = 10_000;

let meeting: SimulatedMeeting;
let server: SimulatedMeeting["server"];
let page: Page;
let simulator: SimulatorPage;
let meetingId: string;
const panels = {} as Record<Person, SidePanelPage>;
const commitments = {} as Record<Person, CommitmentsPanel>;
let stage: StageCommitmentsPage;

/** Tasks in the Planner emulator, as Graph would return them. */
async function emulatorTasks(): Promise<{ id: string; title: string; bucketId: string; percentComplete: number; assignments: Record<string, unknown> }[]> {
  const response = await fetch(`${server.origin}/dev/graph-control/state`);
  if (!response.ok) throw new Error(`the Planner emulator's state answered ${response.status}`);
  return ((await response.json()) as { tasks: { id: string; title: string; bucketId: string; percentComplete: number; assignments: Record<string, unknown> }[] }).tasks;
}

/** Switches on one of the Planner emulator's faults. */
async function addPlannerFault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.origin}/dev/graph-control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(rule),
  });
  if (response.status !== 201) throw new Error(`the Planner emulator refused the fault: ${response.status} ${await response.text()}`);
}

/** The names of the buckets in the Planner emulator. */
async function emulatorBucketNames(): Promise<string[]> {
  const response = await fetch(`${server.origin}/dev/graph-control/state`);
  if (!response.ok) throw new Error(`the Planner emulator's state answered ${response.status}`);
  return ((await response.json()) as { buckets: { name: string }[] }).buckets.map((bucket) => bucket.name).sort();
}

const panelFrame = (person: Person) => sidePanelFrame(PEOPLE[person]);

/** Screenshots `selector`'s frame in the light and the dark theme (after the frame has switched), then checks it with axe-core in each. */
async function shootAndCheck(selector: string, name: string, prepare: (frame: Frame) => Promise<void> = () => Promise.resolve()): Promise<void> {
  await inEachTheme(simulator, [selector], async (themeName, theme) => {
    const frame = await frameOf(page, selector);
    await prepare(frame);
    await page.locator(selector).screenshot({ path: path.join(SCREENSHOT_DIR, `commitments-${name}-${themeName}.png`) });
    expect(withoutKnownDefects(await seriousViolations(frame)), `${name} in the ${theme} theme`).toEqual([]);
  });
}

beforeAll(async () => {
  meetingId = createMeetingId();
  meeting = await startSimulatedMeeting({ viewport: { width: 1600, height: 1000 }, meetingId, organizer: PEOPLE.avery, attendees: [PEOPLE.blake] });
  ({ server, page, simulator } = meeting);
  // the stage as a room screen shows it, clear of the simulator's header
  await page.addStyleTag({ content: ROOM_SCREEN_CSS });
  for (const person of Object.keys(PEOPLE) as Person[]) {
    panels[person] = new SidePanelPage(simulator.sidePanel(PEOPLE[person]));
    commitments[person] = new CommitmentsPanel(simulator.sidePanel(PEOPLE[person]));
  }
  stage = new StageCommitmentsPage(simulator.stage());
  for (const panel of Object.values(panels)) await panel.join();
  // the agenda builder is agendaBuilder.e2e's subject: here one item, sent from Node, that goes straight to its commit phase
  const organizer = await meetingAs(server.origin, meetingId, PEOPLE.avery);
  await organizer.run({ type: "agenda.addItem", payload: { title: ITEM, phases: [{ phase: "commit", minutes: 30 }] } });
  organizer.close();
});

afterAll(async () => {
  await meeting?.stop();
});

describe("commitments go to Microsoft Planner", () => {
  it("saves the plan and bucket with Teams' one Save, and the open side panels show them without a new commitment", async () => {
    // the side panels are open before anything is chosen, and say so
    for (const person of Object.keys(PEOPLE) as Person[]) await commitments[person].waitForTarget(false);

    const settings = await SettingsPage.open(page);
    expect((await settings.current()).planId).toBe("");
    expect(await settings.planTitles()).toContain("Strategy 2027");
    // no plan at all is a valid choice: Concord works without Planner
    await expect.poll(() => settings.isSaveEnabled()).toBe(true);

    // a new bucket without a name is incomplete: Teams' Save is disabled until it has one
    await settings.pickPlan("Strategy 2027");
    await settings.newBucket("");
    await expect.poll(() => settings.isSaveEnabled()).toBe(false);
    await expect.poll(() => page.getByTestId("config-validity").textContent()).toContain("no");
    await settings.pickBucket("Commitments");
    await expect.poll(() => settings.isSaveEnabled()).toBe(true);

    // Planner fails once while the choice is checked: Teams is told why, the page says the same,
    // nothing is saved and the dialog stays open for another Save
    await addPlannerFault({ kind: "unavailable503", method: "GET", path: "/planner/buckets/*", times: 1 });
    const refused = await settings.save();
    expect(refused.outcome).toBe("refused");
    expect(refused.text).toMatch(/^refused: Where commitments go could not be saved, so the tab was not added: .*503/);
    expect(`refused: ${await settings.frame.getByTestId("config-save-problem").textContent()}`).toBe(refused.text);
    expect((await settings.current()).planId).toBe("");
    await expect.poll(() => settings.isSaveEnabled()).toBe(true);

    expect(await settings.save()).toEqual({ outcome: "saved", text: "saved: the meeting tab now shows the saved address" });
    expect(await settings.current()).toMatchObject({ planId: DEV_PLANNER_IDS.planId, bucketId: DEV_PLANNER_IDS.commitmentsBucketId });
    expect((await settings.current()).text).toContain("Strategy 2027");
    // no bucket was made for the name typed and abandoned
    expect(await emulatorBucketNames()).toEqual(["Commitments", "Escalations"]);

    await simulator.showMeeting();
    expect(await commitments.blake.listed()).toEqual([]);
    for (const person of Object.keys(PEOPLE) as Person[]) {
      await commitments[person].waitForTarget(true);
      expect(await commitments[person].whereText()).toContain("Strategy 2027 › Commitments");
    }

    await page.getByTestId("view-config").click();
    await shootAndCheck(CONFIG_FRAME, "settings-picker", async (frame) => {
      await frame.getByTestId("planner-target").evaluate((section) => section.scrollIntoView({ block: "start" }));
    });
  });

  it("sends a commitment for each of two owners to Planner and shows them synced", async () => {
    await simulator.showMeeting();
    await panels.avery.startMeeting();

    // the organizer captures one for themself; in the commit phase an attendee captures their own
    await commitments.avery.capture({ title: AVERY_COMMITMENT, ownerIds: [userIdFor(PEOPLE.avery)], dueDate: dayFromNow(14) });
    await commitments.blake.capture({ title: BLAKE_COMMITMENT, ownerIds: [userIdFor(PEOPLE.blake)], dueDate: dayFromNow(21) });

    for (const person of Object.keys(PEOPLE) as Person[]) {
      await expect
        .poll(() => commitments[person].syncStates(), { timeout: SYNC_MS })
        .toEqual({ [AVERY_COMMITMENT]: "synced", [BLAKE_COMMITMENT]: "synced" });
      await commitments[person].waitForTarget(true);
      expect(await commitments[person].whereText()).toContain("Strategy 2027");
    }
    const listed = await commitments.blake.listed();
    expect(listed.map(({ title, isMine }) => [title, isMine])).toEqual([
      [AVERY_COMMITMENT, false],
      [BLAKE_COMMITMENT, true],
    ]);
    await expect.poll(() => commitments.avery.taskLink(AVERY_COMMITMENT).getAttribute("href")).toMatch(/^https?:\/\//);

    // in Planner: one task each, in the chosen bucket, assigned to its owner
    const tasks = await emulatorTasks();
    expect(tasks.map(({ title, bucketId, assignments }) => ({ title, bucketId, owners: Object.keys(assignments) }))).toEqual(
      expect.arrayContaining([
        { title: AVERY_COMMITMENT, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, owners: [userIdFor(PEOPLE.avery)] },
        { title: BLAKE_COMMITMENT, bucketId: DEV_PLANNER_IDS.commitmentsBucketId, owners: [userIdFor(PEOPLE.blake)] },
      ]),
    );
    expect(tasks).toHaveLength(2);

    await expect.poll(() => stage.titles()).toEqual([AVERY_COMMITMENT, BLAKE_COMMITMENT]);
    await shootAndCheck(panelFrame("avery"), "side-panel-synced", async (frame) => {
      await frame.getByTestId("commitments-section").evaluate((section) => section.scrollIntoView({ block: "start" }));
    });
    await shootAndCheck(STAGE_FRAME, "stage");
  });

  it("shows a task completed in Planner as done in the meeting tab", async () => {
    const task = (await emulatorTasks()).find((candidate) => candidate.title === AVERY_COMMITMENT);
    if (!task) throw new Error(`no Planner task titled ${AVERY_COMMITMENT}`);
    const answer = await fetch(`${server.origin}/dev/graph-control/tasks/${task.id}/percent-complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ percentComplete: 100, userId: userIdFor(PEOPLE.avery) }),
    });
    expect(answer.status).toBe(200);

    const tab = await MeetingTabPage.openAs(page, PEOPLE.blake, userIdFor(PEOPLE.blake));
    const overview = new CommitmentsOverviewPage(tab.frame);
    await overview.open();
    await expect
      .poll(async () => (await overview.rows()).map(({ title, percent, syncState }) => ({ title, percent, syncState })), { timeout: PROGRESS_MS })
      .toEqual([
        { title: AVERY_COMMITMENT, percent: "100", syncState: "synced" },
        { title: BLAKE_COMMITMENT, percent: "0", syncState: "synced" },
      ]);
    expect(await overview.summary()).toBe("2 of 2 in Planner · 1 done · 0 overdue");
    const rows = await overview.rows();
    expect(rows.map(({ owners, progress }) => [owners, progress])).toEqual([
      [PEOPLE.avery, "Done"],
      [PEOPLE.blake, "Not started"],
    ]);
    await shootAndCheck(TAB_FRAME, "meeting-tab-progress");
  });
});
