import type { TeamsConnection } from "../teams/hostContext.ts";

/** Every page the tab can show; also the `data-surface` value on that page's root element. */
export type Surface = "sidePanel" | "stage" | "config" | "meetingTab" | "personal" | "outsideTeams" | "unsupportedFrame" | LegalPage;

/** The pages the Teams manifest links to (`privacyUrl`, `termsOfUseUrl`), opened in an ordinary browser tab. */
export type LegalPage = "privacy" | "terms";

/** The legal page served at `pathname` (`/privacy`, `/terms/`), or null for every path that shows the tab. */
export function legalPageFor(pathname: string): LegalPage | null {
  const path = pathname.replace(/\/+$/, "").toLowerCase();
  return path === "/privacy" ? "privacy" : path === "/terms" ? "terms" : null;
}

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
