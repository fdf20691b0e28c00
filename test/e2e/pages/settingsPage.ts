import type { FrameLocator, Locator, Page } from "playwright-core";

/** Where the settings page says the meeting's tasks go, from its data attributes. */
export interface CurrentTarget {
  planId: string;
  bucketId: string;
  text: string;
}

/** How Teams' Save ended, as the simulator's dialog reports it. */
export interface SaveResult {
  outcome: "saved" | "refused";
  text: string;
}

/**
 * The simulator's "Add tab" dialog: Concord's settings page (frame context `settings`) with its
 * Planner picker, and Teams' own Save under it, which is the page's only Save.
 */
export class SettingsPage {
  private constructor(readonly page: Page) {}

  /** Shows the "Add tab" view and waits until the page has read the target and listed the plans. */
  static async open(page: Page): Promise<SettingsPage> {
    await page.getByTestId("view-config").click();
    const settings = new SettingsPage(page);
    await settings.frame.getByTestId("planner-target-current").waitFor();
    await settings.frame.getByTestId("planner-plan").waitFor();
    return settings;
  }

  get frame(): FrameLocator {
    return this.page.frameLocator('[data-testid="config-frame"]');
  }

  /** Teams' Save button, below the page. */
  get saveButton(): Locator {
    return this.page.getByTestId("config-save");
  }

  /** The plans offered, by title. */
  planTitles(): Promise<string[]> {
    return this.frame.locator('[data-testid="planner-plan"] option:not([value=""])').allTextContents();
  }

  /** Picks a plan and waits until its buckets are listed. */
  async pickPlan(planTitle: string): Promise<void> {
    await this.frame.getByTestId("planner-plan").selectOption({ label: planTitle });
    await this.frame.getByTestId("planner-bucket").waitFor();
  }

  async pickBucket(bucketName: string): Promise<void> {
    const bucket = this.frame.getByTestId("planner-bucket");
    await bucket.locator("option", { hasText: bucketName }).waitFor({ state: "attached" });
    await bucket.selectOption({ label: bucketName });
  }

  /** Picks "Create a bucket for this meeting series" and types its name. */
  async newBucket(name: string): Promise<void> {
    await this.frame.getByTestId("planner-bucket").selectOption({ label: "Create a bucket for this meeting series" });
    await this.frame.getByTestId("planner-new-bucket").fill(name);
  }

  /** Whether Teams' Save can be pressed: the page said its settings are valid and no save is under way. */
  isSaveEnabled(): Promise<boolean> {
    return this.saveButton.isEnabled();
  }

  /** Presses Teams' Save and waits for the page to confirm or refuse. */
  async save(): Promise<SaveResult> {
    await this.saveButton.click();
    const result = this.page.locator('[data-testid="config-save-result"]:is([data-outcome="saved"], [data-outcome="refused"])');
    // a saved configuration opens the new tab, hiding the dialog: attached is all there is to wait for
    await result.waitFor({ state: "attached" });
    return { outcome: (await result.getAttribute("data-outcome")) as SaveResult["outcome"], text: (await result.textContent()) ?? "" };
  }

  async current(): Promise<CurrentTarget> {
    const current = this.frame.getByTestId("planner-target-current");
    return {
      planId: (await current.getAttribute("data-plan-id")) ?? "",
      bucketId: (await current.getAttribute("data-bucket-id")) ?? "",
      text: (await current.textContent()) ?? "",
    };
  }
}
