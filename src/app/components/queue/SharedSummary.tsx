import "../../i18n/queueControlsMessages.ts";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { EquitySummary, MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { EquityChart } from "./EquityChart.tsx";
import { giniText, timeOfDay } from "./equityText.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

/** Props of {@link SharedSummary}. */
export interface SharedSummaryProps {
  state: MeetingState;
  summary: EquitySummary & { sharedBy: string };
}

/**
 * The floor equity figures a facilitator chose to show the room, as they were when shared: who has
 * spoken and how much against a fair share, the Gini coefficient, and how many have not spoken yet.
 */
export function SharedSummary({ state, summary }: SharedSummaryProps) {
  const styles = useStyles();
  const controls = useQueueControlStyles();
  const strings = useStrings();
  const name = participantName(state, summary.sharedBy, strings.t("participant.unknown"));
  return (
    <section className={controls.stack} aria-labelledby="shared-summary-heading" data-testid="shared-summary">
      <h2 id="shared-summary-heading" className={controls.heading}>
        {strings.t("equity.sharedHeading", { name })}
      </h2>
      <div className={styles.card}>
        <EquityChart state={state} rows={summary.people} fairShare={summary.fairShare} presentCount={summary.presentCount} />
        {summary.notSpokenInItemCount > 0 ? <p className={controls.secondary}>{strings.plural(summary.itemId === null ? "equity.notSpokenYet" : "equity.notSpoken", summary.notSpokenInItemCount)}</p> : null}
        <p className={controls.secondary}>{strings.t("equity.gini", { gini: giniText(strings, summary.gini) })}</p>
        <p className={controls.secondary}>{strings.t("equity.asOf", { time: timeOfDay(strings, summary.at) })}</p>
      </div>
    </section>
  );
}
