import type { TeamsConnection } from "../teams/hostContext.ts";
import { MessagePage } from "./components/MessagePage.tsx";
import { useStrings } from "./i18n/useStrings.ts";
import { pickSurface } from "./surface.ts";
import {
  LazyConfigPage,
  LazyMeetingTab,
  LazyOutsideTeams,
  LazyPersonalTab,
  LazySidePanel,
  LazyStage,
} from "./surfaces/lazySurfaces.ts";

/** Props of {@link SurfaceRouter}. */
export interface SurfaceRouterProps {
  connection: TeamsConnection;
}

/** Renders the surface for where Teams opened the tab (or the outside-Teams page). */
export function SurfaceRouter({ connection }: SurfaceRouterProps) {
  const strings = useStrings();
  if (connection.kind === "notInTeams") return <LazyOutsideTeams reason={connection.reason} />;
  const host = connection.context;
  const surface = pickSurface(connection, window.location.search);
  switch (surface) {
    case "config":
      return <LazyConfigPage host={host} />;
    case "personal":
      return <LazyPersonalTab host={host} />;
    case "unsupportedFrame":
    case "outsideTeams":
      return (
        <main data-surface="unsupportedFrame">
          <MessagePage title={strings.t("unsupportedFrame.title")}>
            <p>{strings.t("unsupportedFrame.body", { frame: host.rawFrameContext })}</p>
          </MessagePage>
        </main>
      );
    case "sidePanel":
    case "stage":
    case "meetingTab": {
      if (!host.meetingId) {
        return (
          <main data-surface={surface}>
            <MessagePage title={strings.t("noMeeting.title")}>
              <p>{strings.t("noMeeting.body")}</p>
            </MessagePage>
          </main>
        );
      }
      const Surface = surface === "sidePanel" ? LazySidePanel : surface === "stage" ? LazyStage : LazyMeetingTab;
      return <Surface host={host} meetingId={host.meetingId} />;
    }
  }
}
