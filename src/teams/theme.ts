import { app } from "@microsoft/teams-js";
import { normalizeTheme, type TeamsTheme } from "./hostContext.ts";

/**
 * Calls `handler` whenever the user switches Teams theme. teams-js keeps a single handler, so the
 * returned function replaces it with a no-op rather than restoring a previous one.
 */
export function onThemeChange(handler: (theme: TeamsTheme) => void): () => void {
  let isActive = true;
  app.registerOnThemeChangeHandler((theme) => {
    if (isActive) handler(normalizeTheme(theme));
  });
  return () => {
    isActive = false;
  };
}
