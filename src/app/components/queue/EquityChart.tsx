import "../../i18n/queueControlsMessages.ts";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { formatElapsed } from "../formatElapsed.ts";
import { participantName } from "../participantName.ts";
import { ratioText } from "./equityText.ts";
import { shareText } from "./waitText.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  value: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  track: {
    position: "relative",
    height: "12px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: {
    height: "100%",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { backgroundColor: "CanvasText" },
  },
  over: { backgroundColor: tokens.colorStatusDangerBackground3, "@media (forced-colors: active)": { backgroundColor: "Highlight" } },
  fair: { position: "absolute", top: "-4px", bottom: "-4px", borderLeft: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralForeground1}` },
  words: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** One person's floor figures, as the chart draws them. */
export interface EquityRow {
  userId: string;
  floorMs: number;
  turns: number;
  /** Their part of all floor time, 0 to 1. */
  share: number;
}

/** Props of {@link EquityChart}. */
export interface EquityChartProps {
  state: MeetingState;
  /** In the order to draw them, most floor time first. */
  rows: readonly EquityRow[];
  fairShare: number;
  presentCount: number;
  /** Bars above this multiple of the fair share are drawn in the alert colour (their words say it too). */
  alertRatio?: number;
}

/**
 * Floor share per person as horizontal bars against a dashed fair-share line, drawn with CSS. The
 * bars are decoration: each row says its figures in words (share, time, turns, how many fair
 * shares), so nothing depends on seeing the bars or their colours.
 */
export function EquityChart({ state, rows, fairShare, presentCount, alertRatio }: EquityChartProps) {
  const styles = useStyles();
  const strings = useStrings();
  // leave room past the longest bar and the fair line so neither touches the end
  const scale = Math.min(1, Math.max(fairShare, ...rows.map((row) => row.share)) * 1.15) || 1;
  const percent = (share: number) => `${Math.min(100, (share / scale) * 100)}%`;
  return (
    <div className={styles.root} data-testid="equity-chart">
      <p className={styles.legend}>{strings.plural("equity.fairLine", presentCount, { fair: shareText(strings, fairShare) })}</p>
      <ul className={styles.list}>
        {rows.map((row) => {
          const ratio = fairShare === 0 ? 0 : row.share / fairShare;
          return (
            <li key={row.userId} className={styles.row} data-testid="equity-row" data-user-id={row.userId} data-share={row.share.toFixed(3)}>
              <span className={styles.head}>
                <span className={styles.name}>{participantName(state, row.userId, strings.t("participant.unknown"))}</span>
                <span className={styles.value}>{shareText(strings, row.share)}</span>
              </span>
              <span className={styles.track} aria-hidden="true">
                <span className={mergeClasses(styles.bar, alertRatio !== undefined && ratio > alertRatio && styles.over)} style={{ display: "block", width: percent(row.share) }} />
                <span className={styles.fair} style={{ left: percent(fairShare) }} />
              </span>
              <span className={styles.words}>
                {row.turns === 0
                  ? strings.t("equity.silent")
                  : strings.t("equity.row", { time: formatElapsed(row.floorMs), turns: strings.plural("me.turns", row.turns), ratio: ratioText(strings, ratio) })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
