import "../../i18n/meetingTabMessages.ts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { CommandFailureBar } from "../../components/CommandFailureBar.tsx";
import { ConnectionProblemBar } from "../../components/ConnectionProblemBar.tsx";
import { ConnectionStatusBadge } from "../../components/ConnectionStatusBadge.tsx";
import { MeetingGate } from "../../components/MeetingGate.tsx";
import { TextBadge } from "../../components/TextBadge.tsx";
import { useCommands } from "../../hooks/useCommands.ts";
import { useMeeting } from "../../hooks/useMeeting.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { MeetingSurfaceProps } from "../surfaceProps.ts";
import { MeetingTabBody } from "./MeetingTabBody.tsx";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "1040px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  titleLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  // a refusal stays in view while the reader is further down a long agenda
  bars: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    ":empty": { display: "none" },
  },
});

/**
 * The meeting's chat or details tab: before the meeting the agenda, charter and pre-work; during and
 * after it the summary so far; and who is present with the speaking queue.
 */
export function MeetingTab({ meetingId }: MeetingSurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { snapshot, connection } = useMeeting(meetingId);
  const commands = useCommands(connection);
  const status = snapshot.state?.facilitation.status;
  return (
    <main className={styles.root} data-surface="meetingTab">
      <header className={styles.header}>
        <div className={styles.titleLine}>
          <h1 className={styles.title}>{strings.t("meetingTab.title")}</h1>
          {status ? (
            <span data-testid="meeting-status" data-status={status}>
              <TextBadge tone={status === "running" ? "brand" : "informative"} size="medium">
                {strings.t(`tab.status.${status}`)}
              </TextBadge>
            </span>
          ) : null}
        </div>
        <ConnectionStatusBadge status={snapshot.status} />
      </header>
      <MeetingGate snapshot={snapshot}>
        {(state, viewer) => (
          <>
            <div className={styles.bars}>
              <ConnectionProblemBar snapshot={snapshot} />
              <CommandFailureBar failure={commands.failure} onDismiss={commands.dismissFailure} />
            </div>
            <MeetingTabBody state={state} viewer={viewer} serverOffsetMs={snapshot.serverOffsetMs} serverClock={snapshot.serverClock} commands={commands} />
          </>
        )}
      </MeetingGate>
    </main>
  );
}
