import "../../i18n/facilitationControlsMessages.ts";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  done: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  refused: { margin: 0, display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  icon: { flexShrink: 0, fontSize: "20px", color: tokens.colorStatusWarningForeground3 },
});

/** Props of {@link ShareToStage}. */
export interface ShareToStageProps {
  /** Small among the facilitator's controls. */
  size?: "small" | "medium";
}

type Outcome = "idle" | "sharing" | "shared" | "notAllowed" | "failed";

/**
 * "Share to stage" (for facilitators among their controls, for everyone else in the folded extras):
 * asks Teams whether this user may share (only the organizer and presenters,
 * depending on the meeting's options), then shares Concord's stage view. The Teams call is
 * downloaded on the first click, so the panel does not carry it until someone shares.
 */
export function ShareToStage({ size = "medium" }: ShareToStageProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [outcome, setOutcome] = useState<Outcome>("idle");

  const handleShare = async () => {
    setOutcome("sharing");
    try {
      const { shareToStage } = await import("../../../teams/stage.ts");
      // Teams picks the stage view from the frame it opens (meetingStage), so the tab's root is the address
      const result = await shareToStage(new URL("/", window.location.href).href);
      if (!result.ok) console.warn(`Concord: sharing to the stage did not happen (${result.reason}): ${result.detail}`);
      setOutcome(result.ok ? "shared" : result.reason);
    } catch (error) {
      console.error("Concord: the stage-sharing code did not download", error);
      setOutcome("failed");
    }
  };

  const isRefused = outcome === "notAllowed" || outcome === "failed";
  return (
    <div className={styles.root}>
      <Button size={size} data-testid="share-to-stage-button" disabled={outcome === "sharing"} onClick={() => void handleShare()}>
        {strings.t("facilitation.share")}
      </Button>
      <div role="status">
        {outcome === "shared" ? (
          <p className={styles.done} data-testid="share-to-stage-message" data-code="shared">
            {strings.t("facilitation.shared")}
          </p>
        ) : null}
      </div>
      {isRefused ? (
        <p className={styles.refused} role="alert" data-testid="share-to-stage-message" data-code={outcome}>
          <WarningFilled className={styles.icon} aria-hidden="true" />
          {strings.t(outcome === "notAllowed" ? "facilitation.shareNotAllowed" : "facilitation.shareFailed")}
        </p>
      ) : null}
    </div>
  );
}
