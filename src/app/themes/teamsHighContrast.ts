/** Fluent UI's Teams high-contrast theme, in a module of its own so it is a separate download. */
export { teamsHighContrastTheme } from "@fluentui/react-components";
