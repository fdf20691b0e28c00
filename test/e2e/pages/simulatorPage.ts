import type { FrameLocator, Locator, Page } from "playwright-core";
import type { MeetingRole } from "../../../src/protocol/ids.ts";
import type { FrameStatus } from "../../../server/dev/simulator/client/appHost.ts";
import { DEFAULT_MEETING_ID } from "../../../server/dev/simulator/client/meetingIds.ts";
import { simulatorQuery, type Locale, type SimulatorQuery, type Theme } from "../../../server/dev/simulator/client/simulatorOptions.ts";

export { DEV_TENANT_ID, userIdFor, userPrincipalNameFor } from "../../../server/dev/simulator/client/devIdentity.ts";
export { DEFAULT_MEETING_ID, chatIdFor, createMeetingId } from "../../../server/dev/simulator/client/meetingIds.ts";
export { DEFAULT_PARTICIPANTS, MAX_PARTICIPANTS } from "../../../server/dev/simulator/client/simulatorOptions.ts";
export type { Locale, Theme } from "../../../server/dev/simulator/client/simulatorOptions.ts";

/** How the simulator page says a participant is set up. */
export interface SimulatedParticipant {
  displayName: string;
  meetingRole: MeetingRole;
  userId: string;
}

/** Where an app frame has got: `ready` once the app called `app.notifySuccess()`. */
export type FrameStatusKind = FrameStatus["kind"];

/** What {@link SimulatorPage.open} may set; anything left out takes the simulator's default. */
export type OpenSimulatorOptions = SimulatorQuery;

/**
 * Page model of the local Teams meeting simulator (`/dev/meeting/`): one side panel per
 * participant, the stage, and the theme and language switchers.
 */
export class SimulatorPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the simulator and waits until it has registered the roster and pointed every frame at
   * the app (the apps themselves may still be loading: see {@link waitForParticipantStatus}).
   */
  async open(baseUrl: string, options: OpenSimulatorOptions = {}): Promise<void> {
    await this.page.goto(new URL(`/dev/meeting/${simulatorQuery(options)}`, baseUrl).href);
    await this.page.locator("body[data-simulator-state=ready]").waitFor();
  }

  /**
   * Selects "Next meeting here": the page reopens on a new meeting in the same Teams thread, with the
   * same people, theme and language. Resolves with the new meeting's id once its frames are set up.
   */
  async openNextMeetingHere(): Promise<string> {
    const current = await this.meetingId();
    await Promise.all([
      this.page.waitForURL((url) => (url.searchParams.get("meeting") ?? DEFAULT_MEETING_ID) !== current),
      this.page.getByTestId("next-meeting").click(),
    ]);
    await this.page.locator("body[data-simulator-state=ready]").waitFor();
    return this.meetingId();
  }

  /** Shows the meeting view (side panels and stage); a meeting tab opened before keeps running behind it. */
  async showMeeting(): Promise<void> {
    await this.page.getByTestId("view-meeting").click();
    await this.page.getByTestId("stage").waitFor();
  }

  /** The named participant's Concord side panel. */
  sidePanel(displayName: string): FrameLocator {
    return this.page.frameLocator(`[data-testid="side-panel-frame"][data-participant=${cssString(displayName)}]`);
  }

  /** The card around a participant's side panel: name, role, reload button, status line. */
  panelCard(displayName: string): Locator {
    return this.page.locator(`[data-testid="side-panel"][data-participant=${cssString(displayName)}]`);
  }

  /** The meeting stage, as the first participant sees it. */
  stage(): FrameLocator {
    return this.page.frameLocator('[data-testid="stage-frame"]');
  }

  /** Switches the Teams theme; every app frame receives a `themeChange` event. */
  async setTheme(theme: Theme): Promise<void> {
    await this.page.getByTestId("theme-select").selectOption(theme);
  }

  /** Switches the language in the apps' context; Teams-like, this reloads every app frame. */
  async setLocale(locale: Locale): Promise<void> {
    await this.page.getByTestId("locale-select").selectOption(locale);
  }

  /** Reloads one participant's side panel and waits for the frame's document to load again. */
  async reloadParticipant(displayName: string): Promise<void> {
    const frame = this.panelCard(displayName).getByTestId("side-panel-frame");
    const loaded = frame.evaluate((element) => new Promise<void>((resolve) => element.addEventListener("load", () => resolve(), { once: true })));
    await this.panelCard(displayName).getByTestId("reload-participant").click();
    await loaded;
  }

  /** The participants the page simulates, in the order their panels appear. */
  async participants(): Promise<SimulatedParticipant[]> {
    return this.page.getByTestId("side-panel").evaluateAll((cards) =>
      cards.map((card) => ({
        displayName: card.getAttribute("data-participant") ?? "",
        meetingRole: card.getAttribute("data-role") as MeetingRole,
        userId: card.getAttribute("data-user-id") ?? "",
      })),
    );
  }

  /** Waits until the participant's app has reached `status` (e.g. `ready`, or `failed`). */
  async waitForParticipantStatus(displayName: string, status: FrameStatusKind = "ready"): Promise<void> {
    await this.page.locator(`[data-testid="side-panel"][data-participant=${cssString(displayName)}][data-status="${status}"]`).waitFor();
  }

  /** The meeting id the page runs. */
  async meetingId(): Promise<string> {
    return (await this.page.getByTestId("meeting-id").textContent()) ?? "";
  }

  /** Each problem the page reports (unusable URL parameters, a roster the server refused). */
  async problems(): Promise<string[]> {
    return this.page.getByTestId("simulator-problem").allTextContents();
  }

  /** True while an app shares to the stage. */
  async isStageShared(): Promise<boolean> {
    return (await this.page.getByTestId("stage").getAttribute("data-sharing")) === "true";
  }
}

/** A CSS string literal, so names with quotes or backslashes still select the right frame. */
function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&").replace(/\n/g, "\\a ")}"`;
}
