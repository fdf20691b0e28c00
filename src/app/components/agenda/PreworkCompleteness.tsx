import { useId } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { agendaItems } from "../../../domain/agenda/selectors.ts";
import { preworkCompleteness } from "../../../domain/prework/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { CheckmarkCircleIcon, CircleIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", minWidth: "100%", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  cell: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, textAlign: "start", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
  head: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, maxWidth: "180px", overflowWrap: "anywhere" },
  mark: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  done: { color: tokens.colorStatusSuccessForeground1 },
  missing: { color: tokens.colorNeutralForeground3 },
  icon: { fontSize: "16px", flexShrink: 0 },
  complete: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link PreworkCompleteness}. */
export interface PreworkCompletenessProps {
  state: MeetingState;
}

/**
 * Who has contributed pre-work to which item, for the organizer and facilitators: one row per
 * participant, a word and an icon in each cell (never colour alone), and a count per person.
 */
export function PreworkCompleteness({ state }: PreworkCompletenessProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const completeness = preworkCompleteness(state);
  const items = agendaItems(state);
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {strings.t("prework.completeness")}
      </h2>
      <div className={styles.scroller} tabIndex={0} role="region" aria-labelledby={headingId}>
        <table className={styles.table} data-testid="prework-completeness">
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {strings.t("meetingTab.participants")}
              </th>
              {items.map((item) => (
                <th key={item.itemId} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                  {item.title}
                </th>
              ))}
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {strings.t("prework.coveredHead")}
              </th>
            </tr>
          </thead>
          <tbody>
            {completeness.participants.map((person) => (
              <tr key={person.userId} data-testid="completeness-row" data-user-id={person.userId} data-covered={person.contributedItemIds.length}>
                <th scope="row" className={styles.cell}>
                  {person.displayName}
                </th>
                {items.map((item) => {
                  const hasContributed = person.contributedItemIds.includes(item.itemId);
                  return (
                    <td key={item.itemId} className={styles.cell} data-testid="completeness-cell" data-item-id={item.itemId} data-contributed={hasContributed}>
                      <span className={mergeClasses(styles.mark, hasContributed ? styles.done : styles.missing)}>
                        {hasContributed ? <CheckmarkCircleIcon className={styles.icon} aria-hidden /> : <CircleIcon className={styles.icon} aria-hidden />}
                        {strings.t(hasContributed ? "prework.contributed" : "prework.missing")}
                      </span>
                    </td>
                  );
                })}
                <td className={mergeClasses(styles.cell, person.hasCoveredEveryItem && styles.complete)}>
                  {strings.t("prework.covered", { done: person.contributedItemIds.length, total: completeness.itemCount })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
