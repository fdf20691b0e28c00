import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { HandRightRegular, MicRegular } from "@fluentui/react-icons";
import { orderedQueue } from "../../../domain/meeting/queueOrder.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { ElapsedTime } from "../../components/ElapsedTime.tsx";
import { participantName } from "../../components/participantName.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** How many waiting people the stage names; the rest are counted. Six stay legible at 720 p. */
export const STAGE_VISIBLE_ENTRIES = 6;

const useStyles = makeStyles({
  grid: {
    flexGrow: 1,
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    gap: "3vw",
    alignItems: "stretch",
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "2vh",
    padding: "4vh 3vw",
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
  },
  speakerPanel: { justifyContent: "center" },
  label: {
    margin: 0,
    fontSize: "clamp(18px, 2.6vw, 36px)",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  speakerName: {
    margin: 0,
    fontSize: "clamp(32px, 5.6vw, 80px)",
    lineHeight: 1.1,
    fontWeight: tokens.fontWeightBold,
    overflowWrap: "anywhere",
  },
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
  openTitle: { margin: 0, fontSize: "clamp(28px, 4.4vw, 64px)", lineHeight: 1.15, fontWeight: tokens.fontWeightBold },
  hint: {
    margin: 0,
    display: "flex",
    gap: "1vw",
    alignItems: "flex-start",
    fontSize: "clamp(16px, 2.2vw, 30px)",
    lineHeight: 1.3,
    color: tokens.colorNeutralForeground2,
  },
  hintIcon: { flexShrink: 0, fontSize: "1.2em" },
  elapsedIcon: { flexShrink: 0, fontSize: "0.8em" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "1.6vh" },
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
  entryName: {
    fontSize: "clamp(20px, 2.6vw, 36px)",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  entryTopic: {
    fontSize: "clamp(14px, 1.7vw, 24px)",
    lineHeight: 1.25,
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  more: { margin: 0, fontSize: "clamp(16px, 2vw, 28px)", lineHeight: 1.3, color: tokens.colorNeutralForeground2 },
  emptyQueue: { margin: 0, fontSize: "clamp(18px, 2.2vw, 30px)", lineHeight: 1.3, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link StageBody}. */
export interface StageBodyProps {
  state: MeetingState;
  serverOffsetMs: number;
}

/** The stage's content: who speaks and for how long, then who is next. */
export function StageBody({ state, serverOffsetMs }: StageBodyProps) {
  const styles = useStyles();
  const strings = useStrings();
  const unknown = strings.t("participant.unknown");
  const queue = orderedQueue(state);
  const shown = queue.slice(0, STAGE_VISIBLE_ENTRIES);
  const hidden = queue.length - shown.length;
  const floor = state.floor;
  const speakerName = floor ? participantName(state, floor.userId, unknown) : null;
  return (
    <div className={styles.grid}>
      <section className={mergeClasses(styles.panel, styles.speakerPanel)} aria-labelledby="stage-speaker-heading" data-testid="stage-current-speaker" data-speaker={floor?.userId ?? ""}>
        {floor && speakerName !== null ? (
          <>
            <h2 id="stage-speaker-heading" className={styles.label}>
              {strings.t("stage.speakingNow")}
            </h2>
            <p className={styles.speakerName}>{speakerName}</p>
            <p className={styles.elapsedLine}>
              <MicRegular className={styles.elapsedIcon} aria-hidden="true" />
              <ElapsedTime since={floor.since} serverOffsetMs={serverOffsetMs} />
            </p>
          </>
        ) : (
          <>
            <h2 id="stage-speaker-heading" className={styles.openTitle}>
              {strings.t("stage.floorOpen")}
            </h2>
            <p className={styles.hint}>
              <HandRightRegular className={styles.hintIcon} aria-hidden="true" />
              {strings.t("stage.howToRaise")}
            </p>
          </>
        )}
      </section>
      <section className={styles.panel} aria-labelledby="stage-queue-heading">
        <h2 id="stage-queue-heading" className={styles.label}>
          {strings.t("stage.upNext")}
        </h2>
        <ol className={styles.list} data-testid="stage-queue">
          {shown.map((entry, index) => (
            <li key={entry.entryId} className={styles.entry} data-testid="stage-queue-entry" data-entry-id={entry.entryId}>
              <span className={styles.place} aria-hidden="true">
                {index + 1}
              </span>
              <span className={styles.entryText}>
                <span className={styles.entryName}>{participantName(state, entry.userId, unknown)}</span>
                {entry.topic ? <span className={styles.entryTopic}>{entry.topic}</span> : null}
              </span>
            </li>
          ))}
        </ol>
        {queue.length === 0 ? <p className={styles.emptyQueue}>{strings.t("stage.nobodyWaiting")}</p> : null}
        {hidden > 0 ? <p className={styles.more}>{strings.plural("stage.moreWaiting", hidden)}</p> : null}
      </section>
    </div>
  );
}
