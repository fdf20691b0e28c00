import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import type { Phase } from "../../src/protocol/vocabulary.ts";
import { SimulatorPage, userIdFor } from "./pages/simulatorPage.ts";
import { SidePanelPage, StagePage, type RoleReading, type RoomStep } from "./pages/sidePanelPage.ts";
import { seriousViolations } from "./support/axe.ts";
import { launchChromium, SCREENSHOT_DIR } from "./support/browser.ts";
import { startBuiltServer } from "./support/concordServer.ts";
import { meetingAs, type MeetingAs } from "./support/meetingAs.ts";

// Three people run a two-item strategy agenda in a simulated Teams meeting, in real Chromium, on
// the development fast clock (a server minute passes in a real second): the organizer facilitates,
// the attendees volunteer for roles, a phase overruns and the timekeeper extends it, roles pass on
// at the next item, a point is parked, and Concord is shared to the stage. Every surface must agree
// at each step.
const PEOPLE = { avery: "Avery Chen", blake: "Blake Okafor", casey: "Casey Nguyen" } as const;
type Person = keyof typeof PEOPLE;
const CONVERGE_MS = 2_000;
// a 1-minute timebox runs out within seconds on the fast clock; the others outlast every step here
const SHORT_MINUTES = 1;
const LONG_MINUTES = 30;

let server: Awaited<ReturnType<typeof startBuiltServer>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let simulator: SimulatorPage;
let organizer: MeetingAs;
let itemIds: string[] = [];
const panels = {} as Record<Person, SidePanelPage>;
let stage: StagePage;

beforeAll(async () => {
  server = await startBuiltServer({ DEV_CLOCK_RATE: "60" });
  chromium = await launchChromium({ viewport: { width: 1800, height: 1100 } });
  page = await chromium.context.newPage();
  simulator = new SimulatorPage(page);
  const meetingId = `e2e-facilitation-${Date.now()}`;
  await simulator.open(server.origin, {
    participants: [
      { displayName: PEOPLE.avery, meetingRole: "organizer" },
      { displayName: PEOPLE.blake, meetingRole: "attendee" },
      { displayName: PEOPLE.casey, meetingRole: "attendee" },
    ],
    meetingId,
  });
  // the stage as a room screen shows it: exactly 1280×720
  await page.addStyleTag({
    content: "header{position:static!important} .stage-row{display:block!important} .stage-viewport{width:1280px!important;height:720px!important;aspect-ratio:auto!important}",
  });
  for (const person of Object.keys(PEOPLE) as Person[]) panels[person] = new SidePanelPage(simulator.sidePanel(PEOPLE[person]));
  stage = new StagePage(simulator.stage());
  for (const panel of Object.values(panels)) await panel.join();
  organizer = await meetingAs(server.origin, meetingId, PEOPLE.avery);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  organizer?.close();
  await chromium?.close();
  await server?.stop();
});

/** Every side panel and the stage show this step (situation, item, phase, mode). */
async function expectEverySurface(expected: Partial<RoomStep>): Promise<void> {
  for (const surface of [...Object.values(panels), stage]) {
    await expect.poll(() => surface.currentStep(), { timeout: CONVERGE_MS }).toMatchObject(expected);
  }
}

/** Every side panel lists the same role holders as the stage announces for `itemId`. */
async function expectSameRoles(itemId: string): Promise<RoleReading> {
  await expect.poll(async () => (await stage.roles()).itemId, { timeout: CONVERGE_MS }).toBe(itemId);
  const { roles } = await stage.roles();
  for (const panel of Object.values(panels)) await expect.poll(() => panel.roles(), { timeout: CONVERGE_MS }).toEqual(roles);
  return roles;
}

function personWithId(userId: string | undefined): Person {
  const person = (Object.keys(PEOPLE) as Person[]).find((candidate) => userIdFor(PEOPLE[candidate]) === userId);
  if (!person) throw new Error(`nobody here has the id ${userId}`);
  return person;
}

async function frameOf(selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  return frame;
}

const panelFrame = (person: Person) => `[data-testid="side-panel-frame"][data-participant="${PEOPLE[person]}"]`;

/** Screenshots of the facilitator's and an attendee's side panels and of the stage, in light and dark. */
async function shootEverySurface(label: string, attendee: Person): Promise<void> {
  for (const theme of ["default", "dark"] as const) {
    await simulator.setTheme(theme);
    for (const selector of [panelFrame("avery"), panelFrame(attendee), '[data-testid="stage-frame"]']) {
      const frame = await frameOf(selector);
      await expect.poll(() => frame.locator("[data-theme]").first().getAttribute("data-theme")).toBe(theme);
    }
    const name = theme === "default" ? "light" : "dark";
    // a panel scrolled down by an earlier step would hide where the room is
    for (const person of ["avery", attendee] as const) await (await frameOf(panelFrame(person))).evaluate(() => window.scrollTo(0, 0));
    await page.locator(panelFrame("avery")).screenshot({ path: path.join(SCREENSHOT_DIR, `facilitation-${label}-facilitator-${name}.png`) });
    await page.locator(panelFrame(attendee)).screenshot({ path: path.join(SCREENSHOT_DIR, `facilitation-${label}-attendee-${name}.png`) });
    await page.locator('[data-testid="stage-frame"]').screenshot({ path: path.join(SCREENSHOT_DIR, `facilitation-${label}-stage-${name}.png`) });
  }
  await simulator.setTheme("default");
}

