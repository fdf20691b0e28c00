import type { FrameLocator, Locator } from "playwright-core";
import type { EntryKind, QueuePolicy } from "../../../src/protocol/vocabulary.ts";

/** A queue entry as a surface lists it. */
export interface ListedEntry {
  entryId: string;
  userId: string;
  kind: string;
}

/** One person's turn in a round, as the side panel shows it. */
export interface RoundTurnReading {
  userId: string;
  status: string;
}

/** A turn still to come, as the stage lists it: `kind` is the entry's kind, or `round` for a round-robin turn. */
export interface UpcomingReading {
  userId: string;
  kind: string;
}

async function readEntries(items: Locator): Promise<ListedEntry[]> {
  return items.evaluateAll((nodes) =>
    nodes.map((node) => ({ entryId: node.getAttribute("data-entry-id") ?? "", userId: node.getAttribute("data-user-id") ?? "", kind: node.getAttribute("data-kind") ?? "" })),
  );
}

async function openDetails(details: Locator): Promise<void> {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
}

/**
 * The speaking queue in one participant's side panel: raising typed entries, changing and
 * withdrawing them, the wait estimate, rounds, and (for a facilitator) giving the floor, the queue
 * settings, the dominance alert, the quiet-voices prompt and the equity view.
 */
export class QueuePanel {
  constructor(readonly frame: FrameLocator) {}

  /** Raises an entry of `kind` (with a topic) and resolves with its id once the panel lists it as the viewer's. */
  async raise(kind: EntryKind, topic?: string): Promise<string> {
    if (topic !== undefined) await this.frame.getByTestId("topic-input").fill(topic);
    if (kind === "newPoint") {
      await this.frame.getByTestId("raise-hand-button").click();
    } else {
      await openDetails(this.frame.getByTestId("other-kinds"));
      await this.frame.getByTestId(`raise-${kind}-button`).click();
    }
    const mine = this.myEntry(kind);
    await mine.waitFor();
    return (await mine.getAttribute("data-entry-id")) ?? "";
  }

  /** Why the panel will not raise an entry of `kind` now, or "" when it offers it. */
  async kindRefusal(kind: Exclude<EntryKind, "newPoint">): Promise<string> {
    await openDetails(this.frame.getByTestId("other-kinds"));
    const button = this.frame.getByTestId(`raise-${kind}-button`);
    if ((await button.getAttribute("aria-disabled")) !== "true") return "";
    const hintId = (await button.getAttribute("aria-describedby")) ?? "";
    return this.frame.locator(`[id="${hintId}"]`).innerText();
  }

  /** The viewer's own entry of one kind. */
  myEntry(kind: EntryKind): Locator {
    return this.frame.locator(`[data-testid="my-entry"][data-kind="${kind}"]`);
  }

  /** The viewer's entries as their "You" section lists them: kind and place. */
  myEntries(): Promise<{ kind: string; place: string }[]> {
    return this.frame
      .getByTestId("my-entry")
      .evaluateAll((nodes) => nodes.map((node) => ({ kind: node.getAttribute("data-kind") ?? "", place: node.getAttribute("data-place") ?? "" })));
  }

  /** Changes the kind of the viewer's entry of `from` to `to`, and waits until the panel shows it. */
  async changeKind(from: EntryKind, to: EntryKind): Promise<void> {
    const entry = this.myEntry(from);
    await entry.getByTestId("change-entry-button").click();
    // a Fluent radio puts its test id on the input itself
    await entry.getByTestId(`entry-kind-${to}`).check();
    await entry.getByTestId("entry-save-button").click();
    await this.myEntry(to).waitFor();
  }

  /** Withdraws the viewer's entry of one kind. */
  async withdraw(kind: EntryKind): Promise<void> {
    const entry = this.myEntry(kind);
    await entry.getByRole("button", { name: /^Withdraw/ }).click();
    await entry.waitFor({ state: "detached" });
  }

  /** The queue in the order this panel lists it. */
  queue(): Promise<ListedEntry[]> {
    return readEntries(this.frame.locator('[data-testid="queue-list"] [data-testid="queue-entry"]'));
  }

