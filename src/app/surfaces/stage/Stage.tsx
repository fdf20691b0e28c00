import "../../i18n/facilitationControlsMessages.ts";
import "../../i18n/stageMessages.ts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ConnectionStatusBadge } from "../../components/ConnectionStatusBadge.tsx";
import { MeetingGate } from "../../components/MeetingGate.tsx";
import { useMeeting } from "../../hooks/useMeeting.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { MeetingSurfaceProps } from "../surfaceProps.ts";
import { StageBody } from "./StageBody.tsx";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    gap: "2vh",
    padding: "3vh 3vw",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalL },
  brand: { margin: 0, fontSize: "clamp(14px, 1.8vw, 24px)", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
});

/** The meeting stage: the agenda, the countdown, the roles, the speaker and the queue, large enough to read from across a room. */
export function Stage({ meetingId }: MeetingSurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { snapshot } = useMeeting(meetingId);
  return (
    <main className={styles.root} data-surface="stage">
      <header className={styles.header}>
        <h1 className={styles.brand}>{strings.t("sidePanel.title")}</h1>
        <ConnectionStatusBadge status={snapshot.status} size="large" />
      </header>
      <MeetingGate snapshot={snapshot}>
        {(state) => <StageBody state={state} clock={snapshot.serverClock} />}
      </MeetingGate>
    </main>
  );
}