describe("live facilitation in a simulated Teams meeting", () => {
  it("shows the agenda the organizer built from the Strategic offsite template, not yet started, on every surface", async () => {
    await organizer.run({ type: "agenda.applyTemplate", payload: { template: "strategicOffsite" } });
    const offsite = organizer.client.state?.agenda.order ?? [];
    expect(offsite).toHaveLength(3);
    await organizer.run({ type: "agenda.removeItem", payload: { itemId: offsite[2]! } });
    const plan = (first: number) => (["diagnose", "options", "tradeoffs", "commit"] as const).map((phase, index) => ({ phase, minutes: index === 0 ? first : LONG_MINUTES }));
    await organizer.run({ type: "agenda.updateItem", payload: { itemId: offsite[0]!, title: "Mid-market pricing", phases: plan(SHORT_MINUTES) } });
    await organizer.run({ type: "agenda.updateItem", payload: { itemId: offsite[1]!, title: "Hiring plan for 2027", phases: plan(LONG_MINUTES) } });
    itemIds = offsite.slice(0, 2);

    await expectEverySurface({ situation: "notStarted", itemId: "", phase: "" });
    expect(await panels.blake.extrasSummary()).toContain("2 items");
    expect(await panels.avery.startMeetingButton.count()).toBe(1);
    expect(await panels.blake.startMeetingButton.count()).toBe(0);
    expect(await stage.timeline()).toEqual(itemIds.flatMap((itemId) => ["diagnose", "options", "tradeoffs", "commit"].map((phase) => `${itemId}/${phase}:upcoming`)));
  });

  it("lets each participant volunteer for roles from their side panel", async () => {
    await panels.avery.volunteer(["facilitator"]);
    await panels.blake.volunteer(["timekeeper", "scribe"]);
    await panels.casey.volunteer(["timekeeper", "challenger"]);
    await expect.poll(() => organizer.client.state?.roles.optIns).toEqual({
      [userIdFor(PEOPLE.avery)]: ["facilitator"],
      [userIdFor(PEOPLE.blake)]: ["timekeeper", "scribe"],
      [userIdFor(PEOPLE.casey)]: ["timekeeper", "challenger"],
    });
  });

  it("starts the meeting: every surface shows item 1 in diagnose, debating, with the same roles", async () => {
    await panels.avery.startMeeting();
    await expectEverySurface({ situation: "running", itemId: itemIds[0], phase: "diagnose", mode: "debating" });
    const roles = await expectSameRoles(itemIds[0]!);
    expect(roles.facilitator).toBe(userIdFor(PEOPLE.avery));
    expect(roles.scribe).toBe(userIdFor(PEOPLE.blake));
    expect(roles.challenger).toBe(userIdFor(PEOPLE.casey));
    expect([userIdFor(PEOPLE.blake), userIdFor(PEOPLE.casey)]).toContain(roles.timekeeper);
    expect(await panels.avery.nowText()).toContain("You are the facilitator");
    expect(await panels[personWithId(roles.timekeeper)].nowText()).toContain("You are the timekeeper");
    expect(await stage.rolesText()).toMatch(/Item 1.*Facilitator.*Avery Chen.*Timekeeper.*Scribe.*Blake Okafor.*Challenger.*Casey Nguyen/s);
    expect((await stage.timeline())[0]).toBe(`${itemIds[0]}/diagnose:current`);
  });

  it("shows the overrun on every surface; the timekeeper pauses and extends with a reason", async () => {
    const timekeeper = personWithId((await stage.roles()).roles.timekeeper);
    const bystander: Person = timekeeper === "blake" ? "casey" : "blake";
    for (const surface of [...Object.values(panels), stage]) {
      await expect.poll(async () => (await surface.countdown())?.isOverrun, { timeout: 10_000 }).toBe(true);
    }
    expect(await panels.avery.frame.getByTestId("phase-countdown").innerText()).toMatch(/^\+\d\d:\d\d over/);
    expect(await panels[bystander].pauseButton.count()).toBe(0);
    expect(await panels[bystander].extendButton.count()).toBe(0);

    await panels[timekeeper].pause();
    // a paused clock stands still, so every surface shows exactly the same time
    const paused = await panels[timekeeper].countdown();
    expect(paused).toMatchObject({ isOverrun: true, isPaused: true });
    for (const surface of [...Object.values(panels), stage]) await expect.poll(() => surface.countdown(), { timeout: CONVERGE_MS }).toEqual(paused);

    await panels[timekeeper].openExtendForm();
    await expect(panels[timekeeper].extendSubmitButton.isDisabled()).resolves.toBe(true);
    await panels[timekeeper].extend(10, "The churn figures need a closer look");
    const extended = await panels[timekeeper].countdown();
    expect(extended).toMatchObject({ isOverrun: false, isPaused: true });
    expect(extended!.clock < "10:00").toBe(true);
    for (const surface of [...Object.values(panels), stage]) await expect.poll(() => surface.countdown(), { timeout: CONVERGE_MS }).toEqual(extended);
    expect(organizer.client.state?.facilitation.usage[itemIds[0]!]?.diagnose?.extensions).toEqual([
      expect.objectContaining({ minutes: 10, reason: "The churn figures need a closer look", by: userIdFor(PEOPLE[timekeeper]) }),
    ]);
    expect(await stage.frame.getByTestId("stage-extension").innerText()).toBe(`+10 min added by ${PEOPLE[timekeeper]}: The churn figures need a closer look`);
    await shootEverySurface("diagnose", bystander);
    await panels[timekeeper].resume();
    for (const surface of [...Object.values(panels), stage]) await expect.poll(async () => (await surface.countdown())?.isPaused, { timeout: CONVERGE_MS }).toBe(false);
  });

  it("walks the phases, steps back, refuses a stale move, and closes debate", async () => {
    const expectPhase = (phase: Phase, mode = "debating") => expectEverySurface({ situation: "running", itemId: itemIds[0], phase, mode });
    await panels.avery.advance();
    await expectPhase("options");
    await shootEverySurface("options", "blake");
    await panels.avery.advance();
    await expectPhase("tradeoffs");
    await panels.avery.stepBack();
    await expectPhase("options");
    expect(await organizer.attempt({ type: "facilitation.advance", payload: { expectedItemId: itemIds[0]!, expectedPhase: "diagnose" } })).toBe("stale");
    await expectPhase("options");
    await panels.avery.advance();
    await expectPhase("tradeoffs");
    await shootEverySurface("tradeoffs", "blake");
    await panels.avery.advance();
    await expectPhase("commit");
    await panels.avery.closeDebate();
    await expectPhase("commit", "decision");
    expect(await stage.frame.getByTestId("stage-room-mode").innerText()).toContain("Deciding");
    await shootEverySurface("commit", "blake");
  });

  it("hands roles on at the next item, and the stage announces them", async () => {
    const before = (await stage.roles()).roles;
    await panels.avery.advance();
    await expectEverySurface({ situation: "running", itemId: itemIds[1], phase: "diagnose", mode: "debating" });
    const after = await expectSameRoles(itemIds[1]!);
    expect(after.timekeeper).toBeDefined();
    expect(after.timekeeper).not.toBe(before.timekeeper);
    expect(await stage.rolesText()).toMatch(/^Item 2/);
    const newTimekeeper = personWithId(after.timekeeper);
    const formerTimekeeper = personWithId(before.timekeeper);
    await expect.poll(() => panels[newTimekeeper].pauseButton.count()).toBe(1);
    await expect.poll(() => panels[formerTimekeeper].pauseButton.count()).toBe(0);
    expect(await stage.timeline()).toEqual([
      ...["diagnose", "options", "tradeoffs", "commit"].map((phase) => `${itemIds[0]}/${phase}:done`),
      `${itemIds[1]}/diagnose:current`,
      ...["options", "tradeoffs", "commit"].map((phase) => `${itemIds[1]}/${phase}:upcoming`),
    ]);
    await shootEverySurface("next-item", formerTimekeeper);
  });

  it("parks an off-topic point that every participant sees", async () => {
    await panels.casey.park("Revisit EMEA discounts next quarter");
    for (const panel of Object.values(panels)) await expect.poll(() => panel.extrasSummary(), { timeout: CONVERGE_MS }).toContain("1 parked");
    await panels.avery.openExtras();
    expect(await panels.avery.parkedTexts()).toEqual(["Revisit EMEA discounts next quarter"]);
  });

  it("shares to the stage for the organizer, and tells an attendee why they can't", async () => {
    await page.getByTestId("stage-share-toggle").click();
    await expect.poll(() => simulator.isStageShared()).toBe(false);
    expect(await panels.avery.shareToStage()).toBe("shared");
    await expect.poll(() => simulator.isStageShared()).toBe(true);
    await expect.poll(() => stage.currentStep(), { timeout: 10_000 }).toMatchObject({ itemId: itemIds[1], phase: "diagnose" });

    await panels.blake.openExtras();
    expect(await panels.blake.shareToStage()).toBe("notAllowed");
    expect(await panels.blake.shareMessage()).toContain("Only the organizer and presenters can share to the stage.");
  });

  it("passes axe-core on the facilitator's and an attendee's side panels and on the stage", async () => {
    await panels.avery.openExtendForm();
    for (const selector of [panelFrame("avery"), panelFrame("blake"), '[data-testid="stage-frame"]']) {
      expect(await seriousViolations(await frameOf(selector))).toEqual([]);
    }
  });

  it("ends the meeting on every surface", async () => {
    await panels.avery.endMeeting();
    await expectEverySurface({ situation: "ended", itemId: "", phase: "" });
    expect(organizer.client.state?.facilitation.unfinishedItemIds).toEqual([itemIds[1]]);
  });
});
