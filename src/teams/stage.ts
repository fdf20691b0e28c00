import { meeting } from "@microsoft/teams-js";

/** Why sharing to the meeting stage did not happen. */
export type ShareToStageFailure = "notAllowed" | "failed";

/** The outcome of {@link shareToStage}: shared, or why not (with the host's own words for the log). */
export type ShareToStageResult = { ok: true } | { ok: false; reason: ShareToStageFailure; detail: string };

/**
 * Shares a page of this app to the meeting stage, after asking Teams whether this user may (only
 * presenters and organizers can, depending on meeting options). Never throws.
 */
export async function shareToStage(url: string): Promise<ShareToStageResult> {
  try {
    const canShare = await new Promise<boolean>((resolve, reject) => {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
        if (error) reject(toError(error));
        else resolve(capabilities?.doesAppHaveSharePermission ?? false);
      });
    });
    if (!canShare) return { ok: false, reason: "notAllowed", detail: "Teams says this user cannot share to the stage." };
    await new Promise<void>((resolve, reject) => {
      meeting.shareAppContentToStage((error, result) => {
        if (error) reject(toError(error));
        else if (result === false) reject(new Error("Teams declined to share to the stage."));
        else resolve();
      }, url);
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: "failed", detail: error instanceof Error ? error.message : String(error) };
  }
}

function toError(error: { errorCode: number; message?: string }): Error {
  return new Error(`Teams error ${error.errorCode}${error.message ? `: ${error.message}` : ""}`);
}
