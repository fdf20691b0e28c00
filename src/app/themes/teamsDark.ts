/** Fluent UI's Teams dark theme, in a module of its own so it is a separate download. */
export { teamsDarkTheme } from "@fluentui/react-components";
