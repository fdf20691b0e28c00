import type { FrameLocator, Locator, Page } from "playwright-core";
import type { AgendaTemplate, AppRole, AssumptionStatus, Confidence, DecisionRule, Phase } from "../../../src/protocol/vocabulary.ts";

/** One agenda item as the tab lists it. */
export interface ListedItem {
  itemId: string;
  title: string;
  status: string;
  /** Why it was carried over from an earlier meeting (`unfinished` or `parked`), or "" when it was not. */
  carried: string;
  /** Phase → minutes, in the order shown. */
  phases: [Phase, number][];
}

/** What the agenda's time summary says, read from its data attributes. */
export interface TimeSummary {
  plannedMinutes: number;
  scheduledMinutes: number | null;
  overByMinutes: number | null;
  verdict: string;
}

/** What to type into the item form; phases left out keep what the form shows. */
export interface ItemInput {
  title?: string;
  goal?: string;
  /** The owner's display name, or "" for no owner. */
  owner?: string;
  phases?: Partial<Record<Phase, number | false>>;
}

/** An assumption as typed into the pre-work form. */
export interface AssumptionInput {
  statement: string;
  evidence?: string;
  dataLink?: string;
  confidence?: Confidence;
}

/**
 * Page model of Concord's meeting tab (frame context `content`) inside the simulator's "Meeting tab"
 * view, in the words an organizer or participant would use.
 */
export class MeetingTabPage {
  constructor(
    readonly page: Page,
    readonly frame: FrameLocator,
  ) {}

  /**
   * Shows the simulator's "Meeting tab" view as `displayName` (the view reloads the tab for the
   * chosen person) and waits until the tab is live for them.
   */
  static async openAs(page: Page, displayName: string, userId: string): Promise<MeetingTabPage> {
    await page.getByTestId("view-tab").click();
    const viewer = page.getByTestId("content-viewer");
    const labels = await viewer.locator("option").allTextContents();
    const index = labels.findIndex((label) => label.startsWith(`${displayName} (`));
    if (index === -1) throw new Error(`${displayName} is not in the simulator's "View as" list: ${labels.join(", ")}`);
    if ((await viewer.inputValue()) !== String(index)) await viewer.selectOption(String(index));
    const tab = new MeetingTabPage(page, page.frameLocator('[data-testid="content-frame"]'));
    await tab.frame.locator(`[data-testid="meeting-tab-body"][data-viewer-id="${userId}"]`).waitFor();
    await tab.waitUntilLive();
    return tab;
  }

  get root(): Locator {
    return this.frame.locator('[data-surface="meetingTab"]');
  }

  async waitUntilLive(): Promise<void> {
    await this.frame.locator('[data-testid="connection-status"][data-status="open"]').waitFor();
  }

  /** Joins the meeting from the tab if this person has not joined yet. */
  async join(): Promise<void> {
    const button = this.frame.getByTestId("tab-join-button");
    if (await button.isVisible()) {
      await button.click();
      await button.waitFor({ state: "detached" });
    }
  }

  async openSection(section: "agenda" | "charter" | "prework" | "summary" | "people"): Promise<void> {
    await this.frame.getByTestId(`section-${section}`).click();
    await this.frame.getByTestId(`panel-${section}`).waitFor({ state: "visible" });
  }

  /** The refusal or delivery problem the tab shows, or "" when there is none. */
  async failureText(): Promise<string> {
    const bar = this.frame.getByTestId("rejection-message");
    return (await bar.count()) === 0 ? "" : bar.innerText();
  }

  // --- agenda ---

  get agendaItems(): Locator {
    return this.frame.locator('[data-testid="agenda-items"] > [data-testid="agenda-item"]');
  }

