export * from "./meeting/state.ts";
export * from "./meeting/context.ts";
export * from "./meeting/decide.ts";
export * from "./meeting/apply.ts";
export * from "./meeting/queueOrder.ts";
export * from "./meeting/roles.ts";
export * from "./meeting/projection.ts";
