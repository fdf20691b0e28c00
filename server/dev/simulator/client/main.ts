import "./styles.css";
import { AppHost, type FrameSlot } from "./appHost.ts";
import { DEV_TENANT_ID, type Participant } from "./devIdentity.ts";
import { h } from "./dom.ts";
import { buildHeader } from "./header.ts";
import { themeChangeEvent, type HostEffect, type HostState } from "./hostProtocol.ts";
import { chatIdFor, createMeetingId, DEFAULT_MEETING_ID, nextMeetingIdInThread } from "./meetingIds.ts";
import { buildMeetingView } from "./meetingView.ts";
import { buildParticipantsDialog } from "./participantsDialog.ts";
import { registerRoster } from "./roster.ts";
import { DEFAULT_PARTICIPANTS, formatParticipants, parseSimulatorOptions, simulatorQuery, type OptionProblem } from "./simulatorOptions.ts";
import { buildAddTabView, buildMeetingTabView, TAB_PATH, type LazyView } from "./tabViews.ts";

const { options, problems } = parseSimulatorOptions(window.location.search);
const { participants, meetingId } = options;
// the stage is seen through the first participant's eyes; the share is credited to whoever may share
const sharer = participants.find((participant) => participant.meetingRole !== "attendee") ?? participants[0]!;
const configurer = participants.find((participant) => participant.meetingRole === "organizer") ?? participants[0]!;

const state: HostState = { isAppSharing: true, tabSettings: null };
const host = new AppHost({
  tenantId: DEV_TENANT_ID,
  meetingId,
  chatId: chatIdFor(meetingId),
  locale: options.locale,
  theme: options.theme,
  state,
  onEffect: handleEffect,
});
host.listen();
document.documentElement.dataset.theme = options.theme;

const rosterStatus = h("p", { class: "roster-status", "data-testid": "roster-status" }, "Registering the roster with the server…");
const banners = h("div", { class: "banners" }, problems.length > 0 && problemsBanner(problems));
const meeting = buildMeetingView(participants, host, buildAboutCard(), {
  onStopSharing: () => stopSharing(),
  onShareAgain: () => shareToStage(TAB_PATH, sharer),
});
const meetingTab = buildMeetingTabView(participants, host, state);
const addTab = buildAddTabView(configurer, host, state.tabSettings);
const views: { id: string; label: string; view: LazyView }[] = [
  { id: "meeting", label: "Meeting", view: { element: meeting.element, activate: () => undefined } },
  { id: "tab", label: "Meeting tab", view: meetingTab },
  { id: "config", label: "Add tab", view: addTab },
];

const dialog = buildParticipantsDialog(options, (value) => navigateWith({ participants: value }));
const header = buildHeader(options, {
  onThemeChange(theme) {
    host.theme = theme;
    document.documentElement.dataset.theme = theme;
    rememberInUrl("theme", theme, "default");
    host.broadcast(themeChangeEvent(theme));
  },
  onLocaleChange(locale) {
    host.locale = locale;
    rememberInUrl("locale", locale, "en-US");
    // Teams reloads apps when the language changes: the locale only reaches them through the context
    for (const slot of host.slots) host.reload(slot);
  },
  onNewMeeting: () => navigateWith({ meetingId: createMeetingId() }),
  onNextMeeting: () => navigateWith({ meetingId: nextMeetingIdInThread(meetingId, Date.now()) }),
  onEditParticipants: () => dialog.showModal(),
});

document.title = "Concord meeting simulator";
document.body.append(header, buildViewTabs(), banners, h("main", { class: "content" }, ...views.map((entry) => entry.view.element)), dialog);
meeting.showSharing(sharer);
void start();

async function start(): Promise<void> {
  // roles resolve from the roster, so it must be on the server before any panel asks
  const outcome = await registerRoster(meetingId, DEV_TENANT_ID, participants);
  if (outcome.ok) {
    rosterStatus.textContent = `Roster registered with the server: ${participants.length} participant${participants.length === 1 ? "" : "s"}.`;
    rosterStatus.dataset.tone = "good";
  } else {
    rosterStatus.textContent = "The roster is not registered, so the server knows no one's meeting role.";
    rosterStatus.dataset.tone = "bad";
    banners.append(
      banner(
        "error",
        "Roster",
        `Could not register the participants with the server: ${outcome.message}. Meeting roles will not resolve; is the server running in development mode?`,
      ),
    );
  }
  host.load(meeting.stage, TAB_PATH);
  for (const panel of meeting.panels) host.load(panel, TAB_PATH);
  document.body.dataset.simulatorState = "ready";
}

