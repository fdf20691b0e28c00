import { Suspense } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { MicRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { ServerElapsedTime } from "../../components/facilitation/ServerElapsedTime.tsx";
import { InitialsAvatar } from "../../components/InitialsAvatar.tsx";
import { participantName } from "../../components/participantName.ts";
import { KindBadge } from "../../components/queue/KindBadge.tsx";
import { LazyTurnTimerControls } from "../../components/queue/lazyQueue.ts";
import { TurnClock } from "../../components/queue/TurnClock.tsx";
import { TextBadge } from "../../components/TextBadge.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { interpolateNodes } from "../../i18n/interpolateNodes.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  who: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, minWidth: 0 },
  names: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", minWidth: 0 },
  elapsed: { fontVariantNumeric: "tabular-nums" },
  limit: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  open: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  icon: { fontSize: "20px" },
});

/** Props of {@link CurrentSpeaker}. */
export interface CurrentSpeakerProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
  /** Whether the viewer may set the turn limit and extend turns (the timekeeper or a facilitator). */
  canKeepTime: boolean;
  commands: Commands;
}

/**
 * Who has the floor, for which kind of entry or round, for how long and how much of the turn's
 * soft limit is left; the speaker can yield from here, and the timekeeper manages the turn timer.
 */
export function CurrentSpeaker({ state, viewerId, clock, canKeepTime, commands }: CurrentSpeakerProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const floor = state.floor;
  const name = floor ? participantName(state, floor.userId, strings.t("participant.unknown")) : null;
  return (
    <section className={shared.section} aria-labelledby="current-speaker-heading">
      <h2 id="current-speaker-heading" className={shared.heading}>
        {strings.t("speaker.heading")}
      </h2>
      <div className={shared.card} data-testid="current-speaker" data-speaker={floor?.userId ?? ""} data-kind={floor?.kind ?? ""}>
        {floor && name !== null ? (
          <>
            <div className={styles.who}>
              <InitialsAvatar name={name} size={40} />
              <div className={styles.names}>
                <span className={shared.title}>{name}</span>
                {floor.kind ? <KindBadge kind={floor.kind} /> : null}
                {floor.round !== null ? <TextBadge tone="informative">{strings.t("speaker.roundTurn", { round: floor.round })}</TextBadge> : null}
                <span className={shared.secondary}>
                  {interpolateNodes(strings.template("speaker.speakingFor"), {
                    time: <ServerElapsedTime className={styles.elapsed} since={floor.since} clock={clock} />,
                  })}
                </span>
              </div>
            </div>
            <TurnClock state={state} clock={clock} classes={{ line: styles.limit, overrun: styles.over }} data-testid="turn-clock" />
            {floor.userId === viewerId ? (
              <Button
                appearance="primary"
                className={shared.fullWidth}
                data-testid="yield-button"
                disabled={commands.isInFlight("floor.yield")}
                onClick={() => void commands.send({ type: "floor.yield", payload: {} })}
              >
                {strings.t("speaker.yield")}
              </Button>
            ) : null}
          </>
        ) : (
          <p className={styles.open}>
            <MicRegular className={styles.icon} aria-hidden="true" />
            {strings.t("speaker.nobody")}
          </p>
        )}
        {canKeepTime ? (
          <Suspense fallback={null}>
            <LazyTurnTimerControls state={state} commands={commands} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
