import { Fragment, useId } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { timeReport, type ItemTime } from "../../../domain/facilitation/timer.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { Strings } from "../../i18n/strings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";
import { formatMinutes, wholeMinutes } from "./formatDuration.ts";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  cell: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, textAlign: "start", verticalAlign: "top" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  head: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  itemRow: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  itemName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  nameLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  phaseName: { paddingLeft: tokens.spacingHorizontalXXL, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  phaseRow: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link TimeReportTable}. */
export interface TimeReportTableProps {
  state: MeetingState;
  serverClock: ServerClock;
}

/**
 * Per item and phase, time planned against time used, from `timeReport` at the server's "now"
 * (ticking while the meeting runs). Over and under are written out, with extensions and who made them.
 */
export function TimeReportTable({ state, serverClock }: TimeReportTableProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const captionId = useId();
  const now = useServerNow(serverClock, state.facilitation.status === "running");
  const report = timeReport(state, now);
  const unfinished = new Set(state.facilitation.unfinishedItemIds);
  const format = (minutes: number) => formatMinutes(minutes, strings.locale);
  const numberCell = mergeClasses(styles.cell, styles.number);
  return (
    <div className={styles.scroller}>
      <table className={styles.table} aria-describedby={captionId} data-testid="time-report">
        <caption id={captionId} className={shared.visuallyHidden}>
          {strings.t("summary.time")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
              {strings.t("summary.item")}
            </th>
            <th scope="col" className={mergeClasses(numberCell, styles.head)}>
              {strings.t("summary.planned")}
            </th>
            <th scope="col" className={mergeClasses(numberCell, styles.head)}>
              {strings.t("summary.used")}
            </th>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
              {strings.t("summary.result")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.map((item) => (
            <Fragment key={item.itemId}>
              <tr className={styles.itemRow} data-testid="time-report-item" data-item-id={item.itemId} data-planned={item.plannedMinutes} data-used-ms={item.usedMs}>
                <th scope="row" className={styles.cell}>
                  <span className={styles.nameLine}>
                    <span className={styles.itemName}>{item.title}</span>
                    {item.status === "active" ? (
                      <TextBadge tone="brand" size="medium">
                        {strings.t("facilitation.status.now")}
                      </TextBadge>
                    ) : unfinished.has(item.itemId) ? (
                      <TextBadge tone="informative" size="medium">
                        {strings.t("summary.unfinished")}
                      </TextBadge>
                    ) : null}
                  </span>
                </th>
                <td className={numberCell}>{format(item.plannedMinutes)}</td>
                <td className={numberCell}>{isReached(item) ? format(wholeMinutes(item.usedMs)) : "—"}</td>
                <td className={mergeClasses(styles.cell, verdictOf(strings, item).isOver && styles.over)} data-testid="time-report-verdict">
                  {verdictOf(strings, item).text}
                </td>
              </tr>
              {isReached(item)
                ? item.phases.map((phase) => (
                    <tr key={phase.phase} className={styles.phaseRow}>
                      <th scope="row" className={mergeClasses(styles.cell, styles.phaseName)}>
                        {strings.t(`facilitation.phase.${phase.phase}`)}
                        {phase.extensions.map((extension, index) => (
                          <span key={index} className={shared.secondary}>
                            <br />
                            {strings.t("summary.extended", {
                              time: format(extension.minutes),
                              name: participantName(state, extension.by, strings.t("participant.unknown")),
                              reason: extension.reason,
                            })}
                          </span>
                        ))}
                      </th>
                      <td className={numberCell}>{format(phase.plannedMinutes)}</td>
                      <td className={numberCell}>{format(wholeMinutes(phase.usedMs))}</td>
                      <td className={styles.cell} />
                    </tr>
                  ))
                : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function isReached(item: ItemTime): boolean {
  return item.status !== "pending" || item.usedMs > 0;
}

/** The result column: over or under the plan in words, or not reached; `isOver` also draws it in the danger colour. */
function verdictOf(strings: Strings, item: ItemTime): { text: string; isOver: boolean } {
  if (!isReached(item)) return { text: strings.t("summary.notReached"), isOver: false };
  const difference = wholeMinutes(item.usedMs) - item.plannedMinutes;
  const time = formatMinutes(difference, strings.locale);
  if (difference > 0) return { text: strings.t("summary.over", { time }), isOver: true };
  return { text: difference < 0 ? strings.t("summary.under", { time }) : strings.t("summary.onTime"), isOver: false };
}