function handleEffect(effect: HostEffect, slot: FrameSlot): void {
  switch (effect.kind) {
    case "shareToStage":
      shareToStage(effect.url, slot.participant);
      break;
    case "stopSharingToStage":
      stopSharing();
      break;
    case "recordSettings":
      // the configuration page's settings become the tab's only when its save succeeds
      if (slot === addTab.slot) addTab.handle({ kind: "settings", settings: effect.settings });
      else state.tabSettings = effect.settings;
      break;
    case "setValidity":
      if (slot === addTab.slot) addTab.handle({ kind: "validity", isValid: effect.isValid });
      break;
    case "saveFinished": {
      if (slot !== addTab.slot) break;
      const saved = addTab.handle({ kind: "saveFinished", outcome: effect.outcome });
      // as in Teams, a saved configuration opens the new tab
      if (saved) {
        state.tabSettings = saved;
        host.unload(meetingTab.slot);
        showView("tab");
      }
      break;
    }
    default:
      break;
  }
}

function shareToStage(url: string, sharedBy: Participant): void {
  state.isAppSharing = true;
  meeting.showSharing(sharedBy);
  host.load(meeting.stage, url);
}

function stopSharing(): void {
  state.isAppSharing = false;
  meeting.showSharing(null);
  host.unload(meeting.stage);
}

function buildAboutCard(): HTMLElement {
  return h(
    "aside",
    { class: "card about-card", "aria-labelledby": "about-title" },
    h("h2", { id: "about-title" }, "How this works"),
    h(
      "ul",
      { class: "about-list" },
      h("li", {}, "Every frame runs the real Concord tab, which talks to this page exactly as it would talk to Teams."),
      h("li", {}, "Each side panel is signed in as its person, with a token from the local identity provider."),
      h("li", {}, "Meeting roles come from the roster this page registered with the server, never from the panels."),
      h("li", {}, "The console lists every teams-js call; calls the simulator does not answer show as warnings."),
    ),
    rosterStatus,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Tenant"),
      h("dd", {}, h("code", { "data-testid": "tenant-id" }, DEV_TENANT_ID)),
      h("dt", {}, "Meeting chat"),
      h("dd", {}, h("code", {}, chatIdFor(meetingId))),
    ),
  );
}

function buildViewTabs(): HTMLElement {
  const nav = h("nav", { class: "view-tabs", role: "tablist", "aria-label": "Meeting surfaces" });
  for (const entry of views) {
    const button = h("button", { type: "button", role: "tab", id: `view-${entry.id}`, "data-testid": `view-${entry.id}`, "aria-selected": String(entry.id === "meeting") }, entry.label);
    button.addEventListener("click", () => showView(entry.id));
    nav.append(button);
  }
  return nav;
}

function showView(id: string): void {
  for (const entry of views) {
    const isActive = entry.id === id;
    entry.view.element.hidden = !isActive;
    document.getElementById(`view-${entry.id}`)?.setAttribute("aria-selected", String(isActive));
    if (isActive) entry.view.activate();
  }
}

function problemsBanner(list: readonly OptionProblem[]): HTMLElement {
  return h(
    "div",
    { class: "banner banner-warning", role: "alert" },
    h("strong", {}, "Some URL parameters could not be used"),
    h(
      "ul",
      { class: "problem-list" },
      ...list.map((problem) => h("li", { "data-testid": "simulator-problem", "data-parameter": problem.parameter }, h("code", {}, problem.parameter), ": ", problem.message)),
    ),
  );
}

function banner(tone: "warning" | "error", subject: string, message: string): HTMLElement {
  return h("div", { class: `banner banner-${tone}`, role: "alert" }, h("strong", {}, subject), h("span", { "data-testid": "simulator-problem" }, message));
}

/** Reloads the page with what it runs now plus `changes`, dropping parameters it could not use. */
function navigateWith(changes: { participants?: string; meetingId?: string }): void {
  const participantsNow = formatParticipants(participants);
  const query = simulatorQuery({
    participants: changes.participants ?? (participantsNow === DEFAULT_PARTICIPANTS ? undefined : participantsNow),
    meetingId: changes.meetingId ?? (meetingId === DEFAULT_MEETING_ID ? undefined : meetingId),
    theme: host.theme === "default" ? undefined : host.theme,
    locale: host.locale === "en-US" ? undefined : host.locale,
  });
  window.location.assign(`${window.location.pathname}${query}`);
}

/** Keeps a switcher's choice in the address, so a reload or a shared link opens the same way. */
function rememberInUrl(name: string, value: string, defaultValue: string): void {
  const params = new URLSearchParams(window.location.search);
  if (value === defaultValue) params.delete(name);
  else params.set(name, value);
  const query = params.toString();
  window.history.replaceState(null, "", `${window.location.pathname}${query === "" ? "" : `?${query}`}`);
}
