import { makeStyles, tokens } from "@fluentui/react-components";
import { ConnectionProblemBar } from "../../components/ConnectionProblemBar.tsx";
import { ConnectionStatusBadge } from "../../components/ConnectionStatusBadge.tsx";
import { MeetingGate } from "../../components/MeetingGate.tsx";
import { useMeeting } from "../../hooks/useMeeting.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { MeetingSurfaceProps } from "../surfaceProps.ts";
import { MeetingOverview } from "./MeetingOverview.tsx";

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
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
});

/** The meeting's chat or details tab: a read-only, live overview of who is present and the queue. */
export function MeetingTab({ meetingId }: MeetingSurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { snapshot } = useMeeting(meetingId);
  return (
    <main className={styles.root} data-surface="meetingTab">
      <header className={styles.header}>
        <h1 className={styles.title}>{strings.t("meetingTab.title")}</h1>
        <ConnectionStatusBadge status={snapshot.status} />
      </header>
      <MeetingGate snapshot={snapshot}>
        {(state) => (
          <>
            <ConnectionProblemBar snapshot={snapshot} />
            <MeetingOverview state={state} serverOffsetMs={snapshot.serverOffsetMs} />
          </>
        )}
      </MeetingGate>
    </main>
  );
}
