import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { DomainEvent } from "../../src/protocol/events.ts";
import type { EntryKind } from "../../src/protocol/vocabulary.ts";
import { QueuePanel, StageQueuePage } from "./pages/queuePanel.ts";
import { SidePanelPage } from "./pages/sidePanelPage.ts";
import { type SimulatorPage, userIdFor } from "./pages/simulatorPage.ts";
import { seriousViolations } from "./support/axe.ts";
import { SCREENSHOT_DIR } from "./support/browser.ts";
import { frameOf, ROOM_SCREEN_CSS, sidePanelFrame, STAGE_FRAME } from "./support/frames.ts";
import { meetingAs, type MeetingAs } from "./support/meetingAs.ts";
import { startSimulatedMeeting, type SimulatedMeeting } from "./support/simulatedMeeting.ts";
import { inEachTheme } from "./support/themes.ts";

// Issue 4's fair speaking queue, in real Chromium through the simulated Teams meeting, on the
// development fast clock (a server minute passes in a real second). The organizer facilitates;
// three attendees raise typed entries, one of them speaks at length, the queue switches to
// progressive and then to round-robin for a round, and the facilitator's equity view flags the
// dominant voice and the quiet one. Every surface must agree at each step.
const PEOPLE = { avery: "Avery Chen", blake: "Blake Okafor", casey: "Casey Nguyen", devon: "Devon Tremblay" } as const;
type Person = keyof typeof PEOPLE;
const PERSONS = Object.keys(PEOPLE) as Person[];
const ID = Object.fromEntries(PERSONS.map((person) => [person, userIdFor(PEOPLE[person])])) as Record<Person, string>;
const CONVERGE_MS = 2_000;
/** Server minutes Blake holds the floor: far more than anyone else, so his share passes twice the fair share. */
const LONG_TURN_MINUTES = 10;
// tall enough to show a whole side panel, the facilitator's equity view included, in one screenshot
const TALL_PANELS_CSS = ".panel-frame{height:2000px!important}";

let meeting: SimulatedMeeting;
let page: Page;
let simulator: SimulatorPage;
let organizer: MeetingAs;
const queue = {} as Record<Person, QueuePanel>;
let stage: StageQueuePage;

beforeAll(async () => {
  const meetingId = `e2e-fair-queue-${Date.now()}`;
  meeting = await startSimulatedMeeting({
    serverEnv: { DEV_CLOCK_RATE: "60" },
    viewport: { width: 1800, height: 1100 },
    meetingId,
    organizer: PEOPLE.avery,
    attendees: [PEOPLE.blake, PEOPLE.casey, PEOPLE.devon],
  });
  ({ page, simulator } = meeting);
  await page.addStyleTag({ content: ROOM_SCREEN_CSS });
  // joined in this order, which is the order rounds rotate through
  for (const person of PERSONS) {
    await new SidePanelPage(simulator.sidePanel(PEOPLE[person])).join();
    queue[person] = new QueuePanel(simulator.sidePanel(PEOPLE[person]));
  }
  stage = new StageQueuePage(simulator.stage());
  organizer = await meetingAs(meeting.server.origin, meetingId, PEOPLE.avery);
});

afterAll(async () => {
  organizer?.close();
  await meeting?.stop();
});

type Expected = [Person, EntryKind][];
const asEntries = (expected: Expected) => expected.map(([person, kind]) => ({ userId: ID[person], kind }));

/** Every side panel lists this queue (person and kind, in order) within a moment. */
async function expectPanelsToList(expected: Expected): Promise<void> {
  for (const panel of Object.values(queue)) {
    await expect.poll(async () => (await panel.queue()).map(({ userId, kind }) => ({ userId, kind })), { timeout: CONVERGE_MS }).toEqual(asEntries(expected));
  }
}

/** Every side panel lists this queue, and the stage shows the same turns coming (no round under way). */
async function expectEverySurface(expected: Expected): Promise<void> {
  await expectPanelsToList(expected);
  await expect.poll(() => stage.upcoming(), { timeout: CONVERGE_MS }).toEqual(asEntries(expected));
}

function eventsSeen(client: MeetingAs): DomainEvent[] {
  return client.client.messages.flatMap((message) =>
    message.type === "event" ? [message.event] : message.type === "welcome" && message.mode === "events" ? message.events.map(({ event }) => event) : [],
  );
}

const panelFrame = (person: Person) => sidePanelFrame(PEOPLE[person]);

