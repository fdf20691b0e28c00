import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { PlayFilled } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { timelineOf, type TimelineItem } from "../../components/facilitation/timeline.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** Most items the timeline shows at once; beyond that it follows the room and counts the rest. */
export const TIMELINE_VISIBLE_ITEMS = 4;

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "stretch", gap: "1.2vw", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", gap: "1.2vw", flexGrow: 1, minWidth: 0 },
  item: { display: "flex", flexDirection: "column", gap: "0.8vh", flexBasis: 0, minWidth: "7em" },
  itemTitle: {
    fontSize: "clamp(13px, 1.4vw, 20px)",
    lineHeight: 1.25,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  activeTitle: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightBold },
  phases: { listStyleType: "none", margin: 0, padding: 0, display: "flex", gap: "0.4vw" },
  phase: {
    display: "flex",
    alignItems: "center",
    gap: "0.3em",
    flexBasis: 0,
    // a short timebox still shows the start of its name
    minWidth: "3.6em",
    boxSizing: "border-box",
    padding: "0.5vh 0.6vw",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: "clamp(12px, 1.3vw, 18px)",
    lineHeight: 1.3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    whiteSpace: "nowrap",
  },
  phaseText: { overflow: "hidden", textOverflow: "ellipsis" },
  done: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}` },
  current: {
    // the current phase always shows its name, however short its timebox
    flexShrink: 0,
    minWidth: "max-content",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightBold,
    // thicker, and outlined in forced colours too: the current step is marked by more than its colour
    border: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}`,
    outlineOffset: "1px",
  },
  icon: { flexShrink: 0 },
  more: { alignSelf: "flex-end", fontSize: "clamp(13px, 1.4vw, 20px)", color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
});

/** Props of {@link StageTimeline}. */
export interface StageTimelineProps {
  state: MeetingState;
}

/**
 * The agenda as a timeline of items and their phases, sized by their timeboxes: done phases ticked,
 * the current one filled, outlined and marked "Now" (for screen readers, `aria-current`).
 */
export function StageTimeline({ state }: StageTimelineProps) {
  const styles = useStyles();
  const strings = useStrings();
  const timeline = timelineOf(state);
  if (timeline.length === 0) return null;
  const shown = visibleWindow(timeline);
  const hidden = timeline.length - shown.length;
  return (
    <nav className={styles.root} aria-label={strings.t("facilitation.agenda")}>
      <ol className={styles.list} data-testid="stage-agenda-timeline">
        {shown.map(({ item, number, phases }) => {
          const minutes = phases.reduce((total, phase) => total + phase.minutes, 0);
          return (
            <li key={item.itemId} className={styles.item} style={{ flexGrow: Math.max(1, minutes) }} data-item-id={item.itemId} data-status={item.status}>
              <span className={mergeClasses(styles.itemTitle, item.status === "active" && styles.activeTitle)}>
                {number}. {item.title}
              </span>
              <ol className={styles.phases}>
                {phases.map((phase) => (
                  <li
                    key={phase.phase}
                    className={mergeClasses(styles.phase, phase.status === "done" && styles.done, phase.status === "current" && styles.current)}
                    style={{ flexGrow: Math.max(1, phase.minutes) }}
                    data-phase={phase.phase}
                    data-status={phase.status}
                    aria-current={phase.status === "current" ? "step" : undefined}
                  >
                    {phase.status === "done" ? (
                      <span className={styles.icon} role="img" aria-label={strings.t("facilitation.status.done")}>
                        ✓
                      </span>
                    ) : null}
                    {phase.status === "current" ? <PlayFilled className={styles.icon} aria-label={strings.t("facilitation.status.now")} /> : null}
                    <span className={styles.phaseText}>{strings.t(`facilitation.phase.${phase.phase}`)}</span>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      {hidden > 0 ? <span className={styles.more}>{strings.plural("facilitation.stage.moreItems", hidden)}</span> : null}
    </nav>
  );
}

/** Up to {@link TIMELINE_VISIBLE_ITEMS} items: the one before the room's, the room's, and the ones after. */
function visibleWindow(timeline: readonly TimelineItem[]): TimelineItem[] {
  const active = timeline.findIndex((entry) => entry.item.status === "active");
  const firstPending = timeline.findIndex((entry) => entry.item.status === "pending");
  const anchor = active !== -1 ? active : firstPending !== -1 ? firstPending : timeline.length - 1;
  const start = Math.max(0, Math.min(anchor - 1, timeline.length - TIMELINE_VISIBLE_ITEMS));
  return timeline.slice(start, start + TIMELINE_VISIBLE_ITEMS);
}
