import type { FrameLocator, Locator } from "playwright-core";
import type { AppRole, Phase } from "../../../src/protocol/vocabulary.ts";

/** Where a surface says the room is: its situation, and the item, phase and mode while a phase runs. */
export interface RoomStep {
  situation: string;
  itemId: string;
  phase: Phase | "";
  mode: string;
}

/** A countdown as shown: its clock text, and whether it says "over" and "Paused". */
export interface CountdownReading {
  clock: string;
  isOverrun: boolean;
  isPaused: boolean;
}

/** An assumption as the stage lists it: the verdict it shows and its statement. */
export interface StageAssumption {
  status: string;
  statement: string;
}

/** Who holds which role on the current item, as a surface shows it. */
export type RoleReading = Partial<Record<AppRole, string>>;

async function readStep(element: Locator): Promise<RoomStep> {
  return element.evaluate((node) => ({
    situation: node.getAttribute("data-situation") ?? "",
    itemId: node.getAttribute("data-item-id") ?? "",
    phase: (node.getAttribute("data-phase") ?? "") as Phase | "",
    mode: node.getAttribute("data-mode") ?? "",
  }));
}

async function readCountdown(element: Locator): Promise<CountdownReading | null> {
  if ((await element.count()) === 0) return null;
  return element.evaluate((node) => ({
    clock: node.getAttribute("data-clock") ?? "",
    isOverrun: node.getAttribute("data-overrun") === "true",
    isPaused: node.getAttribute("data-paused") === "true",
  }));
}

async function readRoles(element: Locator): Promise<RoleReading> {
  if ((await element.count()) === 0) return {};
  const pairs = ((await element.getAttribute("data-roles")) ?? "").split(" ").filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => pair.split(":") as [AppRole, string]));
}

/** One participant's Concord side panel inside the simulator, in the words a participant would use. */
export class SidePanelPage {
  constructor(readonly frame: FrameLocator) {}

  get root(): Locator {
    return this.frame.locator('[data-surface="sidePanel"]');
  }

  async waitUntilLive(): Promise<void> {
    await this.frame.locator('[data-testid="connection-status"][data-status="open"]').waitFor();
  }

  async join(): Promise<void> {
    await this.waitUntilLive();
    await this.frame.getByTestId("join-button").click();
    await this.frame.getByTestId("raise-hand-button").waitFor();
  }

  async raiseHand(topic?: string): Promise<void> {
    if (topic !== undefined) await this.frame.getByTestId("topic-input").fill(topic);
    await this.frame.getByTestId("raise-hand-button").click();
    await this.frame.getByTestId("lower-hand-button").waitFor();
  }

  async lowerHand(): Promise<void> {
    await this.frame.getByTestId("lower-hand-button").click();
    await this.frame.getByTestId("raise-hand-button").waitFor();
  }

  get grantFloorButton(): Locator {
    return this.frame.getByTestId("grant-floor-button");
  }

