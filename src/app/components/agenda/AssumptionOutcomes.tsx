import { useId } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { agendaItems } from "../../../domain/agenda/selectors.ts";
import { assumptionStatus, assumptionsForItem } from "../../../domain/prework/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";

const useStyles = makeStyles({
  entry: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  statement: { margin: 0, overflowWrap: "anywhere" },
  evidence: { gridColumn: "1 / -1" },
});

/** Props of {@link AssumptionOutcomes}. */
export interface AssumptionOutcomesProps {
  state: MeetingState;
}

/** Per item, each assumption with the room's verdict (untested, supported, challenged) and the evidence cited. */
export function AssumptionOutcomes({ state }: AssumptionOutcomesProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const groups = agendaItems(state)
    .map((item) => ({ item, assumptions: assumptionsForItem(state, item.itemId) }))
    .filter((group) => group.assumptions.length > 0);
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {strings.t("summary.outcomes")}
      </h2>
      {groups.length === 0 ? <p className={shared.secondary}>{strings.t("prework.noAssumptions")}</p> : null}
      {groups.map(({ item, assumptions }) => (
        <div key={item.itemId} className={shared.section}>
          <h3 className={shared.subheading}>{item.title}</h3>
          <ul className={shared.list}>
            {assumptions.map((assumption) => {
              const status = assumptionStatus(assumption);
              return (
                <li key={assumption.assumptionId} className={`${shared.card} ${styles.entry}`} data-testid="assumption-outcome" data-status={status}>
                  <p className={styles.statement}>{assumption.statement}</p>
                  <TextBadge tone={status === "untested" ? "informative" : "brand"} size="medium">
                    {strings.t(`status.${status}`)}
                  </TextBadge>
                  <span className={`${shared.secondary} ${styles.evidence}`}>
                    {assumption.outcome?.evidence
                      ? strings.t("summary.evidence", { text: assumption.outcome.evidence })
                      : strings.t("prework.by", { name: participantName(state, assumption.authorId, strings.t("participant.unknown")) })}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
