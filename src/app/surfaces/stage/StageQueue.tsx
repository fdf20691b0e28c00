import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { orderedQueue } from "../../../domain/meeting/queueOrder.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { participantName } from "../../components/participantName.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useStagePanelStyles } from "./stageStyles.ts";

const useStyles = makeStyles({
  grow: { flexGrow: 1 },
  label: { margin: 0, fontSize: "clamp(18px, 2.6vw, 36px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  compactLabel: { fontSize: "clamp(14px, 1.8vw, 26px)" },
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
  /** How many waiting people to name; the rest are counted. */
  visibleEntries: number;
  isCompact: boolean;
}

/** Who is waiting to speak, in order. */
export function StageQueue({ state, visibleEntries, isCompact }: StageQueueProps) {
  const styles = useStyles();
  const panel = useStagePanelStyles();
  const strings = useStrings();
  const unknown = strings.t("participant.unknown");
  const queue = orderedQueue(state);
  const shown = queue.slice(0, visibleEntries);
  const hidden = queue.length - shown.length;
  return (
    <section className={mergeClasses(panel.panel, isCompact && panel.compactPanel, styles.grow)} aria-labelledby="stage-queue-heading">
      <h2 id="stage-queue-heading" className={mergeClasses(styles.label, isCompact && styles.compactLabel)}>
        {strings.t("stage.upNext")}
      </h2>
      <ol className={mergeClasses(styles.list, isCompact && styles.compactList)} data-testid="stage-queue">
        {shown.map((entry, index) => (
          <li key={entry.entryId} className={styles.entry} data-testid="stage-queue-entry" data-entry-id={entry.entryId}>
            <span className={mergeClasses(styles.place, isCompact && styles.compactText)} aria-hidden="true">
              {index + 1}
            </span>
            <span className={styles.entryText}>
              <span className={mergeClasses(styles.entryName, isCompact && styles.compactText)}>{participantName(state, entry.userId, unknown)}</span>
              {entry.topic ? <span className={mergeClasses(styles.entryTopic, isCompact && styles.compactTopic)}>{entry.topic}</span> : null}
            </span>
          </li>
        ))}
      </ol>
      {queue.length === 0 ? <p className={mergeClasses(styles.note, isCompact && styles.compactNote)}>{strings.t("stage.nobodyWaiting")}</p> : null}
      {hidden > 0 ? <p className={mergeClasses(styles.note, isCompact && styles.compactNote)}>{strings.plural("stage.moreWaiting", hidden)}</p> : null}
    </section>
  );
}
