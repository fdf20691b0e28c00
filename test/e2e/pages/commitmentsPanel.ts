import type { FrameLocator, Locator } from "playwright-core";

/** What to type into the commitment form; owners are people who joined, by user id. */
export interface CommitmentInput {
  title: string;
  /** The owners to tick; anyone else ticked (the form starts with the viewer) is unticked. */
  ownerIds: string[];
  /** `YYYY-MM-DD`. */
  dueDate: string;
  notes?: string;
}

/** One commitment as a side panel lists it, read from its data attributes and text. */
export interface ListedCommitment {
  commitmentId: string;
  title: string;
  owners: string;
  isMine: boolean;
  syncState: string;
  /** The percent complete read back from Planner, or "" before Planner has been read. */
  percent: string;
  progress: string;
}

/** One row of the meeting tab's Commitments table. */
export interface TabCommitmentRow {
  commitmentId: string;
  title: string;
  owners: string;
  percent: string;
  progress: string;
  syncState: string;
}

/** The side panel's Commitments section (loaded lazily, after the queue), in a participant's words. */
export class CommitmentsPanel {
  constructor(readonly frame: FrameLocator) {}

  get root(): Locator {
    return this.frame.getByTestId("commitments-section");
  }

  get addButton(): Locator {
    return this.frame.getByTestId("commitment-add");
  }

  /** Waits until the section has loaded and says where tasks go (`true` once a plan is chosen). */
  async waitForTarget(hasTarget: boolean): Promise<void> {
    await this.frame.locator(`[data-testid="commitments-where"][data-has-target="${hasTarget}"]`).waitFor();
  }

  /** What the section says about where tasks go in Planner. */
  whereText(): Promise<string> {
    return this.frame.getByTestId("commitments-where").innerText();
  }

  /** Opens the form, fills it and captures; resolves once the form has closed and the commitment is listed. */
  async capture(input: CommitmentInput): Promise<void> {
    await this.addButton.click();
    const form = this.frame.getByTestId("commitment-form");
    await form.getByTestId("commitment-title-input").fill(input.title);
    const boxes = form.getByTestId("commitment-owners-input").locator("input[data-owner-id]");
    for (const box of await boxes.all()) {
      const ownerId = (await box.getAttribute("data-owner-id")) ?? "";
      if (input.ownerIds.includes(ownerId)) await box.check();
      else await box.uncheck();
    }
    await form.getByTestId("commitment-due-input").fill(input.dueDate);
    if (input.notes !== undefined) await form.getByTestId("commitment-notes-input").fill(input.notes);
    await form.getByTestId("commitment-submit").click();
    await form.waitFor({ state: "detached" });
    await this.commitment(input.title).waitFor();
  }

  /** Lists every commitment rather than the current item's only. */
  async showAll(): Promise<void> {
    await this.frame.getByTestId("commitments-show-all").click();
  }

  commitment(title: string): Locator {
    return this.frame.getByTestId("commitment").filter({ has: this.frame.getByTestId("commitment-title").getByText(title, { exact: true }) });
  }

  /** The commitments the section lists, in order. */
  listed(): Promise<ListedCommitment[]> {
    return this.frame.getByTestId("commitment").evaluateAll((cards) =>
      cards.map((card) => {
        const progress = card.querySelector('[data-testid="commitment-progress"]');
        return {
          commitmentId: card.getAttribute("data-commitment-id") ?? "",
          title: card.querySelector('[data-testid="commitment-title"]')?.textContent ?? "",
          owners: card.querySelector('[data-testid="commitment-owners"]')?.textContent ?? "",
          isMine: card.getAttribute("data-mine") === "true",
          syncState: card.getAttribute("data-sync-state") ?? "",
          percent: progress?.getAttribute("data-percent") ?? "",
          progress: progress?.textContent ?? "",
        };
      }),
    );
  }

  /** Where each listed commitment stands with Planner, by title. */
  async syncStates(): Promise<Record<string, string>> {
    return Object.fromEntries((await this.listed()).map((commitment) => [commitment.title, commitment.syncState]));
  }

  /** The "Open in Planner" link of a synced commitment. */
  taskLink(title: string): Locator {
    return this.commitment(title).getByTestId("commitment-task-link");
  }
}

/** The meeting tab's Commitments section. */
export class CommitmentsOverviewPage {
  constructor(readonly frame: FrameLocator) {}

  get root(): Locator {
    return this.frame.getByTestId("tab-commitments");
  }

  async open(): Promise<void> {
    await this.frame.getByTestId("section-commitments").click();
    await this.frame.getByTestId("panel-commitments").waitFor({ state: "visible" });
  }

  /** "1 of 2 in Planner · 0 done · 0 overdue". */
  summary(): Promise<string> {
    return this.frame.getByTestId("tab-commitments-summary").innerText();
  }

  rows(): Promise<TabCommitmentRow[]> {
    return this.frame.getByTestId("tab-commitment").evaluateAll((rows) =>
      rows.map((row) => ({
        commitmentId: row.getAttribute("data-commitment-id") ?? "",
        title: row.querySelector("th")?.firstChild?.textContent?.trim() ?? "",
        owners: row.querySelectorAll("td")[0]?.textContent ?? "",
        percent: row.getAttribute("data-percent") ?? "",
        progress: row.querySelector('[data-testid="commitment-progress"]')?.textContent ?? "",
        syncState: row.querySelector('[data-testid="commitment-sync"]')?.getAttribute("data-sync-state") ?? "",
      })),
    );
  }
}

/** The stage's list of the current item's commitments. */
export class StageCommitmentsPage {
  constructor(readonly frame: FrameLocator) {}

  /** The titles the stage names, in order. */
  titles(): Promise<string[]> {
    return this.frame.locator('[data-testid="stage-commitment"] > :first-child').allTextContents();
  }
}
