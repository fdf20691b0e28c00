import type { ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, PersonProhibitedRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../domain/meeting/state.ts";
import type { Viewer } from "../../protocol/messages.ts";
import { useStrings } from "../i18n/useStrings.ts";
import type { MeetingSnapshot } from "../realtime/meetingConnection.ts";
import { ConnectionProblemBar } from "./ConnectionProblemBar.tsx";
import { LabelledSpinner } from "./LabelledSpinner.tsx";
import { MessagePage } from "./MessagePage.tsx";

const useStyles = makeStyles({
  loading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalXXL} 0` },
});

/** Props of {@link MeetingGate}. */
export interface MeetingGateProps {
  snapshot: MeetingSnapshot;
  /** Rendered once the server has welcomed us, with the state and who the server says we are. */
  children: (state: MeetingState, viewer: Viewer) => ReactNode;
  headingLevel?: 1 | 2;
}

/**
 * What every meeting surface shows before it has a meeting to show: a loading state, a clear
 * "not a participant" page, or a reload prompt when the server speaks a newer protocol.
 */
export function MeetingGate({ snapshot, children, headingLevel = 2 }: MeetingGateProps) {
  const styles = useStyles();
  const strings = useStrings();
  if (snapshot.status === "forbidden") {
    return (
      <MessagePage title={strings.t("forbidden.title")} icon={<PersonProhibitedRegular />} headingLevel={headingLevel}>
        <p>{strings.t("forbidden.body")}</p>
      </MessagePage>
    );
  }
  if (snapshot.status === "unsupported") {
    return (
      <MessagePage title={strings.t("unsupported.title")} icon={<ArrowSyncRegular />} headingLevel={headingLevel}>
        <p>{strings.t("unsupported.body")}</p>
        <div>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {strings.t("app.reload")}
          </Button>
        </div>
      </MessagePage>
    );
  }
  if (!snapshot.state || !snapshot.viewer) {
    return (
      <div className={styles.loading}>
        <LabelledSpinner label={strings.t("connection.loadingMeeting")} />
        <ConnectionProblemBar snapshot={snapshot} />
      </div>
    );
  }
  return <>{children(snapshot.state, snapshot.viewer)}</>;
}
