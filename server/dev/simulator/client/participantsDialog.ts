import { h } from "./dom.ts";
import { DEFAULT_PARTICIPANTS, MAX_PARTICIPANTS, parseParticipants, type SimulatorOptions } from "./simulatorOptions.ts";

/**
 * The participant editor, which also explains the page's URL parameters. Applying reloads the page
 * with the new `participants` parameter; entries with problems are named and nothing changes.
 */
export function buildParticipantsDialog(options: SimulatorOptions, onApply: (participants: string) => void): HTMLDialogElement {
  const textarea = h("textarea", {
    id: "participants-input",
    rows: 8,
    spellcheck: "false",
    "aria-describedby": "participants-hint",
    "data-testid": "participants-input",
  });
  textarea.value = options.participants.map((participant) => `${participant.displayName}:${participant.meetingRole}`).join("\n");
  const error = h("p", { class: "form-error", role: "alert", hidden: true, "data-testid": "participants-error" });

  const apply = (text: string): void => {
    const { participants, problems } = parseParticipants(text);
    if (problems.length > 0 || participants.length === 0) {
      error.hidden = false;
      error.textContent = problems.length > 0 ? problems.join(" · ") : "Add at least one participant.";
      return;
    }
    onApply(participants.map((participant) => `${participant.displayName}:${participant.meetingRole}`).join(","));
  };

  const form = h(
    "form",
    { method: "dialog", class: "dialog-body" },
    h("h2", { id: "participants-title" }, "Participants"),
    h("label", { for: "participants-input", class: "field-label" }, "One person per line, as Name:role"),
    textarea,
    h(
      "p",
      { id: "participants-hint", class: "hint" },
      `Roles: organizer, presenter or attendee (attendee when left out). Up to ${MAX_PARTICIPANTS} people. `,
      "Each name always maps to the same user id, so a reload keeps who everyone is.",
    ),
    error,
    h(
      "div",
      { class: "dialog-actions" },
      h("button", { type: "button", class: "button", "data-action": "defaults" }, "Restore the default four"),
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "button", "data-action": "cancel" }, "Cancel"),
      h("button", { type: "submit", class: "button button-primary", "data-testid": "apply-participants" }, "Apply and reload"),
    ),
    h("h3", {}, "URL parameters"),
    h(
      "dl",
      { class: "parameter-list" },
      h("dt", {}, h("code", {}, "participants")),
      h("dd", {}, "Comma-separated ", h("code", {}, "Name:role"), " entries, e.g. ", h("code", {}, "Ana Silva:organizer,Ben Ito:attendee"), "."),
      h("dt", {}, h("code", {}, "meeting")),
      h("dd", {}, "The Teams meeting id. Without it, a fixed dev meeting; ", h("em", {}, "New meeting"), " makes a fresh one."),
      h("dt", {}, h("code", {}, "theme")),
      h("dd", {}, h("code", {}, "default"), ", ", h("code", {}, "dark"), " or ", h("code", {}, "contrast"), "."),
      h("dt", {}, h("code", {}, "locale")),
      h("dd", {}, h("code", {}, "en-US"), " or ", h("code", {}, "fr-CA"), ": the language the app finds in its Teams context."),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(textarea.value);
  });

  const dialog = h("dialog", { class: "dialog", "aria-labelledby": "participants-title", "data-testid": "participants-dialog" }, form);
  form.querySelector('[data-action="cancel"]')?.addEventListener("click", () => dialog.close());
  form.querySelector('[data-action="defaults"]')?.addEventListener("click", () => {
    textarea.value = DEFAULT_PARTICIPANTS.split(",").join("\n");
    error.hidden = true;
  });
  return dialog;
}
