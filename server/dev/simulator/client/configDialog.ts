import { settingsSaveEvent, type HostEvent, type SaveOutcome, type TabSettings } from "./hostProtocol.ts";

/**
 * Teams' "Add a tab" dialog around a configuration page, as pure state: Save is enabled only while
 * the page says its settings are valid and no save is under way; pressing it sends `settings.save`
 * and waits for the page's `notifySuccess` or `notifyFailure`; the settings the page gave with
 * `setSettings` become the tab's only on success. A failure keeps the dialog open with the reason.
 */
export interface ConfigDialogState {
  /** What the page last said through `setValidityState` (false until it says anything). */
  isValid: boolean;
  /** `settings.save` was sent and the page has not answered yet. */
  isSaving: boolean;
  /** The settings the page gave most recently, not yet saved. */
  pending: TabSettings | null;
  /** The settings of the tab as last saved, which the meeting tab loads. */
  saved: TabSettings | null;
  lastOutcome: SaveOutcome | null;
}

/** Something that happened to the dialog: the page spoke, or the person pressed Save. */
export type ConfigDialogInput =
  | { kind: "validity"; isValid: boolean }
  | { kind: "settings"; settings: TabSettings }
  | { kind: "savePressed" }
  | { kind: "saveFinished"; outcome: SaveOutcome };

/** The dialog after an input, the event to send the page (on Save), and the settings just saved. */
export interface ConfigDialogStep {
  state: ConfigDialogState;
  send: HostEvent | null;
  committed: TabSettings | null;
}

/** A dialog that has just opened its configuration page. */
export function openConfigDialog(saved: TabSettings | null = null): ConfigDialogState {
  return { isValid: false, isSaving: false, pending: null, saved, lastOutcome: null };
}

/** Whether Teams' Save button can be pressed now. */
export function isSaveEnabled(state: ConfigDialogState): boolean {
  return state.isValid && !state.isSaving;
}

/** Applies one input. Never throws; an input Teams would not act on leaves the dialog as it was. */
export function stepConfigDialog(state: ConfigDialogState, input: ConfigDialogInput): ConfigDialogStep {
  const unchanged: ConfigDialogStep = { state, send: null, committed: null };
  switch (input.kind) {
    case "validity":
      return { ...unchanged, state: { ...state, isValid: input.isValid } };
    case "settings":
      return { ...unchanged, state: { ...state, pending: input.settings } };
    case "savePressed":
      if (!isSaveEnabled(state)) return unchanged;
      return { state: { ...state, isSaving: true, lastOutcome: null }, send: settingsSaveEvent(), committed: null };
    case "saveFinished": {
      // a success or failure nobody asked for (no Save under way) is not an answer to anything
      if (!state.isSaving) return unchanged;
      if (!input.outcome.isSuccess) return { ...unchanged, state: { ...state, isSaving: false, lastOutcome: input.outcome } };
      const settings = state.pending ?? state.saved;
      if (settings === null) {
        const outcome: SaveOutcome = { isSuccess: false, reason: "the page reported success without giving the tab's settings (settings.setSettings) first" };
        return { ...unchanged, state: { ...state, isSaving: false, lastOutcome: outcome } };
      }
      return { state: { ...state, isSaving: false, pending: null, saved: settings, lastOutcome: input.outcome }, send: null, committed: settings };
    }
  }
}