  item(title: string): Locator {
    return this.agendaItems.filter({ has: this.frame.locator(`[data-testid="agenda-item-title"]`, { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  }

  async listedItems(): Promise<ListedItem[]> {
    return this.agendaItems.evaluateAll((elements) =>
      elements.map((element) => ({
        itemId: element.getAttribute("data-item-id") ?? "",
        title: element.getAttribute("data-title") ?? "",
        status: element.getAttribute("data-status") ?? "",
        carried: element.querySelector('[data-testid="agenda-item-carried"]')?.getAttribute("data-reason") ?? "",
        phases: [...element.querySelectorAll('[data-testid="agenda-item-phase"]')].map(
          (phase) => [phase.getAttribute("data-phase") as Phase, Number(phase.getAttribute("data-minutes"))] as [Phase, number],
        ),
      })),
    );
  }

  async titles(): Promise<string[]> {
    return (await this.listedItems()).map((item) => item.title);
  }

  async applyTemplate(template: AgendaTemplate): Promise<void> {
    const before = await this.agendaItems.count();
    await this.frame.getByTestId(`template-${template}`).check();
    await this.frame.getByTestId("template-apply").click();
    if (template !== "blank") await this.agendaItems.nth(before).waitFor();
  }

  /** Fills the open item form; phases set to `false` are unticked. */
  async fillItemForm(form: Locator, input: ItemInput): Promise<void> {
    if (input.title !== undefined) await form.getByTestId("item-title-input").fill(input.title);
    if (input.goal !== undefined) await form.getByTestId("item-goal-input").fill(input.goal);
    if (input.owner !== undefined) {
      const select = form.getByTestId("item-owner-select");
      if (input.owner === "") await select.selectOption("");
      else await select.selectOption({ label: input.owner });
    }
    for (const [phase, minutes] of Object.entries(input.phases ?? {}) as [Phase, number | false][]) {
      const checkbox = form.getByTestId(`phase-checkbox-${phase}`);
      if (minutes === false) {
        await checkbox.uncheck();
        continue;
      }
      await checkbox.check();
      await form.getByTestId(`phase-minutes-${phase}`).fill(String(minutes));
    }
  }

  /** Opens an item's editor, fills it and saves; resolves once the editor has closed (accepted). */
  async editItem(title: string, input: ItemInput): Promise<void> {
    const item = this.item(title);
    await item.getByTestId("item-edit").click();
    const form = item.getByTestId("item-form");
    await this.fillItemForm(form, input);
    await form.getByTestId("item-save").click();
    await form.waitFor({ state: "detached" });
  }

  /** Removes an item, confirming. */
  async removeItem(title: string): Promise<void> {
    const item = this.item(title);
    await item.getByTestId("item-remove").click();
    await item.getByTestId("item-remove-confirm").click();
    await item.waitFor({ state: "detached" });
  }

  /** Moves an item one place with the keyboard only: focus its move button, press Enter. */
  async moveWithKeyboard(title: string, direction: "up" | "down"): Promise<void> {
    const button = this.item(title).getByTestId(`item-move-${direction}`);
    await button.focus();
    await button.press("Enter");
  }

  /** The agenda item (title) that holds keyboard focus, or null. */
  async focusedItemTitle(): Promise<string | null> {
    return this.root.evaluate(() => document.activeElement?.closest('[data-testid="agenda-item"]')?.getAttribute("data-title") ?? null);
  }

  async announcement(): Promise<string> {
    return (await this.frame.getByTestId("agenda-announcement").textContent()) ?? "";
  }

  async setScheduledMinutes(value: string): Promise<void> {
    await this.frame.getByTestId("scheduled-minutes-input").fill(value);
    await this.frame.getByTestId("scheduled-minutes-save").click();
  }

  async timeSummary(): Promise<TimeSummary> {
    const box = this.frame.getByTestId("agenda-time");
    const number = (value: string | null) => (value === null || value === "" ? null : Number(value));
    const verdict = this.frame.getByTestId("agenda-time-verdict");
    return {
      plannedMinutes: Number(await box.getAttribute("data-planned")),
      scheduledMinutes: number(await box.getAttribute("data-scheduled")),
      overByMinutes: number(await box.getAttribute("data-over-by")),
      verdict: (await verdict.count()) === 0 ? "" : await verdict.innerText(),
    };
  }

  // --- charter ---

  async setDecisionRule(rule: DecisionRule): Promise<void> {
    await this.frame.getByTestId(`rule-${rule}`).check();
  }

  async setDecider(userId: string, isDecider: boolean): Promise<void> {
    const box = this.frame.getByTestId(`decider-${userId}`);
    if (isDecider) await box.check();
    else await box.uncheck();
  }

  async saveCharter(): Promise<void> {
    await this.frame.getByTestId("charter-save").click();
  }

  /** The decision rule the charter shows: the read-only view's, or the organizer's checked choice. */
  async decisionRule(): Promise<string> {
    const view = this.frame.getByTestId("charter-view-rule");
    if ((await view.count()) > 0) return (await view.getAttribute("data-rule")) ?? "";
    return this.frame.locator('[data-testid="charter-rule"] input:checked').evaluate((input) => (input as HTMLInputElement).value);
  }

  /** An item's group in the charter's "Roles per item". */
  roleItem(title: string): Locator {
    return this.frame.locator('[data-testid="role-item"]').filter({ has: this.frame.locator("h3", { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  }

  /** The organizer hands an item's role to someone (by display name), or to nobody with null. */
  async assignRole(itemTitle: string, role: AppRole, displayName: string | null): Promise<void> {
    const select = this.roleItem(itemTitle).getByTestId(`role-assign-${role}`);
    if (displayName === null) await select.selectOption("");
    else await select.selectOption({ label: displayName });
  }

  // --- pre-work ---

  preworkItem(title: string): Locator {
    return this.frame.locator('[data-testid="prework-item"]').filter({ has: this.frame.locator("h2", { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  }

  async addAssumption(itemTitle: string, input: AssumptionInput): Promise<void> {
    const section = this.preworkItem(itemTitle);
    const before = await section.getByTestId("assumption").count();
    await section.getByTestId("add-assumption-button").click();
    const form = section.getByTestId("assumption-form");
    await form.getByTestId("assumption-statement-input").fill(input.statement);
    if (input.evidence !== undefined) await form.getByTestId("assumption-evidence-input").fill(input.evidence);
    if (input.dataLink !== undefined) await form.getByTestId("assumption-link-input").fill(input.dataLink);
    if (input.confidence !== undefined) await form.getByTestId(`confidence-${input.confidence}`).check();
    await form.getByTestId("assumption-save").click();
    await section.getByTestId("assumption").nth(before).waitFor();
  }

  async addDataLink(itemTitle: string, url: string, label = ""): Promise<void> {
    const section = this.preworkItem(itemTitle);
    const before = await section.getByTestId("data-link").count();
    await section.getByTestId("add-link-button").click();
    const form = section.getByTestId("link-form");
    await form.getByTestId("link-url-input").fill(url);
    if (label) await form.getByTestId("link-label-input").fill(label);
    await form.getByTestId("link-save").click();
    await section.getByTestId("data-link").nth(before).waitFor();
  }

  /** An item's assumption in the pre-work section, by its statement. */
  assumption(itemTitle: string, statement: string): Locator {
    return this.preworkItem(itemTitle).getByTestId("assumption").filter({ hasText: statement });
  }

  /** Records the room's verdict on an item's assumption (by its statement) with the evidence cited, if any. */
  async markAssumption(itemTitle: string, statement: string, status: AssumptionStatus, evidence = ""): Promise<Locator> {
    const assumption = this.assumption(itemTitle, statement);
    await assumption.getByTestId("assumption-mark-evidence").fill(evidence);
    await assumption.getByTestId(`assumption-mark-${status}`).click();
    return assumption;
  }

  // --- summary ---

  /** An item's notes in the summary, editable or read-only. */
  notes(itemTitle: string): Locator {
    return this.frame.locator('[data-testid="item-notes"]').filter({ hasText: itemTitle });
  }

  /** The scribe (or a facilitator) writes an item's notes and saves them; resolves once saved. */
  async setNotes(itemTitle: string, text: string): Promise<void> {
    const notes = this.notes(itemTitle);
    await notes.getByTestId("item-notes-input").fill(text);
    await notes.getByTestId("item-notes-save").click();
    // a saved draft leaves nothing to save: Fluent marks the button aria-disabled
    await notes.locator('[data-testid="item-notes-save"][aria-disabled="true"]').waitFor();
  }

  parkedEntry(text: string): Locator {
    return this.frame.locator('[data-testid="parked-entry"]').filter({ hasText: text });
  }

  /** A facilitator promotes a parked point (summary section) so the next meeting can carry it; resolves once it shows as promoted. */
  async promoteParked(text: string): Promise<void> {
    const entry = this.parkedEntry(text);
    await entry.getByTestId("parked-promote").click();
    await this.frame.locator('[data-testid="parked-entry"][data-promoted="true"]').filter({ hasText: text }).waitFor();
  }

  // --- carry-over ---

  /** The "Open items from the last meeting" card (agenda section, agenda editors only). */
  get carryOverCard(): Locator {
    return this.frame.getByTestId("carry-over");
  }

  /** What the card offers to carry over, in order: why (`unfinished` or `parked`) and the entry's text. */
  async carryOverItems(): Promise<{ reason: string; text: string }[]> {
    return this.carryOverCard.getByTestId("carry-over-item").evaluateAll((items) =>
      items.map((item) => ({ reason: item.getAttribute("data-reason") ?? "", text: (item as HTMLElement).innerText })),
    );
  }

  /** Puts the offered items on this agenda; resolves once they are listed. */
  async applyCarryOver(): Promise<void> {
    const before = await this.agendaItems.count();
    const offered = await this.carryOverCard.getByTestId("carry-over-item").count();
    await this.carryOverCard.getByTestId("carry-over-apply").click();
    await this.agendaItems.nth(before + offered - 1).waitFor();
  }

  /** Per participant (user id), the ids of the items they contributed pre-work to, as the completeness table shows. */
  async completeness(): Promise<Record<string, string[]>> {
    return this.frame.locator('[data-testid="completeness-row"]').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute("data-user-id") ?? "",
          [...row.querySelectorAll('[data-testid="completeness-cell"][data-contributed="true"]')].map((cell) => cell.getAttribute("data-item-id") ?? ""),
        ]),
      ),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
