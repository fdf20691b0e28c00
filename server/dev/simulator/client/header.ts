import { isTeamsShapedMeetingId } from "./meetingIds.ts";
import { h } from "./dom.ts";
import { LOCALES, THEMES, type Locale, type SimulatorOptions, type Theme } from "./simulatorOptions.ts";

const THEME_LABELS: Record<Theme, string> = { default: "Light", dark: "Dark", contrast: "High contrast" };
const LOCALE_LABELS: Record<Locale, string> = { "en-US": "English (United States)", "fr-CA": "Français (Canada)" };

/** What the header's controls do. */
export interface HeaderActions {
  onThemeChange(theme: Theme): void;
  onLocaleChange(locale: Locale): void;
  onNewMeeting(): void;
  /** Opens the next meeting in the same chat, which can carry over what this one left open. */
  onNextMeeting(): void;
  onEditParticipants(): void;
}

/** The top bar: title, meeting id, theme and language switchers, participants, Next meeting here and New meeting. */
export function buildHeader(options: SimulatorOptions, actions: HeaderActions): HTMLElement {
  const themeSelect = h(
    "select",
    { id: "theme-select", "data-testid": "theme-select" },
    ...THEMES.map((theme) => h("option", { value: theme, selected: theme === options.theme }, THEME_LABELS[theme])),
  );
  themeSelect.addEventListener("change", () => actions.onThemeChange(themeSelect.value as Theme));

  const localeSelect = h(
    "select",
    { id: "locale-select", "data-testid": "locale-select" },
    ...LOCALES.map((locale) => h("option", { value: locale, selected: locale === options.locale }, LOCALE_LABELS[locale])),
  );
  localeSelect.addEventListener("change", () => actions.onLocaleChange(localeSelect.value as Locale));

  const participantsButton = h(
    "button",
    { type: "button", class: "button", "data-testid": "edit-participants", "aria-haspopup": "dialog" },
    `Participants (${options.participants.length})`,
  );
  participantsButton.addEventListener("click", () => actions.onEditParticipants());

  const newMeetingButton = h("button", { type: "button", class: "button button-primary", "data-testid": "new-meeting" }, "New meeting");
  newMeetingButton.addEventListener("click", () => actions.onNewMeeting());
  const hasThread = isTeamsShapedMeetingId(options.meetingId);
  const nextMeetingButton = h(
    "button",
    {
      type: "button",
      class: "button",
      "data-testid": "next-meeting",
      // only a Teams-shaped id names a chat that a next meeting can share with this one
      disabled: !hasThread,
      title: hasThread
        ? "A new meeting in this meeting's chat: it can carry over unfinished items"
        : "This meeting id is not shaped like a Teams one, so it has no chat to share; use New meeting",
    },
    "Next meeting here",
  );
  nextMeetingButton.addEventListener("click", () => actions.onNextMeeting());

  return h(
    "header",
    { class: "topbar" },
    h(
      "div",
      { class: "brand" },
      h("span", { class: "brand-mark", "aria-hidden": "true" }, "C"),
      h("div", {}, h("h1", {}, "Concord meeting simulator"), h("p", { class: "brand-subtitle" }, "A local stand-in for a Microsoft Teams meeting")),
    ),
    h(
      "div",
      { class: "meeting-id" },
      h("span", { class: "field-label" }, "Meeting"),
      h("code", { "data-testid": "meeting-id", title: options.meetingId }, options.meetingId),
    ),
    h(
      "div",
      { class: "controls" },
      h("label", { class: "control" }, h("span", { class: "field-label" }, "Theme"), themeSelect),
      h("label", { class: "control" }, h("span", { class: "field-label" }, "Language"), localeSelect),
      participantsButton,
      nextMeetingButton,
      newMeetingButton,
    ),
  );
}
