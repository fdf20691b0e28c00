import { settings } from "@microsoft/teams-js";

/** What Teams stores for a configured tab instance. */
export interface TabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** Enables or disables Teams' Save button on the configuration page. */
export function setConfigValidity(isValid: boolean): void {
  settings.setValidityState(isValid);
}

/**
 * Registers what happens when the user presses Save: `save` stores the settings; Teams is told of
 * success only once they are stored, and of failure (with the reason) otherwise.
 */
export function onConfigSave(save: () => Promise<void>): void {
  settings.registerOnSaveHandler((event) => {
    save().then(
      () => event.notifySuccess(),
      (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
}

/** Stores the tab's settings with Teams; rejects with Teams' reason when it refuses. */
export function saveTabSettings(tab: TabSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.setSettings(tab, (status, reason) => {
      if (status) resolve();
      else reject(new Error(reason ?? "Teams did not save the tab settings."));
    });
  });
}
