import "../../i18n/queueControlsMessages.ts";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState, Round } from "../../../domain/meeting/state.ts";
import { isWaitingInRound, nextInRound, remainingInRound } from "../../../domain/queue/rounds.ts";
import { participantName } from "../participantName.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  turn: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  mine: { fontWeight: tokens.fontWeightSemibold },
  status: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
  current: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

/** Where one person stands in a round, as the panel words it. */
export type RoundStatus = "speaking" | "spoke" | "passed" | "next" | "waiting";

/** Each person's standing in the round, in the round's order. */
export function roundStatuses(state: MeetingState, round: Round): { userId: string; status: RoundStatus }[] {
  const next = nextInRound(state);
  return round.order.map((userId) => {
    const done = Object.hasOwn(round.done, userId) ? round.done[userId] : undefined;
    const isSpeaking = state.floor?.round === round.number && state.floor.userId === userId;
    const status: RoundStatus = isSpeaking ? "speaking" : (done ?? (userId === next ? "next" : "waiting"));
    return { userId, status };
  });
}

/** Props of {@link RoundPanel}. */
export interface RoundPanelProps {
  state: MeetingState;
  round: Round;
  viewerId: string;
  commands: Commands;
}

/**
 * A round under way: everyone's turn in order with where each stands (in words), and a Pass
 * button for the viewer while their turn is still to come.
 */
export function RoundPanel({ state, round, viewerId, commands }: RoundPanelProps) {
  const styles = useStyles();
  const shared = useQueueControlStyles();
  const strings = useStrings();
  const toGo = remainingInRound(state).length;
  return (
    <section className={shared.stack} aria-labelledby="round-heading" data-testid="round-panel" data-round={round.number}>
      <div className={shared.headingRow}>
        <h2 id="round-heading" className={shared.heading}>
          {strings.t("round.heading", { round: round.number })}
        </h2>
        <span className={shared.secondary}>{strings.plural("round.toGo", toGo)}</span>
      </div>
      <ol className={mergeClasses(styles.list, shared.card)}>
        {roundStatuses(state, round).map(({ userId, status }) => (
          <li key={userId} className={styles.turn} data-testid="round-turn" data-user-id={userId} data-status={status}>
            <span className={mergeClasses(styles.name, userId === viewerId && styles.mine)}>{participantName(state, userId, strings.t("participant.unknown"))}</span>
            <span className={status === "speaking" || status === "next" ? styles.current : styles.status}>{strings.t(`round.status.${status}`)}</span>
          </li>
        ))}
      </ol>
      {isWaitingInRound(state, viewerId) ? (
        <Button data-testid="pass-button" disabled={commands.isInFlight("round.pass")} onClick={() => void commands.send({ type: "round.pass", payload: {} })}>
          {strings.t("round.pass")}
        </Button>
      ) : null}
    </section>
  );
}
