import "../../i18n/facilitationControlsMessages.ts";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { agendaItems, itemPlannedMinutes } from "../../../domain/agenda/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextBadge } from "../TextBadge.tsx";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: "2px" },
  titleLine: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  done: { color: tokens.colorNeutralForeground2 },
  phases: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Props of {@link AgendaList}. */
export interface AgendaListProps {
  state: MeetingState;
}

/** The whole agenda: each item with its phases and timeboxes, "Now" and "Done" in words. */
export function AgendaList({ state }: AgendaListProps) {
  const styles = useStyles();
  const strings = useStrings();
  return (
    <ol className={styles.list} data-testid="agenda-list">
      {agendaItems(state).map((item, index) => (
        <li key={item.itemId} className={styles.item} data-item-id={item.itemId} data-status={item.status} aria-current={item.status === "active" ? "step" : undefined}>
          <span className={styles.titleLine}>
            <span className={mergeClasses(styles.title, item.status === "done" && styles.done)}>
              {index + 1}. {item.title}
            </span>
            {item.status === "active" ? <TextBadge tone="brand">{strings.t("facilitation.status.now")}</TextBadge> : null}
            {item.status === "done" ? <TextBadge tone="informative">{strings.t("facilitation.status.done")}</TextBadge> : null}
          </span>
          <span className={styles.phases}>
            {item.phases.map((plan) => `${strings.t(`facilitation.phase.${plan.phase}`)} ${strings.plural("facilitation.minutes", plan.minutes)}`).join(" · ")} (
            {strings.plural("facilitation.minutes", itemPlannedMinutes(item))})
          </span>
        </li>
      ))}
    </ol>
  );
}
