import { teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { TeamsTheme } from "../teams/hostContext.ts";

// The light theme ships with the tab (it is Teams' default); dark and high contrast are downloaded
// only by the people who use them.
const themeLoaders: Record<TeamsTheme, () => Promise<Theme>> = {
  default: () => Promise.resolve(teamsLightTheme),
  dark: () => import("./themes/teamsDark.ts").then((module) => module.teamsDarkTheme),
  contrast: () => import("./themes/teamsHighContrast.ts").then((module) => module.teamsHighContrastTheme),
};

const loaded = new Map<TeamsTheme, Theme>([["default", teamsLightTheme]]);

/** The Fluent UI theme for a Teams theme if it is already here, or undefined until {@link loadFluentTheme} has fetched it. */
export function loadedFluentTheme(theme: TeamsTheme): Theme | undefined {
  return loaded.get(theme);
}

/**
 * The Fluent UI theme that matches a Teams theme, downloading it the first time. If the download
 * fails it resolves to the light theme (and tries again next time) rather than leaving the page blank.
 */
export async function loadFluentTheme(theme: TeamsTheme): Promise<Theme> {
  const cached = loaded.get(theme);
  if (cached) return cached;
  try {
    const fluentTheme = await themeLoaders[theme]();
    loaded.set(theme, fluentTheme);
    return fluentTheme;
  } catch (error) {
    console.error(`Concord: the ${theme} theme did not download; showing the light theme`, error);
    return teamsLightTheme;
  }
}
