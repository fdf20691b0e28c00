import type { Participant } from "./devIdentity.ts";

/** The outcome of telling the server who is in the meeting. */
export type RosterOutcome = { ok: true } | { ok: false; message: string };

/**
 * `PUT /dev/meetings/:meetingId/roster`: the server resolves meeting roles from this roster, the
 * local stand-in for Teams' participant API, never from what a frame's context claims. Never throws.
 */
export async function registerRoster(meetingId: string, tenantId: string, participants: readonly Participant[]): Promise<RosterOutcome> {
  const body = {
    tenantId,
    participants: participants.map(({ userId, displayName, meetingRole }) => ({ userId, displayName, meetingRole })),
  };
  try {
    const response = await fetch(`/dev/meetings/${encodeURIComponent(meetingId)}/roster`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) return { ok: true };
    const payload: unknown = await response.json().catch(() => null);
    return { ok: false, message: `the server answered HTTP ${response.status}${errorMessage(payload)}` };
  } catch (error) {
    return { ok: false, message: `the server could not be reached (${error instanceof Error ? error.message : String(error)})` };
  }
}

function errorMessage(payload: unknown): string {
  if (typeof payload !== "object" || payload === null) return "";
  const error = (payload as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return "";
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" ? `: ${message}` : "";
}