  /** Entry ids in the order this panel shows them; the same event log gives every client the same ids. */
  queueEntryIds(): Promise<string[]> {
    return this.frame.locator('[data-testid="queue-list"] [data-testid="queue-entry"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-entry-id") ?? ""));
  }

  queueText(): Promise<string[]> {
    return this.frame.locator('[data-testid="queue-list"] [data-testid="queue-entry"]').allInnerTexts();
  }

  /** The user id of whoever has the floor, or "" when it is open. */
  speakerId(): Promise<string> {
    return this.frame.getByTestId("current-speaker").getAttribute("data-speaker").then((value) => value ?? "");
  }

  myPlace(): Promise<string> {
    return this.frame.getByTestId("my-place").getAttribute("data-place").then((value) => value ?? "");
  }

  /** Where this panel says the room is. */
  currentStep(): Promise<RoomStep> {
    return readStep(this.frame.getByTestId("current-phase"));
  }

  /** The phase countdown, or null when no phase is running. */
  countdown(): Promise<CountdownReading | null> {
    return readCountdown(this.frame.getByTestId("phase-countdown"));
  }

  /** Who this panel says holds each role on the current item. */
  roles(): Promise<RoleReading> {
    return readRoles(this.frame.getByTestId("role-badges"));
  }

  /** The "You are the …" badges and the rest of the card's text, as the viewer reads it. */
  nowText(): Promise<string> {
    return this.frame.getByTestId("current-phase").innerText();
  }

  get startMeetingButton(): Locator {
    return this.frame.getByTestId("start-meeting-button");
  }

  get advanceButton(): Locator {
    return this.frame.getByTestId("advance-button");
  }

  get stepBackButton(): Locator {
    return this.frame.getByTestId("step-back-button");
  }

  get pauseButton(): Locator {
    return this.frame.getByTestId("pause-button");
  }

  get extendButton(): Locator {
    return this.frame.getByTestId("extend-button");
  }

  async startMeeting(): Promise<void> {
    await this.startMeetingButton.click();
    await this.frame.locator('[data-testid="current-phase"][data-situation="running"]').waitFor();
  }

  /** Moves the room on from the step this panel shows, and waits until the panel has moved. */
  async advance(): Promise<void> {
    await this.moveWith(this.advanceButton);
  }

  async stepBack(): Promise<void> {
    await this.moveWith(this.stepBackButton);
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await this.frame.locator('[data-testid="phase-countdown"][data-paused="true"]').waitFor();
  }

  async resume(): Promise<void> {
    await this.frame.getByTestId("resume-button").click();
    await this.frame.locator('[data-testid="phase-countdown"][data-paused="false"]').waitFor();
  }

  /** Opens the extension form, chooses the minutes, and says why. Resolves once the form has closed (accepted). */
  async extend(minutes: number, reason: string): Promise<void> {
    await this.openExtendForm();
    await this.frame.getByTestId(`extend-minutes-${minutes}`).click();
    await this.frame.getByTestId("extend-reason-input").fill(reason);
    await this.frame.getByTestId("extend-submit-button").click();
    await this.frame.getByTestId("extend-form").waitFor({ state: "detached" });
  }

  async openExtendForm(): Promise<void> {
    if ((await this.frame.getByTestId("extend-form").count()) === 0) await this.extendButton.click();
    await this.frame.getByTestId("extend-form").waitFor();
  }

  get extendSubmitButton(): Locator {
    return this.frame.getByTestId("extend-submit-button");
  }

  async closeDebate(): Promise<void> {
    await this.frame.getByTestId("close-debate-button").click();
    await this.frame.locator('[data-testid="room-mode"][data-mode="decision"]').waitFor();
  }

  async endMeeting(): Promise<void> {
    await this.frame.getByTestId("end-meeting-button").click();
    await this.frame.getByTestId("end-meeting-confirm-button").click();
    await this.frame.locator('[data-testid="current-phase"][data-situation="ended"]').waitFor();
  }

  /** Unfolds the agenda, parking lot and roles section (and waits for what it holds to load). */
  async openExtras(): Promise<void> {
    const section = this.frame.getByTestId("agenda-section");
    if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
    await this.frame.getByTestId("parking-lot-section").waitFor();
  }

  /** What the folded section's summary line says ("2 items · 1 parked"). */
  extrasSummary(): Promise<string> {
    return this.frame.getByTestId("agenda-section-summary").innerText();
  }

  /** Volunteers for each role not yet volunteered for. */
  async volunteer(roles: AppRole[]): Promise<void> {
    await this.openExtras();
    for (const role of roles) {
      const toggle = this.frame.getByTestId(`volunteer-${role}`);
      if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
      await this.frame.locator(`[data-testid="volunteer-${role}"][aria-pressed="true"]`).waitFor();
    }
  }

  /** Parks a point in the parking lot and waits until it is listed. */
  async park(text: string): Promise<void> {
    await this.openExtras();
    await this.frame.getByTestId("parking-lot-input").fill(text);
    await this.frame.getByTestId("parking-lot-add-button").click();
    await this.frame.getByTestId("parking-lot-entry").filter({ hasText: text }).waitFor();
  }

  /** The parked points' texts, in the order listed (the section must be open). */
  parkedTexts(): Promise<string[]> {
    return this.frame.getByTestId("parking-lot-entry").evaluateAll((entries) => entries.map((entry) => entry.firstElementChild?.textContent ?? ""));
  }

  /** Selects "Share to stage" and returns what happened: `shared`, `notAllowed` or `failed`. */
  async shareToStage(): Promise<string> {
    await this.frame.getByTestId("share-to-stage-button").click();
    const message = this.frame.getByTestId("share-to-stage-message");
    await message.waitFor();
    return (await message.getAttribute("data-code")) ?? "";
  }

  shareMessage(): Promise<string> {
    return this.frame.getByTestId("share-to-stage-message").innerText();
  }

  private async moveWith(button: Locator): Promise<void> {
    const before = await this.currentStep();
    await button.click();
    await this.frame
      .locator(`[data-testid="current-phase"]:not([data-item-id="${before.itemId}"][data-phase="${before.phase}"])`)
      .waitFor();
  }
}

/** The meeting stage as the room sees it. */
export class StagePage {
  constructor(readonly frame: FrameLocator) {}

  queueEntryIds(): Promise<string[]> {
    return this.frame.locator('[data-testid="stage-queue"] [data-testid="stage-queue-entry"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-entry-id") ?? ""));
  }

  speakerId(): Promise<string> {
    return this.frame.getByTestId("stage-current-speaker").getAttribute("data-speaker").then((value) => value ?? "");
  }

  /** Where the stage says the room is. */
  currentStep(): Promise<RoomStep> {
    return readStep(this.frame.getByTestId("stage-current-phase"));
  }

  countdown(): Promise<CountdownReading | null> {
    return readCountdown(this.frame.getByTestId("stage-countdown"));
  }

  /** The roles the stage announces, and for which item. */
  async roles(): Promise<{ itemId: string; roles: RoleReading }> {
    const banner = this.frame.getByTestId("stage-roles");
    if ((await banner.count()) === 0) return { itemId: "", roles: {} };
    return { itemId: (await banner.getAttribute("data-item-id")) ?? "", roles: await readRoles(banner) };
  }

  rolesText(): Promise<string> {
    return this.frame.getByTestId("stage-roles").innerText();
  }

  /** The assumptions the stage lists while an item is diagnosed, in order, each with the verdict it shows. */
  assumptions(): Promise<StageAssumption[]> {
    return this.frame.getByTestId("stage-assumption").evaluateAll((entries) =>
      entries.map((entry) => ({ status: entry.getAttribute("data-status") ?? "", statement: entry.lastElementChild?.textContent ?? "" })),
    );
  }

  /** Each phase on the agenda timeline as `itemId/phase:status`, in order. */
  timeline(): Promise<string[]> {
    return this.frame.locator('[data-testid="stage-agenda-timeline"] > li').evaluateAll((items) =>
      items.flatMap((item) =>
        [...item.querySelectorAll("[data-phase]")].map((phase) => `${item.getAttribute("data-item-id")}/${phase.getAttribute("data-phase")}:${phase.getAttribute("data-status")}`),
      ),
    );
  }
}