  /** The queue's ordering policy as this panel shows it. */
  policy(): Promise<string> {
    return this.frame.getByTestId("queue-section").getAttribute("data-policy").then((value) => value ?? "");
  }

  /** "Estimated wait: about 4 minutes", or "" when the viewer has no turn coming. */
  async waitText(): Promise<string> {
    const wait = this.frame.getByTestId("my-wait");
    return (await wait.count()) === 0 ? "" : wait.innerText();
  }

  /** Whoever has the floor ("" when it is open) and the kind of entry it was given for. */
  async speaker(): Promise<{ userId: string; kind: string }> {
    const card = this.frame.getByTestId("current-speaker");
    return { userId: (await card.getAttribute("data-speaker")) ?? "", kind: (await card.getAttribute("data-kind")) ?? "" };
  }

  /** The current turn against its limit: its words and whether it says it ran over; null without a limit. */
  async turnClock(): Promise<{ text: string; isOver: boolean } | null> {
    const clock = this.frame.getByTestId("turn-clock");
    if ((await clock.count()) === 0) return null;
    return { text: await clock.innerText(), isOver: (await clock.getAttribute("data-over")) === "true" };
  }

  /** How long the current speaker has spoken, in server minutes, as the panel shows it. */
  async speakingMinutes(): Promise<number> {
    const text = await this.frame.locator('[data-testid="current-speaker"] time').first().innerText();
    const parts = text.split(":").map(Number);
    return parts.length === 3 ? parts[0]! * 60 + parts[1]! : parts[0]!;
  }

  async yieldFloor(): Promise<void> {
    await this.frame.getByTestId("yield-button").click();
    await this.frame.locator('[data-testid="current-speaker"][data-speaker=""]').waitFor();
  }

  /** Each person's place in the round under way, in the round's order; empty without a round. */
  roundTurns(): Promise<RoundTurnReading[]> {
    return this.frame
      .getByTestId("round-turn")
      .evaluateAll((nodes) => nodes.map((node) => ({ userId: node.getAttribute("data-user-id") ?? "", status: node.getAttribute("data-status") ?? "" })));
  }

  async passTurn(): Promise<void> {
    await this.frame.getByTestId("pass-button").click();
    await this.frame.getByTestId("pass-button").waitFor({ state: "detached" });
  }

  // the facilitator's controls

  get grantButton(): Locator {
    return this.frame.getByTestId("grant-floor-button");
  }

  /** Gives the floor to whoever the panel shows as next, and waits until that person has it. */
  async grantNext(): Promise<string> {
    const userId = (await this.grantButton.getAttribute("data-user-id")) ?? "";
    await this.grantButton.click();
    await this.frame.locator(`[data-testid="current-speaker"][data-speaker="${userId}"]`).waitFor();
    return userId;
  }

  async endTurn(): Promise<void> {
    await this.frame.getByTestId("end-turn-button").click();
    await this.frame.locator('[data-testid="current-speaker"][data-speaker=""]').waitFor();
  }

  /** Sets every turn's soft limit from the turn timer's list (seconds, or "none"), and waits until the list shows it. */
  async setTurnLimit(value: string): Promise<void> {
    await this.frame.getByTestId("turn-limit-select").selectOption(value);
    // the list shows the meeting's limit, so it holds the new value once the server has applied it
    await this.frame.locator(`[data-testid="turn-limit-select"] option:checked[value="${value}"]`).waitFor({ state: "attached" });
  }

  async openSettings(): Promise<void> {
    await openDetails(this.frame.getByTestId("queue-settings"));
    await this.frame.getByTestId("policy-choices").waitFor();
  }

  /** Switches the ordering policy from the queue settings, and waits until the panel shows it. */
  async setPolicy(policy: QueuePolicy): Promise<void> {
    await this.openSettings();
    // the choice shows the meeting's policy, so it changes only once the server has applied it
    await this.frame.getByTestId(`policy-${policy}`).click();
    await this.frame.locator(`[data-testid="queue-section"][data-policy="${policy}"]`).waitFor();
  }

