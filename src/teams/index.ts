export * from "./hostContext.ts";
export * from "./connectToTeams.ts";
export * from "./authToken.ts";
export * from "./theme.ts";
export * from "./stage.ts";
export * from "./configPage.ts";
