import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { HandRightRegular, MicRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { ServerElapsedTime } from "../../components/facilitation/ServerElapsedTime.tsx";
import { participantName } from "../../components/participantName.ts";
import { TurnClock } from "../../components/queue/TurnClock.tsx";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useStagePanelStyles } from "./stageStyles.ts";

const useStyles = makeStyles({
  speakerPanel: { justifyContent: "center" },
  label: { margin: 0, fontSize: "clamp(18px, 2.6vw, 36px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  compactLabel: { fontSize: "clamp(14px, 1.8vw, 26px)" },
  speakerName: { margin: 0, fontSize: "clamp(32px, 5.6vw, 80px)", lineHeight: 1.1, fontWeight: tokens.fontWeightBold, overflowWrap: "anywhere" },
  compactName: { fontSize: "clamp(22px, 3.2vw, 46px)" },
  kind: { margin: 0, fontSize: "clamp(18px, 2.2vw, 32px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  compactKind: { fontSize: "clamp(14px, 1.6vw, 22px)" },
  urgent: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightBold },
  limitLine: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: "0.4em",
    fontSize: "clamp(18px, 2.4vw, 34px)",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  compactLimit: { fontSize: "clamp(14px, 1.7vw, 24px)" },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightBold },
  elapsedLine: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: "1vw",
    fontSize: "clamp(28px, 4.4vw, 64px)",
    lineHeight: 1,
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  compactElapsed: { fontSize: "clamp(18px, 2.6vw, 36px)" },
  openTitle: { margin: 0, fontSize: "clamp(28px, 4.4vw, 64px)", lineHeight: 1.15, fontWeight: tokens.fontWeightBold },
  compactOpenTitle: { fontSize: "clamp(20px, 2.8vw, 40px)" },
  hint: { margin: 0, display: "flex", gap: "1vw", alignItems: "flex-start", fontSize: "clamp(16px, 2.2vw, 30px)", lineHeight: 1.3, color: tokens.colorNeutralForeground2 },
  compactHint: { fontSize: "clamp(13px, 1.5vw, 22px)" },
  hintIcon: { flexShrink: 0, fontSize: "1.2em" },
  elapsedIcon: { flexShrink: 0, fontSize: "0.8em" },
});

/** Props of {@link StageSpeaker}. */
export interface StageSpeakerProps {
  state: MeetingState;
  clock: ServerClock;
  /** Smaller, for when the agenda takes the stage's main place. */
  isCompact: boolean;
}

/**
 * Who has the floor, for which kind of entry (or which round), for how long, and the time left
 * against the turn's soft limit ("over" in words once it runs over); or how to ask for the floor.
 */
export function StageSpeaker({ state, clock, isCompact }: StageSpeakerProps) {
  const styles = useStyles();
  const panel = useStagePanelStyles();
  const strings = useStrings();
  const floor = state.floor;
  const speakerName = floor ? participantName(state, floor.userId, strings.t("participant.unknown")) : null;
  return (
    <section
      className={mergeClasses(panel.panel, isCompact && panel.compactPanel, styles.speakerPanel)}
      aria-labelledby="stage-speaker-heading"
      data-testid="stage-current-speaker"
      data-speaker={floor?.userId ?? ""}
      data-kind={floor?.kind ?? ""}
    >
      {floor && speakerName !== null ? (
        <>
          <h2 id="stage-speaker-heading" className={mergeClasses(styles.label, isCompact && styles.compactLabel)}>
            {strings.t("stage.speakingNow")}
          </h2>
          <p className={mergeClasses(styles.speakerName, isCompact && styles.compactName)}>{speakerName}</p>
          {floor.kind || floor.round !== null ? (
            <p className={mergeClasses(styles.kind, isCompact && styles.compactKind, floor.kind === "pointOfOrder" && styles.urgent)}>
              {floor.kind ? strings.t(`queue.kind.${floor.kind}`) : strings.t("speaker.roundTurn", { round: floor.round ?? 0 })}
            </p>
          ) : null}
          <p className={mergeClasses(styles.elapsedLine, isCompact && styles.compactElapsed)}>
            <MicRegular className={styles.elapsedIcon} aria-hidden="true" />
            <ServerElapsedTime since={floor.since} clock={clock} />
          </p>
          <TurnClock
            state={state}
            clock={clock}
            classes={{ line: mergeClasses(styles.limitLine, isCompact && styles.compactLimit), overrun: styles.over }}
            data-testid="stage-turn-clock"
          />
        </>
      ) : (
        <>
          <h2 id="stage-speaker-heading" className={mergeClasses(styles.openTitle, isCompact && styles.compactOpenTitle)}>
            {strings.t("stage.floorOpen")}
          </h2>
          <p className={mergeClasses(styles.hint, isCompact && styles.compactHint)}>
            <HandRightRegular className={styles.hintIcon} aria-hidden="true" />
            {strings.t("stage.howToRaise")}
          </p>
        </>
      )}
    </section>
  );
}
