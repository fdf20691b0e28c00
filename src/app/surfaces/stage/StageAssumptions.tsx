import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { assumptionStatus, assumptionsForItem } from "../../../domain/prework/selectors.ts";
import { ASSUMPTION_STATUSES, type AssumptionStatus } from "../../../protocol/vocabulary.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** Assumptions the stage names; the rest are counted. Two fit under the countdown at 720 p with an extension shown. */
export const STAGE_VISIBLE_ASSUMPTIONS = 2;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "0.8vh", minWidth: 0 },
  heading: { margin: 0, fontSize: "clamp(14px, 1.6vw, 24px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "0.6vh" },
  entry: { display: "flex", alignItems: "baseline", gap: "0.8vw", minWidth: 0, fontSize: "clamp(13px, 1.5vw, 22px)", lineHeight: 1.25 },
  status: { flexShrink: 0, fontWeight: tokens.fontWeightBold },
  untested: { color: tokens.colorNeutralForeground2 },
  supported: { color: tokens.colorPaletteGreenForeground1 },
  challenged: { color: tokens.colorStatusDangerForeground1 },
  // two lines before the cut: a statement is a sentence, and the room must be able to read it
  statement: { overflow: "hidden", display: "-webkit-box", WebkitLineClamp: "2", WebkitBoxOrient: "vertical", minWidth: 0, overflowWrap: "anywhere" },
  tally: { fontWeight: tokens.fontWeightRegular },
  more: { margin: 0, fontSize: "clamp(12px, 1.3vw, 18px)", color: tokens.colorNeutralForeground2 },
});

/** "2 untested, 1 supported": each status present, in a fixed order. */
function tally(statuses: readonly AssumptionStatus[], say: (status: AssumptionStatus, count: number) => string): string {
  return ASSUMPTION_STATUSES.flatMap((status) => {
    const count = statuses.filter((each) => each === status).length;
    return count === 0 ? [] : [say(status, count)];
  }).join(", ");
}

/** Props of {@link StageAssumptions}. */
export interface StageAssumptionsProps {
  state: MeetingState;
  itemId: string;
}

/**
 * While the room diagnoses an item: the assumptions brought to it and the room's verdict on each, so
 * everyone tests the same list. The verdict is a word, not just a colour.
 */
export function StageAssumptions({ state, itemId }: StageAssumptionsProps) {
  const styles = useStyles();
  const strings = useStrings();
  const assumptions = assumptionsForItem(state, itemId);
  if (assumptions.length === 0) return null;
  const shown = assumptions.slice(0, STAGE_VISIBLE_ASSUMPTIONS);
  const hidden = assumptions.length - shown.length;
  return (
    <section className={styles.root} aria-labelledby="stage-assumptions-heading" data-testid="stage-assumptions">
      <h3 id="stage-assumptions-heading" className={styles.heading}>
        {strings.plural("stage.assumptions", assumptions.length)}
        <span className={styles.tally}> · {tally(assumptions.map(assumptionStatus), (status, count) => strings.plural(`stage.assumptionTally.${status}`, count))}</span>
      </h3>
      <ul className={styles.list}>
        {shown.map((assumption) => {
          const status = assumptionStatus(assumption);
          return (
            <li key={assumption.assumptionId} className={styles.entry} data-testid="stage-assumption" data-status={status}>
              <span className={mergeClasses(styles.status, styles[status])}>{strings.t(`status.${status}`)}</span>
              <span className={styles.statement}>{assumption.statement}</span>
            </li>
          );
        })}
      </ul>
      {hidden > 0 ? <p className={styles.more}>{strings.plural("stage.moreAssumptions", hidden)}</p> : null}
    </section>
  );
}
