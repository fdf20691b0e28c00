import { makeStyles, tokens } from "@fluentui/react-components";
import { CommandFailureBar } from "../../components/CommandFailureBar.tsx";
import { ConnectionProblemBar } from "../../components/ConnectionProblemBar.tsx";
import { ConnectionStatusBadge } from "../../components/ConnectionStatusBadge.tsx";
import { MeetingGate } from "../../components/MeetingGate.tsx";
import { useCommands } from "../../hooks/useCommands.ts";
import { useMeeting } from "../../hooks/useMeeting.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { MeetingSurfaceProps } from "../surfaceProps.ts";
import { SidePanelBody } from "./SidePanelBody.tsx";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    maxWidth: "560px",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  bars: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ":empty": { display: "none" } },
});

/** The meeting side panel: what each participant uses to join, raise a hand, follow the queue and the agenda. */
export function SidePanel({ meetingId }: MeetingSurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { snapshot, connection } = useMeeting(meetingId);
  const commands = useCommands(connection);
  return (
    <main className={styles.root} data-surface="sidePanel">
      <header className={styles.header}>
        <h1 className={styles.title}>{strings.t("sidePanel.title")}</h1>
        <ConnectionStatusBadge status={snapshot.status} />
      </header>
      <MeetingGate snapshot={snapshot}>
        {(state, viewer) => (
          <>
            <div className={styles.bars}>
              <ConnectionProblemBar snapshot={snapshot} />
              <CommandFailureBar failure={commands.failure} onDismiss={commands.dismissFailure} />
            </div>
            <SidePanelBody state={state} viewer={viewer} clock={snapshot.serverClock} commands={commands} />
          </>
        )}
      </MeetingGate>
    </main>
  );
}
