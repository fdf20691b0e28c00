import "../../i18n/queueControlsMessages.ts";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { remainingInRound } from "../../../domain/queue/rounds.ts";
import { upcomingTurns } from "../../../domain/queue/wait.ts";
import { participantName } from "../../components/participantName.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useStagePanelStyles } from "./stageStyles.ts";

const useStyles = makeStyles({
  grow: { flexGrow: 1 },
  label: { margin: 0, fontSize: "clamp(18px, 2.6vw, 36px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  compactLabel: { fontSize: "clamp(14px, 1.8vw, 26px)" },
  round: { margin: 0, fontSize: "clamp(16px, 2vw, 28px)", lineHeight: 1.25, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  compactRound: { fontSize: "clamp(13px, 1.5vw, 22px)" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "1.6vh" },
  compactList: { gap: "1vh" },
  entry: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: "1.2vw", alignItems: "baseline" },
  place: {
    fontSize: "clamp(20px, 2.6vw, 36px)",
    fontWeight: tokens.fontWeightBold,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground2,
    minWidth: "1.4em",
    textAlign: "end",
  },
  entryText: { display: "flex", flexDirection: "column", minWidth: 0 },
  entryName: { fontSize: "clamp(20px, 2.6vw, 36px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  compactText: { fontSize: "clamp(16px, 1.9vw, 28px)" },
  kind: { fontWeight: tokens.fontWeightSemibold },
  urgent: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightBold },
  entryTopic: {
    fontSize: "clamp(14px, 1.7vw, 24px)",
    lineHeight: 1.25,
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  compactTopic: { fontSize: "clamp(12px, 1.3vw, 18px)" },
  note: { margin: 0, fontSize: "clamp(16px, 2vw, 28px)", lineHeight: 1.3, color: tokens.colorNeutralForeground2 },
  compactNote: { fontSize: "clamp(13px, 1.5vw, 22px)" },
});

/** Props of {@link StageQueue}. */
export interface StageQueueProps {
  state: MeetingState;
  /** How many upcoming turns to name; the rest are counted. */
  visibleEntries: number;
  isCompact: boolean;
}

/**
 * Who speaks next, in the order the floor will be given: points of order, then during a round
 * everyone still to speak in it (the round's order), then the queue; each with its kind in words.
 */
export function StageQueue({ state, visibleEntries, isCompact }: StageQueueProps) {
  const styles = useStyles();
  const panel = useStagePanelStyles();
  const strings = useStrings();
  const unknown = strings.t("participant.unknown");
  const round = state.rounds.current;
  const upcoming = upcomingTurns(state);
  const shown = upcoming.slice(0, visibleEntries);
  const hidden = upcoming.length - shown.length;
  return (
    <section className={mergeClasses(panel.panel, isCompact && panel.compactPanel, styles.grow)} aria-labelledby="stage-queue-heading">
      <h2 id="stage-queue-heading" className={mergeClasses(styles.label, isCompact && styles.compactLabel)}>
        {strings.t("stage.upNext")}
      </h2>
      {round ? (
        <p className={mergeClasses(styles.round, isCompact && styles.compactRound)} data-testid="stage-round" data-round={round.number}>
          {strings.t("round.heading", { round: round.number })} · {strings.plural("round.toGo", remainingInRound(state).length)}
        </p>
      ) : null}
      <ol className={mergeClasses(styles.list, isCompact && styles.compactList)} data-testid="stage-queue">
        {shown.map(({ userId, entry }, index) => (
          <li
            key={entry?.entryId ?? `round-${userId}`}
            className={styles.entry}
            // round turns are not queue entries: tests compare the queue's entries across surfaces
            data-testid={entry ? "stage-queue-entry" : "stage-round-turn"}
            data-entry-id={entry?.entryId}
            data-user-id={userId}
            data-kind={entry?.kind ?? "round"}
          >
            <span className={mergeClasses(styles.place, isCompact && styles.compactText)} aria-hidden="true">
              {index + 1}
            </span>
            <span className={styles.entryText}>
              <span className={mergeClasses(styles.entryName, isCompact && styles.compactText)}>{participantName(state, userId, unknown)}</span>
              <span className={mergeClasses(styles.entryTopic, isCompact && styles.compactTopic)}>
                <span className={mergeClasses(styles.kind, entry?.kind === "pointOfOrder" && styles.urgent)}>
                  {entry ? strings.t(`queue.kind.${entry.kind}`) : strings.t("round.turn")}
                </span>
                {entry?.topic ? ` · ${entry.topic}` : null}
              </span>
            </span>
          </li>
        ))}
      </ol>
      {upcoming.length === 0 ? <p className={mergeClasses(styles.note, isCompact && styles.compactNote)}>{strings.t("stage.nobodyWaiting")}</p> : null}
      {hidden > 0 ? <p className={mergeClasses(styles.note, isCompact && styles.compactNote)}>{strings.plural("stage.moreWaiting", hidden)}</p> : null}
    </section>
  );
}
