import { describe, expect, it } from "vitest";
import { isSaveEnabled, openConfigDialog, stepConfigDialog, type ConfigDialogInput, type ConfigDialogState } from "./configDialog.ts";
import type { TabSettings } from "./hostProtocol.ts";

const ORIGIN = "http://localhost:3000";
const settings: TabSettings = { entityId: "concord", contentUrl: `${ORIGIN}/`, websiteUrl: `${ORIGIN}/`, suggestedDisplayName: "Concord" };

/** Runs inputs in order and returns the last state, what was sent to the page and what was saved. */
function run(inputs: ConfigDialogInput[], start: ConfigDialogState = openConfigDialog()) {
  let state = start;
  const sent: string[] = [];
  const committed: TabSettings[] = [];
  for (const input of inputs) {
    const step = stepConfigDialog(state, input);
    state = step.state;
    if (step.send) sent.push(step.send.func);
    if (step.committed) committed.push(step.committed);
  }
  return { state, sent, committed };
}

describe("Teams' Add a tab dialog", () => {
  it("enables Save only while the page says it is valid", () => {
    expect(isSaveEnabled(openConfigDialog())).toBe(false);
    expect(isSaveEnabled(run([{ kind: "validity", isValid: true }]).state)).toBe(true);
    expect(isSaveEnabled(run([{ kind: "validity", isValid: true }, { kind: "validity", isValid: false }]).state)).toBe(false);
    // pressing a disabled Save sends nothing
    expect(run([{ kind: "validity", isValid: false }, { kind: "savePressed" }]).sent).toEqual([]);
  });

  it("sends settings.save and saves the tab only when the page confirms", () => {
    const pressed = run([{ kind: "validity", isValid: true }, { kind: "settings", settings }, { kind: "savePressed" }]);
    expect(pressed.sent).toEqual(["settings.save"]);
    expect(pressed.committed).toEqual([]);
    expect(pressed.state).toMatchObject({ isSaving: true, saved: null });

    const confirmed = run([{ kind: "saveFinished", outcome: { isSuccess: true } }], pressed.state);
    expect(confirmed.committed).toEqual([settings]);
    expect(confirmed.state).toMatchObject({ isSaving: false, saved: settings, lastOutcome: { isSuccess: true } });
  });

  it("keeps Save disabled while waiting, whatever validity the page reports meanwhile", () => {
    const waiting = run([{ kind: "validity", isValid: true }, { kind: "savePressed" }, { kind: "validity", isValid: true }]);
    expect(isSaveEnabled(waiting.state)).toBe(false);
    expect(run([{ kind: "savePressed" }], waiting.state).sent).toEqual([]);
  });

  it("keeps the dialog open on a failure, with the reason, and saves nothing", () => {
    const refused = run([
      { kind: "validity", isValid: true },
      { kind: "settings", settings },
      { kind: "savePressed" },
      { kind: "saveFinished", outcome: { isSuccess: false, reason: "Where commitments go was refused" } },
    ]);
    expect(refused.committed).toEqual([]);
    expect(refused.state).toMatchObject({ isSaving: false, saved: null, pending: settings, lastOutcome: { isSuccess: false, reason: "Where commitments go was refused" } });
    // Save comes back only if the page is still valid
    expect(isSaveEnabled(refused.state)).toBe(true);
    expect(isSaveEnabled(run([{ kind: "validity", isValid: false }], refused.state).state)).toBe(false);
  });

  it("ignores an answer nobody asked for", () => {
    const stray = run([{ kind: "validity", isValid: true }, { kind: "settings", settings }, { kind: "saveFinished", outcome: { isSuccess: true } }]);
    expect(stray.committed).toEqual([]);
    expect(stray.state.saved).toBeNull();
  });

  it("refuses a success that came without the tab's settings", () => {
    const empty = run([{ kind: "validity", isValid: true }, { kind: "savePressed" }, { kind: "saveFinished", outcome: { isSuccess: true } }]);
    expect(empty.committed).toEqual([]);
    expect(empty.state.lastOutcome).toMatchObject({ isSuccess: false, reason: expect.stringContaining("settings.setSettings") });
  });
});