describe("issue 4 end to end: a fair speaking queue with typed entries, policies, rounds and floor equity", () => {
  it("orders typed entries on every surface: a point of order jumps the new points; a clarifying question goes before a reply before a new point", async () => {
    await queue.blake.raise("newPoint", "Mid-market pricing");
    await queue.casey.raise("newPoint");
    await expectEverySurface([
      ["blake", "newPoint"],
      ["casey", "newPoint"],
    ]);
    await queue.devon.raise("pointOfOrder", "We skipped the first agenda item");
    await expectEverySurface([
      ["devon", "pointOfOrder"],
      ["blake", "newPoint"],
      ["casey", "newPoint"],
    ]);
    expect(await stage.text()).toContain("Point of order");
    expect(await queue.casey.myEntries()).toEqual([{ kind: "newPoint", place: "3" }]);
    // nobody has spoken yet, so each turn ahead counts as the default two minutes
    expect(await queue.casey.waitText()).toBe("Estimated wait: about 4 minutes");

    expect(await queue.avery.grantNext()).toBe(ID.devon);
    await expect.poll(() => stage.speaker(), { timeout: CONVERGE_MS }).toEqual({ userId: ID.devon, kind: "pointOfOrder" });
    await queue.devon.yieldFloor();
    expect(await queue.avery.grantNext()).toBe(ID.blake);
    expect(await queue.blake.kindRefusal("reply")).toContain("You have the floor");

    await queue.casey.raise("reply", "The churn numbers say otherwise");
    await queue.devon.raise("clarifyingQuestion", "Which segment do you mean?");
    await expectEverySurface([
      ["devon", "clarifyingQuestion"],
      ["casey", "reply"],
      ["casey", "newPoint"],
    ]);
    // one entry per kind per person; a changed kind joins the back of that kind's line
    await queue.casey.changeKind("reply", "clarifyingQuestion");
    await expectEverySurface([
      ["devon", "clarifyingQuestion"],
      ["casey", "clarifyingQuestion"],
      ["casey", "newPoint"],
    ]);
    expect(await queue.casey.kindRefusal("clarifyingQuestion")).toBe("Already in the queue.");
    await queue.devon.withdraw("clarifyingQuestion");
    await expectEverySurface([
      ["casey", "clarifyingQuestion"],
      ["casey", "newPoint"],
    ]);
  });

  it("times the turn against its limit with the overrun in words, and reorders by least floor time when switched to progressive", async () => {
    await queue.avery.setTurnLimit("120");
    for (const surface of [queue.casey, stage]) {
      await expect.poll(async () => (await surface.turnClock())?.isOver, { timeout: 10_000 }).toBe(true);
      expect((await surface.turnClock())?.text).toMatch(/^\d+:\d\d over the 2:00 limit/);
    }
    // Blake has held the floor since the last step: let him speak at length
    await expect.poll(() => queue.avery.speakingMinutes(), { timeout: 30_000 }).toBeGreaterThanOrEqual(LONG_TURN_MINUTES);
    await queue.avery.endTurn();
    await queue.avery.clearQueue();
    await expectEverySurface([]);

    await queue.blake.raise("newPoint");
    await queue.casey.raise("newPoint");
    await queue.devon.raise("newPoint");
    await expectEverySurface([
      ["blake", "newPoint"],
      ["casey", "newPoint"],
      ["devon", "newPoint"],
    ]);
    await queue.avery.setPolicy("progressive");
    // Casey has not spoken, Devon briefly (his point of order), Blake at length
    await expectEverySurface([
      ["casey", "newPoint"],
      ["devon", "newPoint"],
      ["blake", "newPoint"],
    ]);
    for (const panel of Object.values(queue)) await expect.poll(() => panel.policy(), { timeout: CONVERGE_MS }).toBe("progressive");
  });

  it("gives each person present exactly one turn in a round-robin round, a pass counting as the turn", async () => {
    await queue.avery.setPolicy("roundRobin");
    await queue.avery.startRound(ID.blake);
    const order = [ID.blake, ID.casey, ID.devon, ID.avery];
    for (const panel of Object.values(queue)) await expect.poll(async () => (await panel.roundTurns()).map(({ userId }) => userId), { timeout: CONVERGE_MS }).toEqual(order);
    await expect.poll(() => stage.round(), { timeout: CONVERGE_MS }).toBe("1");
    expect((await stage.upcoming()).slice(0, 4)).toEqual(order.map((userId) => ({ userId, kind: "round" })));

    // the queue waits while the round runs: the round's next person is next, not the head of the queue
    expect(await queue.avery.grantNext()).toBe(ID.blake);
    await queue.blake.yieldFloor();
    await queue.casey.passTurn();
    expect(await queue.avery.grantNext()).toBe(ID.devon);
    await queue.devon.yieldFloor();
    await expect.poll(() => queue.blake.roundTurns(), { timeout: CONVERGE_MS }).toEqual([
      { userId: ID.blake, status: "spoke" },
      { userId: ID.casey, status: "passed" },
      { userId: ID.devon, status: "spoke" },
      { userId: ID.avery, status: "next" },
    ]);
    // the last turn completes the round
    expect(await queue.avery.grantNext()).toBe(ID.avery);
    for (const panel of Object.values(queue)) await expect.poll(() => panel.roundTurns(), { timeout: CONVERGE_MS }).toEqual([]);
    await queue.avery.yieldFloor();

    await expect.poll(() => organizer.client.state?.rounds).toMatchObject({ current: null, count: 1 });
    const roundTurns = eventsSeen(organizer).flatMap((event) =>
      (event.type === "floor.granted" && event.payload.round === 1) || event.type === "round.passed" ? [event.payload.userId] : [],
    );
    expect(roundTurns.sort()).toEqual([...order].sort());
  });

  it("shows the facilitator the dominance alert and the quiet-voices prompt, and an attendee neither", async () => {
    await expect.poll(() => queue.avery.dominanceAlerts(), { timeout: CONVERGE_MS }).toEqual([ID.blake]);
    expect(await queue.avery.frame.getByTestId("dominance-alert").innerText()).toMatch(/Blake Okafor has had \d+% of the floor, [\d.]+ times a fair share \(25%\)/);
    // Casey passed her round turn: she has not been heard
    expect(await queue.avery.quietVoices()).toEqual([ID.casey]);
    for (const attendee of [queue.blake, queue.casey, queue.devon]) expect(await attendee.equityElementCount()).toBe(0);

    // one action invites her: first among the new points
    await queue.avery.inviteFirst(ID.casey);
    await expectEverySurface([
      ["casey", "newPoint"],
      ["blake", "newPoint"],
      ["devon", "newPoint"],
    ]);

    await queue.avery.openEquity();
    const rows = await queue.avery.equityRows();
    expect(rows.map(({ userId }) => userId).sort()).toEqual(Object.values(ID).sort());
    expect(rows[0]).toMatchObject({ userId: ID.blake });
    expect(rows[0]!.share).toBeGreaterThan(0.5);
    expect(rows.find(({ userId }) => userId === ID.casey)?.share).toBe(0);

    // the room sees everyone's figures only once the facilitator shares them
    expect(await queue.blake.sharedSummary()).toBeNull();
    await queue.avery.shareSummary();
    await expect.poll(async () => (await queue.blake.sharedSummary())?.[0], { timeout: CONVERGE_MS }).toBe(ID.blake);
    expect(await queue.blake.sharedSummary()).not.toContain(ID.casey);
    expect(await queue.blake.equityElementCount()).toBe(0);
  });

  it("passes axe-core on the facilitator's and an attendee's side panels and the stage, and saves their screenshots in light and dark", async () => {
    // a populated queue of every kind, someone speaking under a limit, the equity view open
    expect(await queue.avery.grantNext()).toBe(ID.casey);
    await queue.devon.raise("clarifyingQuestion", "Does that include renewals?");
    await queue.blake.raise("reply", "Renewals are priced separately");
    await queue.devon.raise("pointOfOrder");
    await expectPanelsToList([
      ["devon", "pointOfOrder"],
      ["devon", "clarifyingQuestion"],
      ["blake", "reply"],
      ["blake", "newPoint"],
      ["devon", "newPoint"],
    ]);
    await page.addStyleTag({ content: TALL_PANELS_CSS });
    for (const selector of [panelFrame("avery"), panelFrame("blake"), STAGE_FRAME]) {
      expect(await seriousViolations(await frameOf(page, selector))).toEqual([]);
    }
    const files: string[] = [];
    await inEachTheme(simulator, [panelFrame("avery"), panelFrame("blake"), STAGE_FRAME], async (name) => {
      // a panel scrolled by an earlier step would hide its top
      for (const person of ["avery", "blake"] as const) await (await frameOf(page, panelFrame(person))).evaluate(() => window.scrollTo(0, 0));
      for (const [file, selector] of [
        [`fair-queue-facilitator-${name}`, panelFrame("avery")],
        [`fair-queue-attendee-${name}`, panelFrame("blake")],
        [`fair-queue-stage-${name}`, STAGE_FRAME],
      ] as const) {
        const target = path.join(SCREENSHOT_DIR, `${file}.png`);
        await page.locator(selector).screenshot({ path: target });
        files.push(target);
      }
    });
    for (const file of files) expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  });
});