  /** Empties the queue after the confirmation. */
  async clearQueue(): Promise<void> {
    await this.openSettings();
    await this.frame.getByTestId("clear-queue-button").click();
    await this.frame.getByTestId("clear-queue-confirm-button").click();
    await this.frame.locator('[data-testid="queue-list"] [data-testid="queue-entry"]').first().waitFor({ state: "detached" });
  }

  /** Starts a round from `startWith`, and waits until the panel shows it. */
  async startRound(startWith: string): Promise<void> {
    await this.frame.getByTestId("round-start-select").selectOption(startWith);
    await this.frame.getByTestId("start-round-button").click();
    await this.frame.getByTestId("round-panel").waitFor();
  }

  /** Whose share the dominance alert names, in order. */
  dominanceAlerts(): Promise<string[]> {
    return this.frame.getByTestId("dominance-alert").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-user-id") ?? ""));
  }

  /** Who the quiet-voices prompt lists. */
  quietVoices(): Promise<string[]> {
    return this.frame.getByTestId("quiet-voice").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-user-id") ?? ""));
  }

  async inviteFirst(userId: string): Promise<void> {
    await this.frame.locator(`[data-testid="quiet-voice"][data-user-id="${userId}"]`).getByTestId("invite-button").click();
  }

  /** Unfolds the equity view. */
  async openEquity(): Promise<void> {
    await openDetails(this.frame.getByTestId("equity-section"));
    await this.frame.getByTestId("equity-view").waitFor();
  }

  /** Each present person's share of the floor as the chart states it, most floor time first. */
  equityRows(): Promise<{ userId: string; share: number }[]> {
    return this.frame
      .locator('[data-testid="equity-view"] [data-testid="equity-row"]')
      .evaluateAll((nodes) => nodes.map((node) => ({ userId: node.getAttribute("data-user-id") ?? "", share: Number(node.getAttribute("data-share")) })));
  }

  async shareSummary(): Promise<void> {
    await this.frame.getByTestId("share-summary-button").click();
    await this.frame.getByTestId("equity-shared-note").waitFor();
  }

  /** Whether anything of the facilitator's equity view is in this panel's document at all. */
  async equityElementCount(): Promise<number> {
    return this.frame.locator('[data-testid="dominance-alert"], [data-testid="quiet-voices"], [data-testid="equity-view"], [data-testid="queue-facilitation"]').count();
  }

  /** The people a shared summary lists, or null when none is shown. */
  async sharedSummary(): Promise<string[] | null> {
    const summary = this.frame.getByTestId("shared-summary");
    if ((await summary.count()) === 0) return null;
    return summary.getByTestId("equity-row").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-user-id") ?? ""));
  }
}

/** The speaking queue on the meeting stage. */
export class StageQueuePage {
  constructor(readonly frame: FrameLocator) {}

  /** The turns to come as the stage lists them, in order. */
  upcoming(): Promise<UpcomingReading[]> {
    return this.frame
      .locator('[data-testid="stage-queue"] > li')
      .evaluateAll((nodes) => nodes.map((node) => ({ userId: node.getAttribute("data-user-id") ?? "", kind: node.getAttribute("data-kind") ?? "" })));
  }

  /** Whoever has the floor and the kind of entry it was given for. */
  async speaker(): Promise<{ userId: string; kind: string }> {
    const panel = this.frame.getByTestId("stage-current-speaker");
    return { userId: (await panel.getAttribute("data-speaker")) ?? "", kind: (await panel.getAttribute("data-kind")) ?? "" };
  }

  async turnClock(): Promise<{ text: string; isOver: boolean } | null> {
    const clock = this.frame.getByTestId("stage-turn-clock");
    if ((await clock.count()) === 0) return null;
    return { text: await clock.innerText(), isOver: (await clock.getAttribute("data-over")) === "true" };
  }

  /** The round the stage announces, or "" without one. */
  round(): Promise<string> {
    return this.frame
      .getByTestId("stage-round")
      .count()
      .then(async (count) => (count === 0 ? "" : ((await this.frame.getByTestId("stage-round").getAttribute("data-round")) ?? "")));
  }

  text(): Promise<string> {
    return this.frame.locator('[data-surface="stage"]').innerText();
  }
}
