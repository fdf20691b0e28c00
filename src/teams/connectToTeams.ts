import { app } from "@microsoft/teams-js";
import { toHostContext, type TeamsConnection } from "./hostContext.ts";
import { withTimeout } from "./withTimeout.ts";

/**
 * How long to wait for a host before saying we are not in Teams. teams-js itself waits 60 s when an
 * iframe's parent never answers; Teams answers in well under a second, so 5 s is generous.
 */
export const TEAMS_CONNECT_TIMEOUT_MS = 5_000;

/** Options for {@link connectToTeams}. */
export interface ConnectToTeamsOptions {
  timeoutMs?: number;
}

/**
 * Initializes teams-js and reads the host context. Never hangs and never throws: outside Teams it
 * resolves to a `notInTeams` outcome the shell can explain to the user.
 */
export async function connectToTeams({ timeoutMs = TEAMS_CONNECT_TIMEOUT_MS }: ConnectToTeamsOptions = {}): Promise<TeamsConnection> {
  // starting from a resolved promise turns a synchronous throw into a rejection we report
  const initialized = Promise.resolve()
    .then(() => app.initialize())
    .then(() => app.getContext());
  const outcome = await withTimeout(initialized, timeoutMs);
  if (outcome.kind === "timeout") {
    return { kind: "notInTeams", reason: "timeout", detail: `The host did not answer within ${timeoutMs} ms.` };
  }
  if (outcome.kind === "error") {
    return { kind: "notInTeams", reason: hasHostWindow() ? "failed" : "noHost", detail: describeError(outcome.error) };
  }
  return { kind: "inTeams", context: toHostContext(outcome.value) };
}

/** Tells Teams the app finished loading, so it removes its own loading indicator. Safe to call once connected. */
export function notifyAppLoaded(): void {
  void app.notifySuccess().catch(() => undefined);
}

/** Whether anything could be hosting us: a parent frame, an opener, or a Teams mobile webview's bridge. */
function hasHostWindow(): boolean {
  return window.parent !== window || Boolean(window.opener) || "nativeInterface" in window;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return JSON.stringify(error) ?? "unknown error";
}
