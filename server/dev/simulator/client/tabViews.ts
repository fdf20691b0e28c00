import type { AppHost, FrameSlot } from "./appHost.ts";
import type { Participant } from "./devIdentity.ts";
import { h, replaceChildren } from "./dom.ts";
import { statusLine } from "./frameStatus.ts";
import { isSaveEnabled, openConfigDialog, stepConfigDialog, type ConfigDialogInput } from "./configDialog.ts";
import type { HostState, TabSettings } from "./hostProtocol.ts";

/** Where the app is served: the tab for every surface, and its configuration page. */
export const TAB_PATH = "/";
export const CONFIG_PATH = "/config";

/** A view whose frame loads only when it is first shown, so idle views cost nothing. */
export interface LazyView {
  element: HTMLElement;
  activate(): void;
}

/**
 * The meeting's tab (frame context `content`), as a chosen participant sees it. It shows the
 * address the configuration page saved, or the tab's own address before anything was saved.
 */
export function buildMeetingTabView(participants: readonly Participant[], host: AppHost, state: HostState): LazyView & { slot: FrameSlot } {
  const iframe = h("iframe", { class: "tab-frame", "data-testid": "content-frame", title: "Concord meeting tab", allow: "clipboard-write" });
  const viewAs = h(
    "select",
    { id: "content-viewer", "data-testid": "content-viewer" },
    ...participants.map((participant, index) => h("option", { value: String(index) }, `${participant.displayName} (${participant.meetingRole})`)),
  );
  const reload = h("button", { type: "button", class: "icon-button", "aria-label": "Reload the meeting tab", title: "Reload the meeting tab" }, "↻");
  const card = h(
    "section",
    { class: "card tab-card", "aria-labelledby": "content-title" },
    h(
      "div",
      { class: "card-header" },
      h("h2", { id: "content-title" }, "Meeting tab"),
      h("span", { class: "muted" }, "frame context content, as in the meeting chat or details"),
      h("span", { class: "spacer" }),
      h("label", { class: "control control-inline", for: "content-viewer" }, h("span", { class: "field-label" }, "View as")),
      viewAs,
      reload,
    ),
    iframe,
  );
  const status = statusLine(card);
  card.append(status.element);
  const slot = host.add({
    iframe,
    frameContext: "content",
    label: "the meeting tab",
    participant: participants[0]!,
    appSessionId: "",
    url: null,
    onStatus: status.update,
  });
  const show = (): void => host.load(slot, state.tabSettings?.contentUrl ?? TAB_PATH);
  viewAs.addEventListener("change", () => {
    slot.participant = participants[Number(viewAs.value)] ?? participants[0]!;
    show();
  });
  reload.addEventListener("click", show);

  return {
    element: h("div", { class: "view", hidden: true, "data-testid": "content-view" }, card),
    slot,
    activate() {
      if (slot.url === null) show();
    },
  };
}

/** The "Add a tab" dialog, which the page feeds with what the configuration page tells the host. */
export interface AddTabView extends LazyView {
  slot: FrameSlot;
  /** Applies what the page said; returns the tab's settings when a save just succeeded, else null. */
  handle(input: ConfigDialogInput): TabSettings | null;
}

/**
 * Adding Concord as a meeting tab (frame context `settings`): the configuration page on the left,
 * Teams' Save button under it, and on the right what the page has told Teams so far. Save is
 * enabled only while the page says its settings are valid and no save is under way; it sends
 * `settings.save` and waits for the page's answer (see configDialog.ts).
 */
export function buildAddTabView(configurer: Participant, host: AppHost, saved: TabSettings | null): AddTabView {
  const iframe = h("iframe", { class: "config-frame", "data-testid": "config-frame", title: "Concord tab configuration page" });
  const save = h("button", { type: "button", class: "button button-primary", disabled: true, "data-testid": "config-save" }, "Save");
  const validity = h("dd", { "data-testid": "config-validity" }, "not reported yet");
  const settingsView = h("pre", { class: "settings-json", "data-testid": "config-settings" }, "none yet");
  const saveResult = h("dd", { "data-testid": "config-save-result", "data-outcome": "none" }, "not saved");
  const card = h(
    "section",
    { class: "card config-card", "aria-labelledby": "config-title" },
    h(
      "div",
      { class: "card-header" },
      h("h2", { id: "config-title" }, "Add a tab: Concord"),
      h("span", { class: "muted" }, `as ${configurer.displayName}, frame context settings`),
    ),
    iframe,
  );
  const status = statusLine(card);
  card.append(status.element, h("div", { class: "dialog-actions config-actions" }, h("span", { class: "spacer" }), save));

  let dialog = openConfigDialog(saved);
  let hasReportedValidity = false;
  const slot = host.add({
    iframe,
    frameContext: "settings",
    label: "the tab configuration page",
    participant: configurer,
    appSessionId: "",
    url: null,
    onStatus(frameStatus) {
      status.update(frameStatus);
      // a page loaded again starts over, as Teams' dialog does: nothing valid or pending until it says so
      if (frameStatus.kind === "loading") {
        dialog = openConfigDialog(dialog.saved);
        hasReportedValidity = false;
        render();
      }
    },
  });
  const render = (): void => {
    save.disabled = !isSaveEnabled(dialog);
    validity.textContent = !hasReportedValidity ? "not reported yet" : dialog.isValid ? "yes: Save is enabled" : "no: Save is disabled";
    replaceChildren(settingsView, dialog.pending ?? dialog.saved ? JSON.stringify(dialog.pending ?? dialog.saved, null, 2) : "none yet");
    const outcome = dialog.lastOutcome;
    saveResult.dataset.outcome = dialog.isSaving ? "waiting" : outcome === null ? "none" : outcome.isSuccess ? "saved" : "refused";
    saveResult.textContent = dialog.isSaving
      ? "waiting for the app to confirm…"
      : outcome === null
        ? "not saved"
        : outcome.isSuccess
          ? "saved: the meeting tab now shows the saved address"
          : `refused: ${outcome.reason}`;
  };
  const handle = (input: ConfigDialogInput): TabSettings | null => {
    if (input.kind === "validity") hasReportedValidity = true;
    const step = stepConfigDialog(dialog, input);
    dialog = step.state;
    if (step.send) host.send(slot, step.send);
    render();
    return step.committed;
  };
  save.addEventListener("click", () => void handle({ kind: "savePressed" }));

  const report = h(
    "aside",
    { class: "card report-card", "aria-labelledby": "config-report-title" },
    h("h2", { id: "config-report-title" }, "What the page told Teams"),
    h("dl", { class: "facts" }, h("dt", {}, "Settings valid"), validity, h("dt", {}, "Save"), saveResult),
    h("h3", {}, "Settings (settings.setSettings)"),
    settingsView,
  );

  return {
    element: h("div", { class: "view config-view", hidden: true, "data-testid": "config-view" }, card, report),
    slot,
    activate() {
      if (slot.url === null) host.load(slot, CONFIG_PATH);
    },
    handle,
  };
}
