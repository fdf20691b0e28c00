import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { PhaseCountdown } from "../../components/facilitation/PhaseCountdown.tsx";
import { numberedPhase, situationOf } from "../../components/facilitation/roomView.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { StageAssumptions } from "./StageAssumptions.tsx";
import { StageCommitments } from "./StageCommitments.tsx";
import { StageExtension } from "./StageExtension.tsx";
import { StageRoomMode } from "./StageRoomMode.tsx";
import { useStagePanelStyles } from "./stageStyles.ts";

const useStyles = makeStyles({
  now: { justifyContent: "center", gap: "1.4vh", padding: "3vh 2.4vw" },
  label: { margin: 0, fontSize: "clamp(14px, 1.6vw, 24px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  title: { margin: 0, fontSize: "clamp(24px, 3.2vw, 46px)", lineHeight: 1.1, fontWeight: tokens.fontWeightBold, overflowWrap: "anywhere" },
  phase: { margin: 0, fontSize: "clamp(18px, 2.2vw, 32px)", lineHeight: 1.2 },
  phaseName: { fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
  countdown: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "1.4vw", rowGap: "1vh" },
  countdownLine: {
    margin: 0,
    display: "inline-flex",
    alignItems: "center",
    gap: "0.3em",
    fontSize: "clamp(20px, 2.6vw, 38px)",
    lineHeight: 1.1,
    fontWeight: tokens.fontWeightSemibold,
  },
  digits: { fontSize: "2.3em", fontWeight: tokens.fontWeightBold, lineHeight: 1 },
  overrun: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightBold },
  paused: {
    padding: "0.1em 0.6em",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    fontSize: "clamp(18px, 2.4vw, 34px)",
    fontWeight: tokens.fontWeightSemibold,
  },
  message: { margin: 0, fontSize: "clamp(28px, 4vw, 56px)", lineHeight: 1.15, fontWeight: tokens.fontWeightBold },
});

/** Props of {@link StageNow}. */
export interface StageNowProps {
  state: MeetingState;
  clock: ServerClock;
}

/** The stage's main panel: the item, its phase and what the phase is for, the big countdown, and the room's mode. */
export function StageNow({ state, clock }: StageNowProps) {
  const styles = useStyles();
  const panel = useStagePanelStyles();
  const strings = useStrings();
  const situation = situationOf(state);
  const phase = numberedPhase(state);
  return (
    <section
      className={mergeClasses(panel.panel, styles.now)}
      aria-labelledby="stage-now-heading"
      data-testid="stage-current-phase"
      data-situation={situation}
      data-item-id={phase?.item.itemId ?? ""}
      data-phase={phase?.phase ?? ""}
      data-mode={phase?.item.mode ?? ""}
    >
      {phase ? (
        <>
          <p className={styles.label}>{strings.t("facilitation.itemOf", { number: phase.itemNumber, count: phase.itemCount })}</p>
          <h2 id="stage-now-heading" className={styles.title}>
            {phase.item.title}
          </h2>
          <p className={styles.phase}>
            <span className={styles.phaseName}>{strings.t(`facilitation.phase.${phase.phase}`)}</span>
            {" · "}
            <span className={styles.hint}>{strings.t(`facilitation.phaseHint.${phase.phase}`)}</span>
          </p>
          <PhaseCountdown
            state={state}
            clock={clock}
            classes={{ root: styles.countdown, line: styles.countdownLine, overrun: styles.overrun, paused: styles.paused, time: styles.digits }}
            data-testid="stage-countdown"
          />
          <StageExtension state={state} />
          {phase.phase === "diagnose" ? <StageAssumptions state={state} itemId={phase.item.itemId} /> : null}
          <StageCommitments state={state} itemId={phase.item.itemId} />
          <StageRoomMode mode={phase.item.mode} />
        </>
      ) : (
        <h2 id="stage-now-heading" className={styles.message}>
          {situation === "notStarted"
            ? strings.t("facilitation.stage.startingSoon")
            : situation === "ended"
              ? strings.t("facilitation.ended")
              : situation === "agendaDone"
                ? strings.t("facilitation.agendaDone")
                : strings.t("facilitation.betweenItems")}
        </h2>
      )}
    </section>
  );
}
