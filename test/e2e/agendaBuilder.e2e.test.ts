import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Command } from "../../src/protocol/commands.ts";
import { Limits } from "../../src/protocol/limits.ts";
import { TestClient } from "../fixtures/wsClient.ts";
import { MeetingTabPage } from "./pages/meetingTabPage.ts";
import { DEV_TENANT_ID, type SimulatorPage, userIdFor, userPrincipalNameFor } from "./pages/simulatorPage.ts";
import { SidePanelPage } from "./pages/sidePanelPage.ts";
import { seriousViolations } from "./support/axe.ts";
import { SCREENSHOT_DIR } from "./support/browser.ts";
import { frameOf, TAB_FRAME } from "./support/frames.ts";
import { startSimulatedMeeting, type SimulatedMeeting } from "./support/simulatedMeeting.ts";
import { inEachTheme } from "./support/themes.ts";

// The meeting tab's own details, before and after a meeting: editing items and the planned time,
// validation, keyboard reordering, the charter, pre-work rules, role overrides and the summary of the
// meeting as it ran. Building an agenda from a template and running it live is the facilitation
// flow (facilitation.e2e.test.ts). Real server, simulator, Chromium.
const PEOPLE = { avery: "Avery Chen", blake: "Blake Okafor", casey: "Casey Nguyen" };
const ID = { avery: userIdFor(PEOPLE.avery), blake: userIdFor(PEOPLE.blake), casey: userIdFor(PEOPLE.casey) };
const MARKETS = "Which markets do we exit?";
const LOSSES = "Two markets lose money every quarter.";
const QUESTION_1 = "Strategic question 1";

let meeting: SimulatedMeeting;
let server: SimulatedMeeting["server"];
let page: Page;
let simulator: SimulatorPage;
let meetingId: string;

beforeAll(async () => {
  meetingId = `e2e-agenda-${Date.now()}`;
  meeting = await startSimulatedMeeting({
    // a minute of meeting time per real second, so the summary has minutes to show (nothing asserts them)
    serverEnv: { DEV_CLOCK_RATE: "60" },
    viewport: { width: 1280, height: 1400 },
    meetingId,
    organizer: PEOPLE.avery,
    attendees: [PEOPLE.blake, PEOPLE.casey],
  });
  ({ server, page, simulator } = meeting);
});

afterAll(async () => {
  await meeting?.stop();
});

/** The meeting tab as one person sees it (the simulator's "View as" reloads it for them). */
function tabAs(person: keyof typeof PEOPLE): Promise<MeetingTabPage> {
  return MeetingTabPage.openAs(page, PEOPLE[person], ID[person]);
}

/** A protocol-level connection for a person, with a token from the development identity provider. */
async function connectAs(person: keyof typeof PEOPLE): Promise<TestClient> {
  const response = await fetch(new URL("/dev/idp/token", server.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenantId: DEV_TENANT_ID, userId: ID[person], displayName: PEOPLE[person], userPrincipalName: userPrincipalNameFor(PEOPLE[person]) }),
  });
  const { token } = (await response.json()) as { token: string };
  const client = await TestClient.connect(server.origin, token);
  await client.hello(meetingId);
  return client;
}

/** Sends a command that must be accepted, and waits until the client has folded its events. */
async function accepted(client: TestClient, command: Command): Promise<void> {
  const answer = await client.command(command);
  expect(answer.type, JSON.stringify(answer)).toBe("ack");
  if (answer.type === "ack") await expect.poll(() => client.lastSeq).toBeGreaterThanOrEqual(answer.seq);
}

async function shoot(name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  // a pointer left over a tab would show its hover colour
  await page.mouse.move(0, 0);
  await page.locator(TAB_FRAME).screenshot({ path: file });
  return file;
}

