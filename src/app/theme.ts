import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { TeamsTheme } from "../teams/hostContext.ts";

/** The Fluent UI theme that matches each Teams theme. */
export const fluentThemes: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
