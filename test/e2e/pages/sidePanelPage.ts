import type { FrameLocator, Locator } from "playwright-core";

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
}