describe("the meeting tab: agenda, charter, pre-work and summary", () => {
  it("shows the two-item agenda the organizer made from the Strategic offsite template, and its planned time", async () => {
    // Blake and Casey join from their side panels, so they can own items and decide
    for (const person of ["blake", "casey"] as const) await new SidePanelPage(simulator.sidePanel(PEOPLE[person])).join();
    const tab = await tabAs("avery");
    await tab.join();
    // the facilitation flow builds an agenda in the tab; here it only has to exist
    const room = await connectAs("avery");
    await accepted(room, { type: "agenda.applyTemplate", payload: { template: "strategicOffsite" } });
    await accepted(room, { type: "agenda.removeItem", payload: { itemId: room.state!.agenda.order[2]! } });
    room.close();
    await expect.poll(() => tab.titles()).toEqual([QUESTION_1, "Strategic question 2"]);
    await expect.poll(async () => (await tab.timeSummary()).plannedMinutes).toBe(180);
  });

  it("edits an item's title, goal, owner and a timebox, and weighs the plan against the scheduled length", async () => {
    const tab = await tabAs("avery");
    await tab.editItem("Strategic question 2", { title: MARKETS, goal: "Agree which two markets to leave by Q3.", owner: PEOPLE.blake, phases: { options: 15 } });
    const markets = (await tab.listedItems()).find((item) => item.title === MARKETS);
    expect(markets?.phases).toEqual([["diagnose", 20], ["options", 15], ["tradeoffs", 30], ["commit", 15]]);
    await expect(tab.item(MARKETS).innerText()).resolves.toContain(`Owner: ${PEOPLE.blake}`);

    await tab.setScheduledMinutes("150");
    await expect.poll(() => tab.timeSummary()).toEqual({ plannedMinutes: 170, scheduledMinutes: 150, overByMinutes: 20, verdict: "20 min over" });
    await tab.setScheduledMinutes("180");
    await expect.poll(async () => (await tab.timeSummary()).verdict).toBe("10 min to spare");
  });

  it("names the field that is wrong and sends nothing", async () => {
    const tab = await tabAs("avery");
    const before = await tab.listedItems();
    const item = tab.item(QUESTION_1);
    await item.getByTestId("item-edit").click();
    const form = item.getByTestId("item-form");
    await tab.fillItemForm(form, { title: "   ", phases: { diagnose: 0 } });
    await form.getByTestId("item-save").click();
    await expect(form.innerText()).resolves.toContain("Title is required.");
    await expect(form.innerText()).resolves.toContain(`Diagnose (minutes) must be a whole number from ${Limits.minTimeboxMinutes} to ${Limits.maxTimeboxMinutes}.`);
    await expect.poll(() => form.getByTestId("item-title-input").evaluate((input) => input === document.activeElement)).toBe(true);
    await form.getByTestId("item-cancel").click();

    await tab.setScheduledMinutes(String(Limits.maxScheduledMinutes + 1));
    await expect(tab.frame.getByTestId("agenda-time").innerText()).resolves.toContain(
      `Meeting length (minutes) must be a whole number from ${Limits.minScheduledMinutes} to ${Limits.maxScheduledMinutes}.`,
    );
    expect(await tab.listedItems()).toEqual(before);
    expect((await tab.timeSummary()).scheduledMinutes).toBe(180);
  });

  it("reorders by keyboard, announces the move and keeps focus on the moved item", async () => {
    const tab = await tabAs("avery");
    await tab.moveWithKeyboard(MARKETS, "up");
    await expect.poll(() => tab.titles()).toEqual([MARKETS, QUESTION_1]);
    await expect.poll(() => tab.announcement()).toBe(`${MARKETS} moved to position 1 of 2.`);
    // at the top its "up" button is disabled, so focus moves to its "down" button: Enter moves it back
    await expect.poll(() => tab.focusedItemTitle()).toBe(MARKETS);
    await page.keyboard.press("Enter");
    await expect.poll(() => tab.titles()).toEqual([QUESTION_1, MARKETS]);
    await expect.poll(() => tab.announcement()).toBe(`${MARKETS} moved to position 2 of 2.`);
    await expect.poll(() => tab.focusedItemTitle()).toBe(MARKETS);
    await page.keyboard.press("Enter");
    await expect.poll(() => tab.titles()).toEqual([MARKETS, QUESTION_1]);
  });

  it("sets the charter's decision rule, refusing two deciders under a single-decider rule", async () => {
    const tab = await tabAs("avery");
    await tab.openSection("charter");
    await tab.setDecisionRule("singleDecider");
    await tab.setDecider(ID.avery, true);
    await tab.setDecider(ID.blake, true);
    await tab.saveCharter();
    await expect(tab.frame.getByTestId("charter-deciders").innerText()).resolves.toContain("A single decider rule allows at most one decider.");

    await tab.setDecisionRule("consensus");
    await tab.frame.getByTestId("ground-rules-input").fill("Challenge ideas, not people.\nDissent is recorded, then we commit.");
    await tab.saveCharter();
    // the box reflects the server's state, so it ticks once the opt-in has come back
    await tab.frame.getByTestId("opt-in-facilitator").click();
    await expect.poll(() => tab.frame.getByTestId("opt-in-facilitator").isChecked()).toBe(true);
    await expect.poll(() => tab.frame.getByTestId("volunteers-facilitator").innerText()).toBe(`Volunteers: ${PEOPLE.avery}`);

    const blake = await tabAs("blake");
    await blake.openSection("charter");
    expect(await blake.decisionRule()).toBe("consensus");
    await expect(blake.frame.getByTestId("charter-view-deciders").innerText()).resolves.toBe(`${PEOPLE.avery} and ${PEOPLE.blake}`);
    expect(await blake.frame.getByTestId("charter-form").count()).toBe(0);
  });

  it("collects pre-work from two people, each editing only their own, and shows the organizer who did what", async () => {
    const avery = await tabAs("avery");
    await avery.openSection("prework");
    await avery.addAssumption(MARKETS, { statement: LOSSES, evidence: "Segment P&L, last 8 quarters.", dataLink: "https://example.com/segment-pnl", confidence: "high" });

    const blake = await tabAs("blake");
    await blake.openSection("prework");
    expect(await blake.frame.getByTestId("prework-completeness").count()).toBe(0);
    const averysAssumption = blake.preworkItem(MARKETS).getByTestId("assumption");
    expect(await averysAssumption.getByTestId("assumption-edit").count()).toBe(0);

    // a link that is not https is refused in the form, naming the field
    const section = blake.preworkItem(QUESTION_1);
    await section.getByTestId("add-assumption-button").click();
    const form = section.getByTestId("assumption-form");
    await form.getByTestId("assumption-statement-input").fill("Customers will pay 10% more for premium support.");
    await form.getByTestId("assumption-link-input").fill("http://example.com/survey");
    await form.getByTestId("assumption-save").click();
    await expect(form.innerText()).resolves.toContain("Data link must be an https:// link.");
    expect(await section.getByTestId("assumption").count()).toBe(0);
    await form.getByTestId("assumption-link-input").fill("https://example.com/survey");
    await form.getByTestId("confidence-low").check();
    await form.getByTestId("assumption-save").click();
    await section.getByTestId("assumption").waitFor();
    await blake.addDataLink(QUESTION_1, "https://example.com/support-costs", "Support cost model");

    const mine = section.getByTestId("assumption");
    await mine.getByTestId("assumption-edit").click();
    await section.getByTestId("assumption-statement-input").fill("Customers will pay 8% more for premium support.");
    await section.getByTestId("assumption-save").click();
    await expect.poll(() => section.getByTestId("assumption").innerText()).toContain("8% more");

    const organizer = await tabAs("avery");
    await organizer.openSection("prework");
    const items = await organizer.listedItems();
    const idOf = (title: string) => items.find((item) => item.title === title)?.itemId ?? "";
    await expect.poll(() => organizer.completeness()).toEqual({ [ID.avery]: [idOf(MARKETS)], [ID.blake]: [idOf(QUESTION_1)], [ID.casey]: [] });
  });

  it("lets the organizer override who holds an item's roles, and shows the holders to everyone", async () => {
    const avery = await tabAs("avery");
    await avery.openSection("charter");
    await avery.assignRole(MARKETS, "scribe", PEOPLE.casey);
    await avery.assignRole(MARKETS, "challenger", PEOPLE.blake);
    await expect.poll(() => avery.roleItem(MARKETS).getByTestId("role-assign-scribe").inputValue()).toBe(ID.casey);
    await avery.assignRole(MARKETS, "challenger", null);
    await expect.poll(() => avery.roleItem(MARKETS).getByTestId("role-assign-challenger").inputValue()).toBe("");

    const blake = await tabAs("blake");
    await blake.openSection("charter");
    expect(await blake.frame.locator('[data-testid^="role-assign-"]').count()).toBe(0);
    await expect(blake.roleItem(MARKETS).getByTestId("role-holder-scribe").innerText()).resolves.toBe(PEOPLE.casey);
    await expect(blake.roleItem(MARKETS).getByTestId("role-holder-challenger").innerText()).resolves.toBe("Nobody");
  });

  it("passes axe-core in every section, for the organizer and for an attendee", async () => {
    for (const person of ["avery", "blake"] as const) {
      const tab = await tabAs(person);
      for (const section of ["agenda", "charter", "prework", "summary", "people"] as const) {
        await tab.openSection(section);
        expect({ person, section, violations: await seriousViolations(await frameOf(page, TAB_FRAME)) }).toEqual({ person, section, violations: [] });
      }
    }
  });

  it("saves screenshots of the builder, charter and pre-work in light and dark themes", async () => {
    const files: string[] = [];
    const tab = await tabAs("avery");
    await inEachTheme(simulator, [TAB_FRAME], async (name) => {
      for (const section of ["agenda", "charter", "prework"] as const) {
        await tab.openSection(section);
        files.push(await shoot(`meeting-tab-${section}-${name}`));
      }
    });
    for (const file of files) expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  });

  it("summarizes the meeting once it has run: time per item, assumption outcomes, parked points", async () => {
    const room = await connectAs("avery");
    await accepted(room, { type: "meeting.start", payload: {} });
    expect(room.state!.facilitation.current?.phase).toBe("diagnose");

    // during the first item's diagnose phase the organizer marks an assumption, citing evidence
    const avery = await tabAs("avery");
    await avery.openSection("prework");
    expect(await avery.preworkItem(QUESTION_1).getByTestId("assumption-mark-form").count()).toBe(0);
    const losses = await avery.markAssumption(MARKETS, LOSSES, "supported", "Finance confirmed the segment losses.");
    await expect.poll(() => losses.getAttribute("data-status")).toBe("supported");
    await expect(losses.getByTestId("assumption-mark-outcome").innerText()).resolves.toContain(`Supported by ${PEOPLE.avery}`);
    expect(await seriousViolations(await frameOf(page, TAB_FRAME))).toEqual([]);
    expect(fs.statSync(await shoot("meeting-tab-prework-diagnose-light")).size).toBeGreaterThan(5_000);

    // an attendee reads the verdict but cannot mark
    const blakeDuring = await tabAs("blake");
    await blakeDuring.openSection("prework");
    expect(await blakeDuring.frame.getByTestId("assumption-mark-form").count()).toBe(0);
    await expect(blakeDuring.preworkItem(MARKETS).getByTestId("assumption-mark-outcome").innerText()).resolves.toContain("Evidence: Finance confirmed the segment losses.");

    // Casey, the item's scribe by the organizer's override, writes its notes; Blake only reads them
    const casey = await tabAs("casey");
    await casey.openSection("summary");
    expect(await casey.notes(QUESTION_1).getByTestId("item-notes-input").count()).toBe(0);
    await casey.setNotes(MARKETS, "Exit the two loss-making markets; finance to confirm timing.");

    await accepted(room, { type: "timer.extend", payload: { minutes: 5, reason: "Finance joined late" } });
    await accepted(room, { type: "parkingLot.add", payload: { text: "Revisit the partner channel in Q4" } });
    await accepted(room, { type: "parkingLot.add", payload: { text: "Office move timing" } });
    // promoting from the tab is part of the facilitation flow; here the summary shows both kinds
    const promoted = Object.values(room.state!.parkingLot).find((entry) => entry.text === "Revisit the partner channel in Q4")!;
    await accepted(room, { type: "parkingLot.promote", payload: { entryId: promoted.entryId } });

    const organizerDuring = await tabAs("avery");
    await organizerDuring.openSection("summary");
    const partner = organizerDuring.parkedEntry("Revisit the partner channel in Q4");
    await expect.poll(() => partner.getAttribute("data-promoted")).toBe("true");
    expect(await partner.getByTestId("parked-promote").count()).toBe(0);
    expect(await organizerDuring.parkedEntry("Office move timing").getByTestId("parked-promote").count()).toBe(1);
    expect(await seriousViolations(await frameOf(page, TAB_FRAME))).toEqual([]);
    expect(fs.statSync(await shoot("meeting-tab-summary-running-light")).size).toBeGreaterThan(5_000);
    // through every phase of the first item into the second, which the end then leaves unfinished
    for (let step = 0; step < 4; step++) {
      const current = room.state!.facilitation.current!;
      await accepted(room, { type: "facilitation.advance", payload: { expectedItemId: current.itemId, expectedPhase: current.phase } });
    }
    await accepted(room, { type: "meeting.end", payload: {} });
    room.close();

    const tab = await tabAs("blake");
    await tab.openSection("summary");
    await expect.poll(() => tab.frame.getByTestId("meeting-status").getAttribute("data-status")).toBe("ended");
    const rows = tab.frame.getByTestId("time-report-item");
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toContain(MARKETS);
    await expect(rows.nth(0).innerText()).resolves.not.toContain("Unfinished");
    await expect(rows.nth(1).innerText()).resolves.toContain("Unfinished");
    await expect(tab.frame.getByTestId("time-report").innerText()).resolves.toContain(`+5 min by ${PEOPLE.avery}: Finance joined late`);
    const outcomes = tab.frame.getByTestId("assumption-outcome");
    await expect(outcomes.evaluateAll((items) => items.map((item) => item.getAttribute("data-status")))).resolves.toEqual(["supported", "untested"]);
    await expect(outcomes.first().innerText()).resolves.toContain("Evidence: Finance confirmed the segment losses.");
    const parked = tab.frame.getByTestId("parked-entry");
    await expect(parked.evaluateAll((items) => items.map((item) => item.getAttribute("data-promoted")))).resolves.toEqual(["true", "false"]);
    await expect(parked.first().innerText()).resolves.toContain("Carried to a later meeting");
    await expect(tab.notes(MARKETS).getByTestId("item-notes-text").innerText()).resolves.toBe("Exit the two loss-making markets; finance to confirm timing.");
    // after the end nothing can change: no editing controls anywhere
    expect(await tab.frame.getByTestId("add-assumption-button").count()).toBe(0);
    expect(await tab.frame.getByTestId("item-notes-input").count()).toBe(0);
    expect(await tab.frame.getByTestId("parked-promote").count()).toBe(0);

    const organizer = await tabAs("avery");
    await organizer.openSection("agenda");
    expect(await organizer.frame.getByTestId("item-edit").count()).toBe(0);
    expect(await seriousViolations(await frameOf(page, TAB_FRAME))).toEqual([]);
    await inEachTheme(simulator, [TAB_FRAME], async (name) => {
      await organizer.openSection("summary");
      expect(fs.statSync(await shoot(`meeting-tab-summary-${name}`)).size).toBeGreaterThan(5_000);
    });
  });
});

describe("a refusal from the server", () => {
  it("is shown in words when the agenda is full, and the agenda is unchanged", async () => {
    meetingId = `e2e-agenda-full-${Date.now()}`;
    await simulator.open(server.origin, { participants: [{ displayName: PEOPLE.avery, meetingRole: "organizer" }], meetingId });
    const tab = await tabAs("avery");
    await tab.join();
    // filled over the protocol: only the last, refused, template goes through the tab
    const fits = Math.floor(Limits.maxAgendaItems / 3);
    const room = await connectAs("avery");
    for (let round = 0; round < fits; round++) await accepted(room, { type: "agenda.applyTemplate", payload: { template: "quarterlyPriorities" } });
    room.close();
    await expect.poll(() => tab.agendaItems.count()).toBe(fits * 3);
    await tab.frame.getByTestId("template-quarterlyPriorities").check();
    await tab.frame.getByTestId("template-apply").click();
    await expect.poll(() => tab.failureText()).toContain("This meeting has reached Concord's limit for that.");
    expect(await tab.agendaItems.count()).toBe(fits * 3);
  });
});
