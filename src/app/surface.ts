import type { TeamsConnection } from "../teams/hostContext.ts";

/** Every page the tab can show; also the `data-surface` value on that page's root element. */
export type Surface = "sidePanel" | "stage" | "config" | "meetingTab" | "personal" | "outsideTeams" | "unsupportedFrame";

/**
 * Which surface to show for where Teams opened the tab. The personal tab is a `content` frame like
 * the meeting tab; the manifest tells them apart with `?surface=personal` in its content URL.
 */
export function pickSurface(connection: TeamsConnection, search: string): Surface {
  if (connection.kind === "notInTeams") return "outsideTeams";
  switch (connection.context.frameContext) {
    case "sidePanel":
      return "sidePanel";
    case "meetingStage":
      return "stage";
    case "settings":
      return "config";
    case "content":
      return new URLSearchParams(search).get("surface") === "personal" ? "personal" : "meetingTab";
    case "other":
      return "unsupportedFrame";
  }
}
