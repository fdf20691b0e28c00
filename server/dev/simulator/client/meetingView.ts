import type { AppHost, FrameSlot } from "./appHost.ts";
import type { Participant } from "./devIdentity.ts";
import { h } from "./dom.ts";
import { statusLine } from "./frameStatus.ts";

const ROLE_LABELS = { organizer: "Organizer", presenter: "Presenter", attendee: "Attendee" } as const;
const AVATAR_COLORS = 8;

/** The meeting view's parts the page drives when the app shares to the stage or stops. */
export interface MeetingView {
  element: HTMLElement;
  stage: FrameSlot;
  panels: FrameSlot[];
  /** Shows who shares now, or that nothing is shared. */
  showSharing(sharedBy: Participant | null): void;
}

/** What the meeting view's own controls do. */
export interface MeetingViewActions {
  onStopSharing(): void;
  onShareAgain(): void;
}

/**
 * The stage (16:9, as the first participant sees it), a short explanation beside it, and one
 * 320 px side panel per participant, each with its name, role and a reload button.
 */
export function buildMeetingView(participants: readonly Participant[], host: AppHost, aside: HTMLElement, actions: MeetingViewActions): MeetingView {
  const viewer = participants[0]!;
  const stageFrame = h("iframe", {
    class: "stage-frame",
    "data-testid": "stage-frame",
    title: `Meeting stage, as ${viewer.displayName} sees it`,
    allow: "clipboard-write",
  });
  const emptyStage = h(
    "div",
    { class: "stage-empty", hidden: true, "data-testid": "stage-empty" },
    h("p", { class: "stage-empty-title" }, "Nothing is shared to the stage"),
    h("p", {}, "An organizer or presenter can share Concord from their side panel."),
  );
  const sharingState = h("span", { class: "pill", "data-testid": "stage-sharing-state" });
  const shareButton = h("button", { type: "button", class: "button button-small", "data-testid": "stage-share-toggle" });
  const reloadStage = reloadButton(`Reload the stage`, "reload-stage");
  const stageCard = h(
    "section",
    { class: "card stage-card", "aria-labelledby": "stage-title", "data-testid": "stage" },
    h(
      "div",
      { class: "card-header" },
      h("h2", { id: "stage-title" }, "Stage"),
      h("span", { class: "muted" }, `as ${viewer.displayName} sees it`),
      sharingState,
      h("span", { class: "spacer" }),
      shareButton,
      reloadStage,
    ),
    h("div", { class: "stage-viewport" }, stageFrame, emptyStage),
  );
  const stageStatus = statusLine(stageCard);
  stageCard.append(stageStatus.element);
  const stage = host.add({
    iframe: stageFrame,
    frameContext: "meetingStage",
    label: "the meeting stage",
    participant: viewer,
    appSessionId: "",
    url: null,
    onStatus: stageStatus.update,
  });
  reloadStage.addEventListener("click", () => host.reload(stage));

  let isSharing = true;
  shareButton.addEventListener("click", () => (isSharing ? actions.onStopSharing() : actions.onShareAgain()));

  const panels = participants.map((participant) => buildPanel(participant, host));
  const panelGrid = h("div", { class: "panel-grid" }, ...panels.map((panel) => panel.element));

  const element = h(
    "div",
    { class: "view meeting-view", "data-testid": "meeting-view" },
    h("div", { class: "stage-row" }, stageCard, aside),
    h(
      "section",
      { class: "panels-section", "aria-labelledby": "panels-title" },
      h("div", { class: "section-header" }, h("h2", { id: "panels-title" }, "Side panels"), h("span", { class: "muted" }, "Each is Concord as that person sees it, signed in as them.")),
      panelGrid,
    ),
  );

  return {
    element,
    stage,
    panels: panels.map((panel) => panel.slot),
    showSharing(sharedBy) {
      isSharing = sharedBy !== null;
      stageFrame.hidden = !isSharing;
      emptyStage.hidden = isSharing;
      sharingState.textContent = sharedBy ? `Concord shared by ${sharedBy.displayName}` : "Not sharing";
      sharingState.dataset.tone = isSharing ? "good" : "idle";
      stageCard.dataset.sharing = String(isSharing);
      shareButton.textContent = isSharing ? "Stop sharing" : "Share Concord";
      reloadStage.disabled = !isSharing;
    },
  };
}

function buildPanel(participant: Participant, host: AppHost): { element: HTMLElement; slot: FrameSlot } {
  const iframe = h("iframe", {
    class: "panel-frame",
    "data-testid": "side-panel-frame",
    "data-participant": participant.displayName,
    title: `Concord side panel of ${participant.displayName} (${participant.meetingRole})`,
    allow: "clipboard-write",
  });
  const reload = reloadButton(`Reload ${participant.displayName}'s side panel`, "reload-participant");
  const element = h(
    "section",
    {
      class: "card panel",
      "data-testid": "side-panel",
      "data-participant": participant.displayName,
      "data-role": participant.meetingRole,
      "data-user-id": participant.userId,
      "aria-label": `${participant.displayName}'s side panel`,
    },
    h(
      "div",
      { class: "panel-header" },
      h("span", { class: "avatar", "data-color": avatarColor(participant.userId), "aria-hidden": "true" }, initials(participant.displayName)),
      h(
        "div",
        { class: "panel-who" },
        h("span", { class: "panel-name", title: `${participant.displayName} · ${participant.userPrincipalName} · ${participant.userId}` }, participant.displayName),
        h("span", { class: `role role-${participant.meetingRole}`, "data-testid": "participant-role" }, ROLE_LABELS[participant.meetingRole]),
      ),
      reload,
    ),
    iframe,
  );
  const status = statusLine(element);
  element.append(status.element);
  const slot = host.add({
    iframe,
    frameContext: "sidePanel",
    label: `${participant.displayName}'s side panel`,
    participant,
    appSessionId: "",
    url: null,
    onStatus: status.update,
  });
  reload.addEventListener("click", () => host.reload(slot));
  return { element, slot };
}

function reloadButton(label: string, testId: string): HTMLButtonElement {
  return h("button", { type: "button", class: "icon-button", "aria-label": label, title: label, "data-testid": testId }, "↻");
}

function initials(name: string): string {
  const words = name.split(" ").filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]?.toUpperCase() ?? "").join("");
}

function avatarColor(userId: string): string {
  return String(Number.parseInt(userId.slice(0, 2), 16) % AVATAR_COLORS);
}
