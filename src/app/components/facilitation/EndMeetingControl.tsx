import "../../i18n/facilitationControlsMessages.ts";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  confirm: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  start: { alignSelf: "flex-start" },
});

/** Props of {@link EndMeetingControl}. */
export interface EndMeetingControlProps {
  commands: Commands;
}

/** Ending the meeting, after a confirmation that says what happens to unfinished items. */
export function EndMeetingControl({ commands }: EndMeetingControlProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <Button className={styles.start} appearance="subtle" size="small" data-testid="end-meeting-button" onClick={() => setIsConfirming(true)}>
        {strings.t("facilitation.end")}
      </Button>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label={strings.t("facilitation.end")}>
      <p className={styles.text}>{strings.t("facilitation.endConfirm")}</p>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          data-testid="end-meeting-confirm-button"
          disabled={commands.isInFlight("meeting.end")}
          onClick={() => void commands.send({ type: "meeting.end", payload: {} })}
        >
          {strings.t("facilitation.endNow")}
        </Button>
        <Button onClick={() => setIsConfirming(false)}>{strings.t("facilitation.cancel")}</Button>
      </div>
    </div>
  );
}
